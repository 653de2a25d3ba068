"""The evaluation's figures, computed once from the stored rows: what the page, the report, the CSV and the JSON show.

Definitions (the page shows each beside its figure):

- The launch week is the Monday-to-Sunday week containing the launch date (Settings -> Campaign settings).
- Baseline: the mean weekly count over the 8 weeks before the launch week. Campaign: the mean weekly count from the
  launch week to the latest imported week. Change: (campaign - baseline) / baseline x 100. A week with no row is
  left out of a mean, not counted as zero.
- `london` uses the rows whose area is London; `target` and `comparison` the weekly sums of their boroughs' rows.
- Difference in differences: target change - comparison change, in percentage points (from the unrounded changes).
- Poll: share = yes / sample size, with a 95 % Wilson score interval; the before/after difference per area and
  question with Newcombe's interval for a difference of two independent shares.
- Site funnel (from the insights counters) per channel and partner code, since the launch date.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from wagtail.models import Site

from insights.reports import grouped_totals
from insights.vocabulary import FIXED_CHANNELS, channel_labels

from . import stats
from .areas import LONDON, MEASURES, POLL_AREAS, QUESTIONS
from .models import EvaluationSettings, OutcomeFigure, PollResult

BASELINE_WEEKS = 8
WEEK = datetime.timedelta(days=7)
GROUPS = {"london": "London", "target": "Target boroughs", "comparison": "Comparison boroughs"}
FUNNEL_EVENTS = {
    "views": "page_view",
    "started": "film_started",
    "completed": "film_100",
    "calls": "call_tapped",
    "forms": "form_tapped",
}
FUNNEL_STEPS = {
    "views": "Page views",
    "started": "Film started",
    "completed": "Film watched to the end",
    "calls": "Call tapped",
    "forms": "Online form tapped",
}


def monday_of(day):
    return day - datetime.timedelta(days=day.weekday())


@dataclass
class Series:
    """One group's weekly counts of one measure, and its baseline, campaign and change."""

    group: str
    measure: str
    weekly: dict
    baseline: float | None = None
    campaign: float | None = None
    baseline_weeks: int = 0
    campaign_weeks: int = 0
    # A group of one borough is that borough's own figure, so its weekly counts are shown as one borough's are.
    single_borough: bool = False

    @property
    def change(self):
        return stats.change_pct(self.baseline, self.campaign)

    @property
    def label(self):
        return GROUPS[self.group]

    @property
    def measure_label(self):
        return MEASURES[self.measure]

    def shown(self, week):
        """This week's figure as it may be shown (small-number rule for a single borough), or None if no row."""
        count = self.weekly.get(week)
        return stats.shown(count) if self.single_borough else count


@dataclass
class PollRow:
    wave: str
    fieldwork_start: datetime.date
    fieldwork_end: datetime.date
    area: str
    question: str
    n: int
    yes: int

    @property
    def share(self):
        return self.yes / self.n

    @property
    def ci95(self):
        return stats.wilson_interval(self.yes, self.n)

    @property
    def area_label(self):
        return POLL_AREAS[self.area]

    @property
    def question_label(self):
        return QUESTIONS[self.question]


@dataclass
class PollChange:
    area: str
    question: str
    before: PollRow
    after: PollRow

    @property
    def interval(self):
        return stats.difference_interval(self.before.yes, self.before.n, self.after.yes, self.after.n)

    @property
    def difference_pp(self):
        return self.interval[0] * 100

    @property
    def area_label(self):
        return POLL_AREAS[self.area]

    @property
    def question_label(self):
        return QUESTIONS[self.question]


@dataclass
class FunnelRow:
    code: str
    label: str
    kind: str  # "channel", "partner" or "total"
    counts: dict = field(default_factory=lambda: dict.fromkeys(FUNNEL_EVENTS, 0))

    @property
    def contacts(self):
        return self.counts["calls"] + self.counts["forms"]

    def per_hundred(self, step):
        value = self.contacts if step == "contacts" else self.counts[step]
        views = self.counts["views"]
        return round(value * 100 / views, 1) if views else None

    @property
    def steps(self):
        """(label, count, per 100 views) for each step of the funnel, then calls and forms together."""
        rows = [(FUNNEL_STEPS[step], self.counts[step], self.per_hundred(step)) for step in FUNNEL_EVENTS]
        rows.append(("Call or online form tapped", self.contacts, self.per_hundred("contacts")))
        return rows


@dataclass
class Evaluation:
    launch_date: datetime.date | None
    target: list
    comparison: list
    weeks: list = field(default_factory=list)
    outcomes: dict = field(default_factory=dict)
    boroughs: dict = field(default_factory=dict)
    poll: list = field(default_factory=list)
    poll_changes: list = field(default_factory=list)
    before_wave: str | None = None
    after_wave: str | None = None
    funnel: list = field(default_factory=list)
    funnel_total: FunnelRow | None = None

    @property
    def launch_week(self):
        return monday_of(self.launch_date) if self.launch_date else None

    @property
    def baseline_start(self):
        return self.launch_week - BASELINE_WEEKS * WEEK if self.launch_date else None

    @property
    def baseline_end(self):
        return self.launch_week - datetime.timedelta(days=1) if self.launch_date else None

    @property
    def latest_week(self):
        return self.weeks[-1] if self.weeks else None

    @property
    def campaign_end(self):
        latest = self.latest_week
        if not latest or not self.launch_date or latest < self.launch_week:
            return None
        return latest + datetime.timedelta(days=6)

    @property
    def did(self):
        return {
            measure: stats.difference(
                self.outcomes["target"][measure].change, self.outcomes["comparison"][measure].change
            )
            for measure in MEASURES
        }

    @property
    def single_borough_groups(self):
        return [GROUPS[group] for group in ("target", "comparison") if len(getattr(self, group)) == 1]

    def series(self, measure):
        return [self.outcomes[group][measure] for group in GROUPS]


def current_launch_date():
    from pages.models import CampaignSettings

    site = Site.objects.filter(is_default_site=True).first()
    return CampaignSettings.for_site(site).launch_date if site else None


def evaluate(launch_date=None, target=None, comparison=None, use_settings=True):
    """Every figure, from the stored rows, the launch date and the chosen boroughs (read from the settings unless
    given)."""
    if use_settings:
        chosen = EvaluationSettings.load()
        launch_date = launch_date or current_launch_date()
        target = chosen.target_boroughs if target is None else target
        comparison = chosen.comparison_boroughs if comparison is None else comparison
    evaluation = Evaluation(launch_date=launch_date, target=sorted(target or []), comparison=sorted(comparison or []))
    _outcomes(evaluation)
    _poll(evaluation)
    _funnel(evaluation)
    return evaluation


def _outcomes(evaluation):
    by_area = defaultdict(lambda: defaultdict(dict))  # measure -> area -> week -> count
    weeks = set()
    for week, area, measure, count in OutcomeFigure.objects.values_list("week_start", "area", "measure", "count"):
        by_area[measure][area][week] = count
        weeks.add(week)
    evaluation.weeks = sorted(weeks)
    members = {"london": [LONDON], "target": evaluation.target, "comparison": evaluation.comparison}
    for group in GROUPS:
        evaluation.outcomes[group] = {}
        for measure in MEASURES:
            weekly = defaultdict(int)
            for area in members[group]:
                for week, count in by_area[measure][area].items():
                    weekly[week] += count
            series = Series(group, measure, dict(weekly), single_borough=group != "london" and len(members[group]) == 1)
            _summarise(series, evaluation)
            evaluation.outcomes[group][measure] = series
    evaluation.boroughs = {
        measure: {area: weeks for area, weeks in by_area[measure].items() if area != LONDON} for measure in MEASURES
    }


def _summarise(series, evaluation):
    if not evaluation.launch_date:
        return
    launch_week = evaluation.launch_week
    baseline = [series.weekly[w] for w in series.weekly if evaluation.baseline_start <= w < launch_week]
    latest = evaluation.latest_week
    campaign = [series.weekly[w] for w in series.weekly if latest and launch_week <= w <= latest]
    series.baseline, series.baseline_weeks = stats.mean(baseline), len(baseline)
    series.campaign, series.campaign_weeks = stats.mean(campaign), len(campaign)


AREA_ORDER = list(POLL_AREAS)
QUESTION_ORDER = list(QUESTIONS)


def _poll(evaluation):
    rows = [
        PollRow(r.wave, r.fieldwork_start, r.fieldwork_end, r.area, r.question, r.sample_size, r.yes)
        for r in PollResult.objects.all()
    ]
    rows.sort(key=lambda r: (r.fieldwork_start, r.wave, AREA_ORDER.index(r.area), QUESTION_ORDER.index(r.question)))
    evaluation.poll = rows
    waves = list(dict.fromkeys((r.fieldwork_start, r.fieldwork_end, r.wave) for r in rows))
    before = after = None
    if evaluation.launch_date:
        before = next((w for w in reversed(waves) if w[1] < evaluation.launch_date), None)
        after = next((w for w in reversed(waves) if w[0] >= evaluation.launch_date), None)
    elif len(waves) >= 2:
        before, after = waves[0], waves[-1]
    if not before or not after:
        return
    evaluation.before_wave, evaluation.after_wave = before[2], after[2]
    by_key = {(r.wave, r.area, r.question): r for r in rows}
    for question in QUESTION_ORDER:
        for area in AREA_ORDER:
            first, last = by_key.get((before[2], area, question)), by_key.get((after[2], area, question))
            if first and last:
                evaluation.poll_changes.append(PollChange(area, question, first, last))


def _funnel(evaluation):
    labels = channel_labels()
    rows = {}
    totals = grouped_totals(("channel", "event"), start=evaluation.launch_date, event__in=list(FUNNEL_EVENTS.values()))
    step_of = {event: step for step, event in FUNNEL_EVENTS.items()}
    for row in totals:
        code = row["channel"]
        if code not in rows:
            kind = "channel" if code in FIXED_CHANNELS else "partner"
            label = labels.get(code) or f"Former partner code: {code}"
            rows[code] = FunnelRow(code, label, kind)
        rows[code].counts[step_of[row["event"]]] += row["total"]
    fixed = [rows[code] for code in FIXED_CHANNELS if code in rows]
    partners = sorted((row for row in rows.values() if row.kind == "partner"), key=lambda row: row.label.lower())
    evaluation.funnel = fixed + partners
    total = FunnelRow("all", "All channels", "total")
    for row in evaluation.funnel:
        for step, count in row.counts.items():
            total.counts[step] += count
    evaluation.funnel_total = total
