"""The evaluation's figures against answers worked out by hand or published, on small files.

Hand calculations for tests/evaluation_helpers.SMALL_OUTCOMES (launch week 11 March 2024, baseline 15 Jan - 4 Mar):

- London calls: baseline weeks with a row are 15 Jan 100, 29 Jan 110, 12 Feb 90, 4 Mar 100 (8 Jan is before the
  baseline and left out) -> mean 100. Campaign: 11 Mar 120, 18 Mar 130 (25 Mar has no row, left out) -> 125.
  Change (125 - 100) / 100 = +25.0 %.
- London online reports: baseline 26 Feb 40, 4 Mar 60 -> 50; campaign 55, 56, 56 -> 167 / 3 = 55.6667;
  change 11.3333 -> 11.3 %.
- Target (Lambeth + Southwark) calls: weekly sums 26 Feb 12 + 18 = 30, 4 Mar 8 -> baseline 19; campaign 11 Mar
  20 + 18 = 38, 18 Mar 3 -> 20.5; change 1.5 / 19 = 7.8947 -> 7.9 %.
- Comparison (Lewisham) calls: baseline 10, 14 -> 12; campaign 9, 15 -> 12; change 0.0 %.
- Difference in differences, calls: 7.8947 - 0 = 7.9 points. Online reports: no borough rows -> null.

Wilson intervals (z = 1.96) as published by Newcombe (1998), Statistics in Medicine 17:857-872, table II:
81/263 -> 0.2553 to 0.3662; 15/148 -> 0.0624 to 0.1605; 0/20 -> 0 to 0.1611; 1/29 -> 0.0061 to 0.1718.
Differences (Newcombe 1998, Statistics in Medicine 17:873-890, method 10): 56/70 - 48/80 -> 0.0524 to 0.3339;
9/10 - 3/10 -> 0.1705 to 0.8090; 5/56 - 0/29 -> -0.0381 to 0.1926.
"""

import csv
import datetime
import io
import json

import pytest
from django.core.management import call_command
from wagtail.models import Page

from evaluation import stats
from evaluation.figures import evaluate
from evaluation.importers import import_outcomes, import_poll_waves
from evaluation.report import as_json, write_csv
from insights import counters
from partners.models import Partner
from tests.evaluation_helpers import (
    COMPARISON,
    LAUNCH,
    SMALL_OUTCOMES,
    SMALL_POLL,
    TARGET,
    choose_boroughs,
    set_launch_date,
)

pytestmark = pytest.mark.django_db

EXPECTED_JSON = {
    "launch_week": "2024-03-11",
    "outcomes": {
        "london": {
            "calls": {"baseline_weekly_mean": 100.0, "campaign_weekly_mean": 125.0, "change_pct": 25.0},
            "online_reports": {"baseline_weekly_mean": 50.0, "campaign_weekly_mean": 55.6667, "change_pct": 11.3},
        },
        "target": {
            "calls": {"baseline_weekly_mean": 19.0, "campaign_weekly_mean": 20.5, "change_pct": 7.9},
            "online_reports": {"baseline_weekly_mean": None, "campaign_weekly_mean": None, "change_pct": None},
        },
        "comparison": {
            "calls": {"baseline_weekly_mean": 12.0, "campaign_weekly_mean": 12.0, "change_pct": 0.0},
            "online_reports": {"baseline_weekly_mean": None, "campaign_weekly_mean": None, "change_pct": None},
        },
    },
    "did_pp": {"calls": 7.9, "online_reports": None},
    "poll": [
        {"wave": "Wave A", "area": "target", "question": "aware_of_campaign", "n": 263, "share": 0.308,
         "ci95": [0.2553, 0.3662]},
        {"wave": "Wave A", "area": "comparison", "question": "aware_of_campaign", "n": 148, "share": 0.1014,
         "ci95": [0.0624, 0.1605]},
        {"wave": "Wave B", "area": "target", "question": "aware_of_campaign", "n": 20, "share": 0.0,
         "ci95": [0.0, 0.1611]},
        {"wave": "Wave B", "area": "comparison", "question": "aware_of_campaign", "n": 29, "share": 0.0345,
         "ci95": [0.0061, 0.1718]},
    ],
}  # fmt: skip


@pytest.fixture
def small_files(db):
    set_launch_date(LAUNCH)
    import_outcomes(SMALL_OUTCOMES)
    import_poll_waves(SMALL_POLL)
    choose_boroughs()


@pytest.mark.parametrize(
    ("yes", "n", "low", "high"),
    [(81, 263, 0.2553, 0.3662), (15, 148, 0.0624, 0.1605), (0, 20, 0.0, 0.1611), (1, 29, 0.0061, 0.1718),
     (29, 29, 0.8830, 1.0)],
)  # fmt: skip
def test_wilson_interval_matches_newcombe_1998(yes, n, low, high):
    assert [round(bound, 4) for bound in stats.wilson_interval(yes, n)] == [low, high]


@pytest.mark.parametrize(
    ("before", "after", "low", "high"),
    [((48, 80), (56, 70), 0.0524, 0.3339), ((3, 10), (9, 10), 0.1705, 0.8090), ((0, 29), (5, 56), -0.0381, 0.1926)],
)
def test_difference_interval_matches_newcombe_1998(before, after, low, high):
    difference, lower, upper = stats.difference_interval(*before, *after)
    assert round(difference, 4) == round(after[0] / after[1] - before[0] / before[1], 4)
    assert (round(lower, 4), round(upper, 4)) == (low, high)


def test_wilson_refuses_impossible_answers():
    for yes, n in [(5, 0), (-1, 10), (11, 10)]:
        with pytest.raises(ValueError):
            stats.wilson_interval(yes, n)


def test_small_number_rule():
    assert [stats.shown(n) for n in (0, 1, 9, 10, 11, 250)] == [
        "fewer than 10", "fewer than 10", "fewer than 10", 10, 11, 250,
    ]  # fmt: skip
    assert stats.shown(None) is None
    # A total beside exactly one suppressed count would give it away (41 - 37 = 4): withheld.
    assert stats.shown_total([37, 4]) is None
    # Two suppressed counts: the total tells only their sum, so it is shown.
    assert stats.shown_total([37, 4, 3]) == 44
    assert stats.shown_total([5, 3]) == "fewer than 10"
    assert stats.shown_total([12, 30]) == 42


def test_means_leave_out_missing_weeks_and_change_needs_a_baseline():
    assert stats.mean([10, None, 20]) == 15
    assert stats.mean([None]) is None
    assert stats.change_pct(0, 5) is None
    assert stats.change_pct(None, 5) is None
    assert stats.change_pct(8, 10) == 25


def test_json_agrees_with_the_hand_calculation(small_files):
    assert as_json(evaluate()) == EXPECTED_JSON


def test_command_prints_exactly_the_issue_shape(small_files):
    out = io.StringIO()
    call_command("evaluation_report", "--format", "json", stdout=out)
    printed = json.loads(out.getvalue())
    assert printed == EXPECTED_JSON
    assert list(printed) == ["launch_week", "outcomes", "did_pp", "poll"]
    for group in ("london", "target", "comparison"):
        for measure in ("calls", "online_reports"):
            assert list(printed["outcomes"][group][measure]) == [
                "baseline_weekly_mean", "campaign_weekly_mean", "change_pct",
            ]  # fmt: skip
    assert list(printed["poll"][0]) == ["wave", "area", "question", "n", "share", "ci95"]
    # Floats are floats (12.0, not 12) and the rounding is the issue's.
    assert isinstance(printed["outcomes"]["comparison"]["calls"]["baseline_weekly_mean"], float)
    assert isinstance(printed["poll"][2]["share"], float)


def test_without_a_launch_date_everything_is_null_but_the_shape_holds(db):
    set_launch_date(None)
    import_outcomes(SMALL_OUTCOMES)
    out = io.StringIO()
    call_command("evaluation_report", stdout=out)
    printed = json.loads(out.getvalue())
    assert printed["launch_week"] is None
    assert printed["did_pp"] == {"calls": None, "online_reports": None}
    assert printed["outcomes"]["london"]["calls"] == {
        "baseline_weekly_mean": None, "campaign_weekly_mean": None, "change_pct": None,
    }  # fmt: skip
    assert printed["poll"] == []


def test_before_and_after_waves_and_their_difference(small_files):
    evaluation = evaluate()
    assert (evaluation.before_wave, evaluation.after_wave) == ("Wave A", "Wave B")
    target = next(change for change in evaluation.poll_changes if change.area == "target")
    # 0/20 - 81/263 = -0.3080 points.
    assert round(target.difference_pp, 1) == -30.8
    difference, low, high = target.interval
    assert low < difference < high and high < 0


def test_weekly_csv_suppresses_single_boroughs_but_not_groups(small_files):
    out = io.StringIO()
    write_csv(out, evaluate(), "weekly")
    rows = {(row["week_start"], row["area"]): row for row in csv.DictReader(io.StringIO(out.getvalue()))}
    # Lambeth's 8 and 3, Camden's 0: one borough in one week, below 10.
    assert rows[("2024-03-04", "Lambeth")]["calls"] == "fewer than 10"
    assert rows[("2024-03-18", "Lambeth")]["calls"] == "fewer than 10"
    assert rows[("2024-03-25", "Camden")]["calls"] == "fewer than 10"
    assert rows[("2024-03-11", "Lambeth")]["calls"] == "20"
    assert rows[("2024-02-26", "Lewisham")]["calls"] == "10"  # 10 is not below 10
    # The target group is two boroughs: its weekly sum is shown as computed from all rows, even when small.
    assert rows[("2024-03-18", "Target boroughs")]["calls"] == "3"
    assert rows[("2024-03-04", "Target boroughs")]["calls"] == "8"
    # The comparison group is Lewisham alone: its weekly figure is one borough's, so the rule applies.
    assert rows[("2024-03-11", "Comparison boroughs")]["calls"] == "fewer than 10"
    assert rows[("2024-03-25", "Comparison boroughs")]["calls"] == "15"
    # London is never a single borough.
    assert rows[("2024-03-18", "London")]["calls"] == "130"
    # Nowhere does a single borough's small count appear as a number.
    for (_, area), row in rows.items():
        if row["kind"] == "borough":
            for measure in ("calls", "online_reports"):
                assert row[measure] in ("", "fewer than 10") or int(row[measure]) >= 10, (area, row)


def test_summary_csv_carries_the_same_figures(small_files):
    out = io.StringIO()
    write_csv(out, evaluate(), "summary")
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    london_calls = next(row for row in rows if row["group"] == "london" and row["measure"] == "calls")
    assert london_calls["baseline_weekly_mean"] == "100.0" and london_calls["change_pct"] == "25.0"
    assert london_calls["baseline_weeks"] == "4" and london_calls["campaign_weeks"] == "2"
    did = next(row for row in rows if row["group"] == "difference_in_differences_pp" and row["measure"] == "calls")
    assert did["change_pct"] == "7.9"


def test_evaluation_uses_the_settings_boroughs(small_files):
    evaluation = evaluate()
    assert evaluation.target == TARGET and evaluation.comparison == COMPARISON
    assert evaluation.single_borough_groups == ["Comparison boroughs"]


def test_site_funnel_per_channel_and_partner_code_since_launch(db):
    set_launch_date(LAUNCH)
    Partner.objects.create(name="Test charity", code="test-charity")
    page = Page.get_first_root_node().add_child(instance=Page(title="A story (test)", slug="a-story-test"))
    after, before = LAUNCH + datetime.timedelta(days=3), LAUNCH - datetime.timedelta(days=1)
    for day, event, channel, n in [
        (after, "page_view", "radio", 200),
        (after, "film_started", "radio", 50),
        (after, "film_100", "radio", 20),
        (after, "call_tapped", "radio", 3),
        (after, "form_tapped", "radio", 1),
        (after, "page_view", "test-charity", 40),
        (after, "call_tapped", "test-charity", 2),
        (after, "share_whatsapp", "test-charity", 9),  # not a funnel step
        (before, "page_view", "radio", 1000),  # before the launch date: left out
    ]:
        counters.increment(page.id, event, channel, n=n, day=day)
    evaluation = evaluate()
    radio, charity = evaluation.funnel
    assert (radio.label, radio.kind, charity.label, charity.kind) == (
        "Radio",
        "channel",
        "Partner: Test charity",
        "partner",
    )
    assert radio.counts == {"views": 200, "started": 50, "completed": 20, "calls": 3, "forms": 1}
    # Per 100 views: 25 started, 10 completed, 1.5 calls, 0.5 forms, 2.0 calls and forms together.
    assert [rate for _, _, rate in radio.steps] == [100.0, 25.0, 10.0, 1.5, 0.5, 2.0]
    assert charity.per_hundred("calls") == 5.0 and charity.per_hundred("started") == 0.0
    assert evaluation.funnel_total.counts["views"] == 240
    out = io.StringIO()
    write_csv(out, evaluation, "funnel")
    rows = {row["channel"]: row for row in csv.DictReader(io.StringIO(out.getvalue()))}
    assert rows["radio"]["calls_or_forms_per_100_views"] == "2.0"
    assert rows["test-charity"]["kind"] == "partner" and rows["all"]["views"] == "240"


def test_poll_csv_keeps_a_wave_label_from_being_read_as_a_formula(db):
    import_poll_waves(
        "wave,fieldwork_start,fieldwork_end,area,question,sample_size,yes\n"
        '"=HYPERLINK(""http://example.com"")",2024-02-01,2024-02-10,target,would_call,100,40\n'
    )
    out = io.StringIO()
    write_csv(out, evaluate(), "poll")
    row = list(csv.DictReader(io.StringIO(out.getvalue())))[0]
    assert row["wave"] == '\'=HYPERLINK("http://example.com")' and row["share"] == "0.4"
