"""The evaluation as data: the JSON object `evaluation_report --format json` prints, and the CSV tables the admin
offers for download. Both come from one `figures.Evaluation`, so they agree with the page."""

import csv

from . import stats
from .areas import MEASURES
from .figures import FUNNEL_STEPS, GROUPS


def as_json(evaluation):
    """The issue's shape: floats to 4 decimals, change_pct and did_pp to 1; null where there is nothing to compute."""
    outcomes = {
        group: {
            measure: {
                "baseline_weekly_mean": stats.rounded(series.baseline, 4),
                "campaign_weekly_mean": stats.rounded(series.campaign, 4),
                "change_pct": stats.rounded(series.change, 1),
            }
            for measure, series in evaluation.outcomes[group].items()
        }
        for group in GROUPS
    }
    return {
        "launch_week": evaluation.launch_week.isoformat() if evaluation.launch_week else None,
        "outcomes": outcomes,
        "did_pp": {measure: stats.rounded(value, 1) for measure, value in evaluation.did.items()},
        "poll": [
            {
                "wave": row.wave,
                "area": row.area,
                "question": row.question,
                "n": row.n,
                "share": stats.rounded(row.share, 4),
                "ci95": [stats.rounded(bound, 4) for bound in row.ci95],
            }
            for row in evaluation.poll
        ],
    }


def _blank(value):
    return "" if value is None else value


def summary_rows(evaluation):
    yield ["group", "measure", "baseline_weekly_mean", "campaign_weekly_mean", "change_pct", "baseline_weeks",
           "campaign_weeks"]  # fmt: skip
    for group in GROUPS:
        for measure, series in evaluation.outcomes[group].items():
            yield [
                group,
                measure,
                _blank(stats.rounded(series.baseline, 4)),
                _blank(stats.rounded(series.campaign, 4)),
                _blank(stats.rounded(series.change, 1)),
                series.baseline_weeks,
                series.campaign_weeks,
            ]
    for measure, value in evaluation.did.items():
        yield ["difference_in_differences_pp", measure, "", "", _blank(stats.rounded(value, 1)), "", ""]


def weekly_rows(evaluation):
    """Every week's figure for London, the two groups and every borough; a single borough's small counts as
    'fewer than 10'."""
    yield ["week_start", "area", "kind", *MEASURES]
    for week in evaluation.weeks:
        for group in GROUPS:
            values = [evaluation.outcomes[group][measure].shown(week) for measure in MEASURES]
            kind = "london" if group == "london" else "group"
            yield [week.isoformat(), GROUPS[group], kind, *(_blank(value) for value in values)]
        boroughs = sorted({area for by_area in evaluation.boroughs.values() for area in by_area})
        for borough in boroughs:
            values = [stats.shown(evaluation.boroughs[measure].get(borough, {}).get(week)) for measure in MEASURES]
            if any(value is not None for value in values):
                yield [week.isoformat(), borough, "borough", *(_blank(value) for value in values)]


def poll_rows(evaluation):
    yield ["wave", "fieldwork_start", "fieldwork_end", "area", "question", "n", "yes", "share", "ci95_low", "ci95_high"]
    for row in evaluation.poll:
        low, high = row.ci95
        yield [
            row.wave,
            row.fieldwork_start.isoformat(),
            row.fieldwork_end.isoformat(),
            row.area,
            row.question,
            row.n,
            row.yes,
            stats.rounded(row.share, 4),
            stats.rounded(low, 4),
            stats.rounded(high, 4),
        ]
    for change in evaluation.poll_changes:
        difference, low, high = change.interval
        yield [
            f"{change.after.wave} minus {change.before.wave}",
            "",
            "",
            change.area,
            change.question,
            "",
            "",
            stats.rounded(difference, 4),
            stats.rounded(low, 4),
            stats.rounded(high, 4),
        ]


def funnel_rows(evaluation):
    steps = list(FUNNEL_STEPS)
    yield ["channel", "kind", *steps, "calls_or_forms", *(f"{step}_per_100_views" for step in steps[1:]),
           "calls_or_forms_per_100_views"]  # fmt: skip
    for row in [*evaluation.funnel, evaluation.funnel_total]:
        yield [
            row.code,
            row.kind,
            *(row.counts[step] for step in steps),
            row.contacts,
            *(_blank(row.per_hundred(step)) for step in steps[1:]),
            _blank(row.per_hundred("contacts")),
        ]


TABLES = {
    "summary": ("Baseline, campaign and change", summary_rows),
    "weekly": ("Weekly figures", weekly_rows),
    "poll": ("Poll results", poll_rows),
    "funnel": ("Site funnel", funnel_rows),
}


def _safe(cell):
    # Wave labels are typed by people: keep a spreadsheet from reading one as a formula.
    return "'" + cell if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@") else cell


def write_csv(stream, evaluation, table):
    writer = csv.writer(stream)
    for row in TABLES[table][1](evaluation):
        writer.writerow([_safe(cell) for cell in row])
