"""The evaluation in the admin: who sees it, what the overview and the printable report show, the downloads, and
choosing the boroughs."""

import csv
import io
import json

import pytest
from django.core.management import call_command

from evaluation.importers import import_outcomes, import_poll_waves
from evaluation.models import EvaluationSettings, OutcomeFigure
from tests.editorial import staff_user
from tests.evaluation_helpers import LAUNCH, SMALL_OUTCOMES, SMALL_POLL, choose_boroughs, set_launch_date
from tests.helpers import third_party_assets

pytestmark = pytest.mark.django_db


@pytest.fixture
def figures(db):
    set_launch_date(LAUNCH)
    import_outcomes(SMALL_OUTCOMES)
    import_poll_waves(SMALL_POLL)
    choose_boroughs()


def signed_in(client, *groups):
    client.force_login(staff_user("-".join(groups).lower(), *groups))
    return client


@pytest.mark.parametrize("role", ["Editors", "Approvers", "Administrators"])
def test_every_role_that_sees_insights_sees_the_evaluation(client, figures, role):
    signed_in(client, role)
    response = client.get("/admin/evaluation/")
    assert response.status_code == 200
    assert client.get("/admin/insights/").status_code == 200
    html = response.content.decode()
    assert "Campaign evaluation" in html and '"url": "/admin/evaluation/"' in html  # in the menu


def test_staff_without_the_permission_and_visitors_are_turned_away(client, django_user_model, figures):
    assert client.get("/admin/evaluation/").status_code == 302
    assert "/admin/login/" in client.get("/admin/evaluation/report/").url
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.create(name="Admin access only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = django_user_model.objects.create_user("plain", password="a long enough password")
    user.groups.add(group)
    client.force_login(user)
    for url in (
        "/admin/evaluation/",
        "/admin/evaluation/report/",
        "/admin/evaluation/csv/summary/",
        "/admin/evaluation/report.json",
    ):
        response = client.get(url)
        assert response.status_code == 302 and response.url == "/admin/", url


def test_overview_shows_the_figures_with_their_definitions(client, figures):
    html = signed_in(client, "Approvers").get("/admin/evaluation/").content.decode()
    # Hand-calculated in tests/test_evaluation_figures.py.
    assert "100.0" in html and "125.0" in html and "+25.0%" in html
    assert "+7.9 points" in html  # difference in differences, calls
    assert "the 8 weeks from 15 January 2024 to 10 March 2024" in html
    assert "Lambeth, Southwark" in html and "Lewisham" in html
    # Each figure's definition, the caveat and the small-number rule are on the page.
    assert "mean weekly count over the 8 weeks before the launch week" in html
    assert "(campaign − baseline) ÷ baseline × 100" in html
    assert "Wilson score interval" in html
    assert (
        "A rise in calls may include people who would have called anyway or moved from other channels; the comparison "
        "boroughs are there to show it." in html
    )
    assert "a count below 10 appears as “fewer than 10”" in html
    assert "Group figures (London, target and comparison) are computed from all rows." in html
    # Charts: server-rendered SVG, each named and described, with its data table.
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg"') == 5  # 2 measures x London, groups + 1 poll question
    assert 'role="img" class="chart__svg" aria-labelledby="chart-calls-london-title chart-calls-london-desc"' in html
    assert "London: 100 calls a week in the baseline weeks, 125 calls a week since launch (up 25.0%)." in html
    assert "Calls week by week" in html
    # Poll intervals.
    assert "25.5% to 36.6%" in html  # Wave A, target: 81 of 263
    assert "0.0% to 16.1%" in html  # Wave B, target: 0 of 20
    # A single borough's weekly figure below 10 never shows as a number.
    assert "fewer than 10" in html
    assert "Comparison boroughs are a single borough" in html
    assert "{%" not in html and "{{" not in html


def test_borough_table_suppresses_small_counts(client, figures):
    html = signed_in(client, "Editors").get("/admin/evaluation/").content.decode()
    table = html.split('id="ev-calls-boroughs"')[1].split("</table>")[0]
    rows = {row.split("</th>")[0].rsplit(">", 1)[-1]: row for row in table.split("<tr>")[2:]}
    assert "fewer than 10" in rows["4 Mar 2024"]  # Lambeth 8
    assert ">20<" in rows["11 Mar 2024"]  # Lambeth 20
    assert ">8<" not in table and ">3<" not in table and ">9<" not in table


def test_printable_report_has_every_section_and_no_admin_menu(client, figures):
    response = signed_in(client, "Approvers").get("/admin/evaluation/report/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<link rel="stylesheet" href="/static/evaluation/report-print.css" media="print">' in html
    for heading in (
        "What is compared",
        "Calls and online reports to Crimestoppers",
        "Awareness poll",
        "Site funnel by channel and partner",
        "Reading these figures with care",
    ):
        assert f">{heading}</h2>" in html
    assert "sidebar" not in html and "wagtail" not in html.lower().replace("wagtailadmin", "")
    # Tables are open on paper: no collapsed <details>.
    assert "<details" not in html
    assert third_party_assets(html) == []
    assert "<script>" not in html and " style=" not in html


def test_csv_downloads_and_json_agree_with_the_command(client, figures):
    signed_in(client, "Approvers")
    for table in ("summary", "weekly", "poll", "funnel"):
        response = client.get(f"/admin/evaluation/csv/{table}/")
        assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8", table
        assert response["Content-Disposition"].startswith(f'attachment; filename="evaluation-{table}-')
        rows = list(csv.reader(io.StringIO(response.content.decode())))
        assert len(rows) > 1, table
    assert client.get("/admin/evaluation/csv/secrets/").status_code == 404
    out = io.StringIO()
    call_command("evaluation_report", "--format", "json", stdout=out)
    assert json.loads(client.get("/admin/evaluation/report.json").content) == json.loads(out.getvalue())
    out = io.StringIO()
    call_command("evaluation_report", "--format", "csv", "--table", "weekly", stdout=out)
    assert out.getvalue().replace("\r\n", "\n") == client.get("/admin/evaluation/csv/weekly/").content.decode().replace(
        "\r\n", "\n"
    )


def test_choosing_boroughs_in_the_settings(client, db):
    signed_in(client, "Editors")
    url = "/admin/settings/evaluation/evaluationsettings/"
    response = client.get(url, follow=True)
    html = response.content.decode()
    assert 'type="checkbox" name="target_boroughs" value="City of London"' in html
    assert html.count('name="comparison_boroughs"') == 33
    edit_url = response.redirect_chain[-1][0] if response.redirect_chain else url
    response = client.post(
        edit_url,
        {"target_boroughs": ["Lambeth", "Southwark"], "comparison_boroughs": ["Lewisham", "Brent"]},
        follow=True,
    )
    assert response.status_code == 200
    chosen = EvaluationSettings.load()
    assert (chosen.target_boroughs, chosen.comparison_boroughs) == (["Lambeth", "Southwark"], ["Lewisham", "Brent"])
    # A borough cannot be in both groups, and only real boroughs can be chosen.
    response = client.post(edit_url, {"target_boroughs": ["Lambeth"], "comparison_boroughs": ["Lambeth"]})
    assert "A borough cannot be both target and comparison: Lambeth." in response.content.decode()
    response = client.post(edit_url, {"target_boroughs": ["Atlantis"]})
    assert "Select a valid choice. Atlantis is not one of the available choices." in response.content.decode()
    assert EvaluationSettings.load().target_boroughs == ["Lambeth", "Southwark"]


def test_approvers_cannot_choose_boroughs_or_correct_figures(client, figures):
    signed_in(client, "Approvers")
    assert client.get("/admin/settings/evaluation/evaluationsettings/", follow=True).redirect_chain[-1][0] == "/admin/"
    assert client.get("/admin/evaluation/outcome-figures/").status_code == 302


def test_a_figure_can_be_corrected_in_the_admin_with_the_same_rules(client, figures):
    signed_in(client, "Editors")
    figure = OutcomeFigure.objects.get(week_start="2024-03-11", area="London", measure="calls")
    url = f"/admin/evaluation/outcome-figures/edit/{figure.pk}/"
    data = {"week_start": "2024-03-12", "area": "London", "measure": "calls", "count": "121"}
    response = client.post(url, data)
    assert "2024-03-12 is a Tuesday; weeks start on a Monday" in response.content.decode()
    figure.refresh_from_db()
    assert figure.count == 120
    response = client.post(url, {**data, "week_start": "2024-03-11"})
    assert response.status_code == 302
    figure.refresh_from_db()
    assert figure.count == 121


def test_menu_shows_each_role_what_it_may_do(client, figures):
    html = signed_in(client, "Approvers").get("/admin/evaluation/").content.decode()
    assert "Import outcome figures" not in html and "Partner links" not in html
    client.logout()
    html = signed_in(client, "Administrators").get("/admin/evaluation/").content.decode()
    assert "Import outcome figures" in html and "Partner links" in html and "Choose boroughs" in html
