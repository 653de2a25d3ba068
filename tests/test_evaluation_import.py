"""Importing outcome figures and poll waves: the command and the admin upload share one importer; a bad file is refused
whole, each problem named by line and column, and the database is exactly as it was."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from evaluation.importers import ImportRefused, import_outcomes, import_poll_waves
from evaluation.models import OutcomeFigure, PollResult
from tests.editorial import staff_user
from tests.evaluation_helpers import SMALL_OUTCOMES, SMALL_POLL, stored_rows

pytestmark = pytest.mark.django_db

OUTCOME_HEADER = "week_start,area,measure,count\n"
POLL_HEADER = "wave,fieldwork_start,fieldwork_end,area,question,sample_size,yes\n"

# (file, what the message must say). Line 1 is the header.
BAD_OUTCOME_FILES = {
    "unknown column": (
        "week_start,area,measure,count,borough\n2024-03-11,London,calls,5,x\n",
        ["Line 1, column 5 ('borough'): unknown column"],
    ),
    "missing column": (
        "week_start,area,count\n2024-03-11,London,5\n",
        ["Line 1, column measure: this column is missing"],
    ),
    "non-Monday date": (
        OUTCOME_HEADER + "2024-03-11,London,calls,5\n2024-03-12,London,online_reports,5\n",
        [
            "Line 3, column week_start: 2024-03-12 is a Tuesday; weeks start on a Monday",
            "(that week's Monday is 2024-03-11)",
        ],
    ),
    "date not ISO": (
        OUTCOME_HEADER + "11/03/2024,London,calls,5\n",
        ["Line 2, column week_start: '11/03/2024' is not a date written YYYY-MM-DD"],
    ),
    "impossible date": (
        OUTCOME_HEADER + "2024-02-30,London,calls,5\n",
        ["Line 2, column week_start: '2024-02-30' is not a real date"],
    ),
    "unknown borough": (
        OUTCOME_HEADER + "2024-03-11,London,calls,5\n2024-03-11,Lambath,calls,5\n",
        ["Line 3, column area: 'Lambath' is not London or one of the 33 London boroughs", "Did you mean 'Lambeth'?"],
    ),
    "unknown measure": (
        OUTCOME_HEADER + "2024-03-11,London,stabbings,5\n",
        ["Line 2, column measure: 'stabbings' is not a known measure"],
    ),
    "negative count": (
        OUTCOME_HEADER + "2024-03-11,London,calls,5\n2024-03-11,Camden,calls,7\n2024-03-11,Barnet,calls,-3\n",
        ["Line 4, column count: -3 is below 0"],
    ),
    "decimal count": (
        OUTCOME_HEADER + "2024-03-11,London,calls,12.5\n",
        ["Line 2, column count: '12.5' is not a whole number"],
    ),
    "count in words": (
        OUTCOME_HEADER + "2024-03-11,London,calls,twelve\n",
        ["Line 2, column count: 'twelve' is not a whole number"],
    ),
    "empty count": (OUTCOME_HEADER + "2024-03-11,London,calls,\n", ["Line 2, column count: empty"]),
    "short line": (OUTCOME_HEADER + "2024-03-11,London,calls\n", ["Line 2, column count: missing"]),
    "extra value": (
        OUTCOME_HEADER + "2024-03-11,London,calls,5,6\n",
        ["Line 2, column 5: a value ('6') with no column heading"],
    ),
    "duplicate row": (
        OUTCOME_HEADER + "2024-03-11,London,calls,5\n2024-03-11,Camden,calls,7\n2024-03-11,london,calls,6\n",
        ["Line 4, columns week_start, area, measure: the same week, area and measure as line 2"],
    ),
    "empty file": ("", ["The file is empty"]),
    "header only": (OUTCOME_HEADER, ["The file has a header but no figures"]),
}


def poll(*lines):
    return POLL_HEADER + "".join(f"{line}\n" for line in lines)


WAVE_W = "W,2024-02-01,2024-02-10"  # a wave and its fieldwork dates
BAD_POLL_FILES = {
    "unknown column": (
        POLL_HEADER.replace("yes\n", "yes,weight\n") + f"{WAVE_W},target,would_call,10,5,1\n",
        ["Line 1, column 8 ('weight'): unknown column"],
    ),
    "zero sample": (poll(f"{WAVE_W},target,would_call,0,0"), ["Line 2, column sample_size: 0 is below 1"]),
    "more yes than asked": (
        poll(f"{WAVE_W},target,would_call,20,30"),
        ["Line 2, column yes: 30 is more than the sample_size of 20"],
    ),
    "negative yes": (poll(f"{WAVE_W},target,would_call,20,-1"), ["Line 2, column yes: -1 is below 0"]),
    "decimal yes": (poll(f"{WAVE_W},target,would_call,20,2.5"), ["Line 2, column yes: '2.5' is not a whole number"]),
    "unknown area": (
        poll(f"{WAVE_W},north,would_call,20,5"),
        ["Line 2, column area: 'north' is not a known poll area"],
    ),
    "unknown question": (
        poll(f"{WAVE_W},target,likes_film,20,5"),
        ["Line 2, column question: 'likes_film' is not a known question"],
    ),
    "bad date": (
        poll("W,1 Feb 2024,2024-02-10,target,would_call,20,5"),
        ["Line 2, column fieldwork_start: '1 Feb 2024' is not a date"],
    ),
    "ends before it starts": (
        poll("W,2024-02-10,2024-02-01,target,would_call,20,5"),
        ["Line 2, column fieldwork_end: 2024-02-01 is before 2024-02-10"],
    ),
    "one wave, two sets of dates": (
        poll(f"{WAVE_W},target,would_call,20,5", "W,2024-02-01,2024-02-11,comparison,would_call,20,5"),
        ["Line 3, columns fieldwork_start, fieldwork_end: W has fieldwork 2024-02-01 to 2024-02-10 on line 2"],
    ),
    "duplicate row": (
        poll(f"{WAVE_W},target,would_call,20,5", f"{WAVE_W},target,would_call,30,6"),
        ["Line 3, columns wave, area, question: the same wave, area and question as line 2"],
    ),
    "long label": (
        poll(f"{'W' * 41},2024-02-01,2024-02-10,target,would_call,20,5"),
        ["Line 2, column wave:", "longer than 40"],
    ),
}


@pytest.fixture
def existing(db):
    """Rows already stored, which a refused file must leave exactly as they are."""
    import_outcomes(SMALL_OUTCOMES)
    import_poll_waves(SMALL_POLL)
    return stored_rows()


def refused_problems(importer, content):
    with pytest.raises(ImportRefused) as refused:
        importer(content.encode() if isinstance(content, str) else content)
    return refused.value.problems


@pytest.mark.parametrize("case", list(BAD_OUTCOME_FILES))
def test_bad_outcome_file_is_refused_with_line_and_column(case, existing):
    content, expected = BAD_OUTCOME_FILES[case]
    message = "\n".join(refused_problems(import_outcomes, content))
    for text in expected:
        assert text in message
    assert stored_rows() == existing


@pytest.mark.parametrize("case", list(BAD_POLL_FILES))
def test_bad_poll_file_is_refused_with_line_and_column(case, existing):
    content, expected = BAD_POLL_FILES[case]
    message = "\n".join(refused_problems(import_poll_waves, content))
    for text in expected:
        assert text in message
    assert stored_rows() == existing


def test_a_file_that_is_not_utf8_names_the_line(existing):
    content = (OUTCOME_HEADER + "2024-03-11,London,calls,5\n").encode() + "2024-03-11,Barnet,calls,5 é\n".encode(
        "latin-1"
    )
    assert refused_problems(import_outcomes, content) == [
        "Line 3: the file is not UTF-8 text. Save it from your spreadsheet as 'CSV UTF-8'."
    ]
    assert stored_rows() == existing


def test_good_lines_are_not_imported_when_one_line_is_bad(existing):
    content = OUTCOME_HEADER + "2025-01-06,London,calls,5\n2025-01-06,Camden,calls,6\n2025-01-13,Camden,calls,x\n"
    refused_problems(import_outcomes, content)
    assert not OutcomeFigure.objects.filter(week_start="2025-01-06").exists()
    assert stored_rows() == existing


def test_every_problem_is_listed_not_only_the_first(existing):
    content = OUTCOME_HEADER + "2024-03-12,London,calls,5\n2024-03-11,Nowhere,calls,5\n2024-03-11,London,calls,-1\n"
    problems = refused_problems(import_outcomes, content)
    assert [problem.split(":")[0] for problem in problems] == [
        "Line 2, column week_start",
        "Line 3, column area",
        "Line 4, column count",
    ]


def test_blank_lines_byte_order_mark_names_and_trailing_columns_are_forgiven(db):
    content = (
        "\ufeffWeek_Start, Area ,MEASURE,count,\r\n\r\n"
        "2024-03-11,kingston upon thames,calls,5,\r\n2024-03-11,Hammersmith & Fulham,Calls,7,\r\n"
    )
    result = import_outcomes(content.encode())
    assert (result.rows, result.created, result.replaced) == (2, 2, 0)
    assert set(OutcomeFigure.objects.values_list("area", "measure", "count")) == {
        ("Kingston upon Thames", "calls", 5),
        ("Hammersmith and Fulham", "calls", 7),
    }


def test_a_row_for_a_stored_week_area_and_measure_replaces_it(existing):
    result = import_outcomes(OUTCOME_HEADER + "2024-03-11,London,calls,121\n2030-01-07,London,calls,1\n")
    assert (result.rows, result.created, result.replaced) == (2, 1, 1)
    assert str(result) == "Imported 2 outcome figures: 1 new, 1 replaced."
    assert OutcomeFigure.objects.get(week_start="2024-03-11", area="London", measure="calls").count == 121
    assert OutcomeFigure.objects.count() == len(existing[0]) + 1


def test_a_poll_row_for_a_stored_wave_area_and_question_replaces_it_and_the_wave_takes_the_new_dates(existing):
    result = import_poll_waves(POLL_HEADER + "Wave A,2024-02-02,2024-02-11,target,aware_of_campaign,300,90\n")
    assert (result.created, result.replaced) == (0, 1)
    rows = {row.area: row for row in PollResult.objects.filter(wave="Wave A")}
    assert (rows["target"].sample_size, rows["target"].yes) == (300, 90)
    # The wave's other row moved with it: one wave, one stretch of fieldwork.
    assert (
        str(rows["comparison"].fieldwork_start) == "2024-02-02"
        and str(rows["comparison"].fieldwork_end) == "2024-02-11"
    )


def test_commands_import_and_refuse_with_the_same_messages(tmp_path, existing):
    good = tmp_path / "good.csv"
    good.write_text(OUTCOME_HEADER + "2030-01-07,Camden,calls,4\n")
    out = io.StringIO()
    call_command("import_outcomes", str(good), stdout=out)
    assert "Imported 1 outcome figures: 1 new, 0 replaced." in out.getvalue()
    after_good = stored_rows()

    bad = tmp_path / "bad.csv"
    bad.write_text(BAD_OUTCOME_FILES["negative count"][0])
    with pytest.raises(CommandError) as error:
        call_command("import_outcomes", str(bad))
    assert "was not imported; nothing was changed" in str(error.value)
    assert "Line 4, column count: -3 is below 0" in str(error.value)
    assert stored_rows() == after_good

    bad_poll = tmp_path / "bad-poll.csv"
    bad_poll.write_text(BAD_POLL_FILES["more yes than asked"][0])
    with pytest.raises(CommandError) as error:
        call_command("import_poll_waves", str(bad_poll))
    assert "Line 2, column yes: 30 is more than the sample_size of 20" in str(error.value)
    assert stored_rows() == after_good

    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_poll_waves", str(tmp_path / "missing.csv"))


def test_a_file_over_the_size_limit_is_refused(settings, existing):
    settings.EVALUATION_IMPORT_MAX_BYTES = 100
    problems = refused_problems(import_outcomes, OUTCOME_HEADER + "2030-01-07,Camden,calls,4\n" * 10)
    assert problems[0].startswith("The file is larger than")
    assert stored_rows() == existing


@pytest.fixture
def comms_officer(client):
    client.force_login(staff_user("comms-officer", "Editors"))
    return client


@pytest.mark.parametrize(
    ("url", "cases"),
    [
        ("/admin/evaluation/import/outcomes/", BAD_OUTCOME_FILES),
        ("/admin/evaluation/import/poll-waves/", BAD_POLL_FILES),
    ],
)
def test_admin_upload_refuses_each_bad_file_with_its_message(comms_officer, existing, url, cases):
    for case, (content, expected) in cases.items():
        response = comms_officer.post(url, {"file": SimpleUploadedFile(f"{case}.csv", content.encode(), "text/csv")})
        html = response.content.decode()
        if case == "empty file":
            # An empty upload is refused by the form itself before it reaches the importer.
            assert response.status_code == 200 and "The submitted file is empty." in html, case
        else:
            assert response.status_code == 400, case
            assert "The file was not imported" in html and "Nothing was changed." in html, case
            for text in expected:
                assert text.replace("'", "&#x27;") in html, (case, text)
        assert stored_rows() == existing, case


def test_admin_upload_page_explains_the_columns(comms_officer, db):
    html = comms_officer.get("/admin/evaluation/import/outcomes/").content.decode()
    assert "<code>week_start,area,measure,count</code>" in html
    assert "Barking and Dagenham, Barnet, Bexley" in html and "City of London" in html and "(&#x27;" not in html
    html = comms_officer.get("/admin/evaluation/import/poll-waves/").content.decode()
    assert "<code>aware_of_campaign</code> (aware of the campaign)" in html


def test_admin_upload_imports_and_says_how_many(comms_officer, db):
    response = comms_officer.post(
        "/admin/evaluation/import/outcomes/",
        {"file": SimpleUploadedFile("figures.csv", SMALL_OUTCOMES.encode(), "text/csv")},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/admin/evaluation/"
    assert "Imported 23 outcome figures: 23 new, 0 replaced. (from figures.csv)" in response.content.decode()
    assert OutcomeFigure.objects.count() == 23
    response = comms_officer.post(
        "/admin/evaluation/import/poll-waves/",
        {"file": SimpleUploadedFile("poll.csv", SMALL_POLL.encode(), "text/csv")},
        follow=True,
    )
    assert "Imported 4 poll results: 4 new, 0 replaced. (from poll.csv)" in response.content.decode()


def test_approvers_see_the_evaluation_but_cannot_import(client, db):
    client.force_login(staff_user("approver", "Approvers"))
    assert client.get("/admin/evaluation/").status_code == 200
    for url in ("/admin/evaluation/import/outcomes/", "/admin/evaluation/import/poll-waves/"):
        response = client.post(url, {"file": SimpleUploadedFile("f.csv", SMALL_OUTCOMES.encode(), "text/csv")})
        assert response.status_code == 302 and response.url == "/admin/", url
    assert OutcomeFigure.objects.count() == 0


def test_clearing_the_figures_needs_a_confirmation(existing):
    with pytest.raises(CommandError, match="--yes"):
        call_command("clear_evaluation_data", "--outcomes")
    with pytest.raises(CommandError, match="Say what to delete"):
        call_command("clear_evaluation_data", "--yes")
    assert stored_rows() == existing
    out = io.StringIO()
    call_command("clear_evaluation_data", "--outcomes", "--yes", stdout=out)
    assert out.getvalue().strip() == f"Deleted {len(existing[0])} outcome figures and 0 poll results."
    assert stored_rows() == ([], existing[1])
