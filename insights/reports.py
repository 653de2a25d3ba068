"""Read-side of the counters: the figures the dashboard, the home panel and the CSV show."""

import csv
import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Sum
from wagtail.models import Page

from .models import CappedBurst, DailyCount
from .vocabulary import EVENTS, FILM_FUNNEL, SHARE_EVENTS, channel_labels

CSV_HEADER = ["day", "page_id", "page_title", "page_url_path", "event", "channel", "count"]


def per_hundred(part, whole):
    return round(part * 100 / whole, 1) if whole else None


def share_of(part, whole):
    return round(part * 100 / whole) if whole else None


def counters(start=None, end=None):
    rows = DailyCount.objects.all()
    if start:
        rows = rows.filter(day__gte=start)
    if end:
        rows = rows.filter(day__lte=end)
    return rows


def grouped_totals(fields, start=None, end=None, **filters):
    """Sums of the counters in the dates grouped by the named fields, e.g. ("channel", "event"): one dict per group,
    with the fields and "total". Extra keyword arguments filter the counters (e.g. channel="radio").

    The evaluation app builds its funnel and partner figures from this.
    """
    return counters(start, end).filter(**filters).values(*fields).annotate(total=Sum("count")).order_by()


def totals_by_event(rows):
    totals = dict.fromkeys(EVENTS, 0)
    for row in rows.values("event").annotate(total=Sum("count")):
        totals[row["event"]] = row["total"]
    return totals


@dataclass
class Period:
    label: str
    days: int
    views: int = 0
    calls: int = 0
    forms: int = 0
    poll_yes: int = 0
    poll_no: int = 0

    @property
    def views_per_day(self):
        return round(self.views / self.days, 1) if self.days else None

    @property
    def calls_per_day(self):
        return round(self.calls / self.days, 1) if self.days else None

    @property
    def calls_per_hundred(self):
        return per_hundred(self.calls, self.views)

    @property
    def knew_share(self):
        return share_of(self.poll_yes, self.poll_yes + self.poll_no)


@dataclass
class Series:
    """Per-day values for a few named lines (stories or channels), with the largest value for bar widths."""

    names: list
    days: list = field(default_factory=list)

    @property
    def peak_total(self):
        return max((total for _, _, total in self.days), default=0)


def _series(rows, key, labels):
    grid = defaultdict(lambda: defaultdict(int))
    for row in rows.values("day", key).annotate(total=Sum("count")):
        grid[row["day"]][row[key]] += row["total"]
    keys = sorted({k for by_key in grid.values() for k in by_key}, key=lambda k: labels.get(k, str(k)))
    series = Series(names=[labels.get(k, str(k)) for k in keys])
    for day in sorted(grid):
        values = [grid[day].get(k, 0) for k in keys]
        series.days.append((day, values, sum(values)))
    return series


def language_figures(rows):
    """Views, call taps and form taps per language of the page counted (each translation is a page of its own, in
    one locale): the language dimension needs no new counter, and so nothing more about anyone."""
    per_language = defaultdict(lambda: {"views": 0, "calls": 0, "forms": 0})
    for row in (
        rows.filter(event__in=["page_view", "call_tapped", "form_tapped"])
        .values("page__locale__language_code", "event")
        .annotate(total=Sum("count"))
    ):
        name = {"page_view": "views", "call_tapped": "calls", "form_tapped": "forms"}[row["event"]]
        per_language[row["page__locale__language_code"]][name] += row["total"]
    names = dict(settings.LANGUAGES)
    return sorted(
        (
            {
                "code": code,
                "label": names.get(code, code),
                **figures,
                "calls_per_hundred": per_hundred(figures["calls"], figures["views"]),
            }
            for code, figures in per_language.items()
        ),
        key=lambda language: -language["views"],
    )


def capped_bursts(start, end, titles=None):
    """Days on which the burst limits refused events, oldest first: the figures of those days met a flood.

    One dict per day, page and event: day, page title, event label and how many were refused.
    """
    rows = CappedBurst.objects.filter(day__gte=start, day__lte=end).order_by("day", "page_id", "event")
    rows = list(rows.values_list("day", "page_id", "event", "refused"))
    titles = dict(titles or {})
    missing = {page_id for _, page_id, _, _ in rows} - set(titles)
    titles.update(Page.objects.filter(id__in=missing).values_list("id", "title"))
    return [
        {
            "day": day,
            "page": titles.get(page_id, f"Deleted page {page_id}"),
            "event": EVENTS.get(event, event),
            "refused": refused,
        }
        for day, page_id, event, refused in rows
    ]


def summary(start, end, launch_date=None):
    rows = counters(start, end)
    totals = totals_by_event(rows)
    views = totals["page_view"]
    started = totals["film_started"]
    funnel = [(EVENTS[event], totals[event], share_of(totals[event], started)) for event in FILM_FUNNEL]

    titles = dict(Page.objects.filter(id__in=rows.values("page_id")).values_list("id", "title"))
    views_rows = rows.filter(event="page_view")
    by_story = _series(views_rows, "page_id", titles)
    labels = channel_labels()
    by_channel = _series(views_rows, "channel", labels)

    per_page = defaultdict(lambda: dict.fromkeys(EVENTS, 0))
    for row in rows.values("page_id", "event").annotate(total=Sum("count")):
        per_page[row["page_id"]][row["event"]] = row["total"]
    pages = sorted(
        (
            {
                "title": titles.get(page_id, f"Deleted page {page_id}"),
                "views": events["page_view"],
                "calls": events["call_tapped"],
                "forms": events["form_tapped"],
                "calls_per_hundred": per_hundred(events["call_tapped"], events["page_view"]),
                "films_started": events["film_started"],
                "films_finished": events["film_100"],
                "shares": sum(events[e] for e in SHARE_EVENTS),
                "poll_yes": events["poll_yes"],
                "poll_no": events["poll_no"],
            }
            for page_id, events in per_page.items()
        ),
        key=lambda page: -page["views"],
    )

    per_channel = defaultdict(lambda: {"views": 0, "calls": 0, "forms": 0})
    for row in (
        rows.filter(event__in=["page_view", "call_tapped", "form_tapped"])
        .values("channel", "event")
        .annotate(total=Sum("count"))
    ):
        name = {"page_view": "views", "call_tapped": "calls", "form_tapped": "forms"}[row["event"]]
        per_channel[row["channel"]][name] += row["total"]
    channels = sorted(
        (
            {
                "label": labels.get(code, code),
                **figures,
                "calls_per_hundred": per_hundred(figures["calls"], figures["views"]),
            }
            for code, figures in per_channel.items()
        ),
        key=lambda channel: -channel["views"],
    )

    return {
        "languages": language_figures(rows),
        "totals": [(EVENTS[event], totals[event]) for event in EVENTS],
        "views": views,
        "calls": totals["call_tapped"],
        "forms": totals["form_tapped"],
        "calls_per_hundred": per_hundred(totals["call_tapped"], views),
        "forms_per_hundred": per_hundred(totals["form_tapped"], views),
        "shares": sum(totals[e] for e in SHARE_EVENTS),
        "poll_yes": totals["poll_yes"],
        "poll_no": totals["poll_no"],
        "knew_share": share_of(totals["poll_yes"], totals["poll_yes"] + totals["poll_no"]),
        "funnel": funnel,
        "by_story": by_story,
        "by_channel": by_channel,
        "pages": pages,
        "channels": channels,
        "launch": before_after(rows, start, end, launch_date),
        "capped": (capped := capped_bursts(start, end, titles)),
        "capped_days": {entry["day"] for entry in capped},
    }


def before_after(rows, start, end, launch_date):
    """Daily averages before and after launch, within the chosen dates."""
    if not launch_date:
        return None
    first = rows.order_by("day").values_list("day", flat=True).first()
    last = rows.order_by("-day").values_list("day", flat=True).first()
    if first is None:
        return None
    start, end = start or first, end or last
    periods = []
    for label, period_start, period_end in (
        ("Before launch", start, min(end, launch_date - datetime.timedelta(days=1))),
        ("From launch", max(start, launch_date), end),
    ):
        days = max((period_end - period_start).days + 1, 0)
        period = Period(label=label, days=days)
        if days:
            sums = totals_by_event(rows.filter(day__gte=period_start, day__lte=period_end))
            period.views, period.calls, period.forms = sums["page_view"], sums["call_tapped"], sums["form_tapped"]
            period.poll_yes, period.poll_no = sums["poll_yes"], sums["poll_no"]
        periods.append(period)
    return periods


def csv_rows(start=None, end=None):
    """Every counter in the dates, one row each, oldest first: what the dashboard's CSV and the command write."""
    rows = counters(start, end).order_by("day", "page_id", "event", "channel")
    pages = dict(
        (page_id, (title, url_path))
        for page_id, title, url_path in Page.objects.filter(id__in=rows.values("page_id")).values_list(
            "id", "title", "url_path"
        )
    )
    for row in rows.values_list("day", "page_id", "event", "channel", "count").iterator():
        day, page_id, event, channel, count = row
        title, url_path = pages.get(page_id, ("", ""))
        yield [day.isoformat(), page_id, title, url_path, event, channel, count]


def write_csv(stream, start=None, end=None):
    writer = csv.writer(stream)
    writer.writerow(CSV_HEADER)
    for row in csv_rows(start, end):
        # Page titles are editor text: keep a spreadsheet from reading them as formulas.
        if row[2][:1] in ("=", "+", "-", "@"):
            row[2] = "'" + row[2]
        writer.writerow(row)
