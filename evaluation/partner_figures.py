"""One partner's own figures: visits and actions that came through links carrying its code, by story and week.

Read from the insights counters whose channel is the partner's code. Every weekly count below 10 is shown as
"fewer than 10", and a story's total is withheld when it would reveal one such count by subtraction.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone
from wagtail.models import Page

from insights.reports import grouped_totals

from . import stats
from .figures import monday_of

COLUMNS = {
    "views": ("page_view", "Page views"),
    "embeds": ("embed_viewed", "Story card views on other sites"),
    "plays": ("film_started", "Films started"),
    "calls": ("call_tapped", "Call taps"),
    "forms": ("form_tapped", "Online form taps"),
}


@dataclass
class StoryFigures:
    title: str
    path: str
    weeks: list = field(default_factory=list)  # (monday, [shown count per column], is current week)
    totals: list = field(default_factory=list)  # shown total per column, or None when withheld


def partner_figures(partner, today=None):
    """A list of StoryFigures (one per page the partner's visitors reached), oldest week first."""
    today = today or timezone.localdate()
    column_of = {event: column for column, (event, _) in COLUMNS.items()}
    counts = defaultdict(lambda: defaultdict(lambda: dict.fromkeys(COLUMNS, 0)))  # page -> week -> column -> n
    for row in grouped_totals(
        ("day", "page_id", "event"), channel=partner.code, event__in=[event for event, _ in COLUMNS.values()]
    ):
        counts[row["page_id"]][monday_of(row["day"])][column_of[row["event"]]] += row["total"]
    pages = {page.id: page for page in Page.objects.filter(id__in=list(counts)).order_by("path")}
    current_week = monday_of(today)
    stories = []
    for page_id in [*pages, *sorted(set(counts) - set(pages))]:
        page = pages.get(page_id)
        story = StoryFigures(title=page.title if page else "A page since removed", path=page.url_path if page else "")
        weeks = counts[page_id]
        for week in sorted(weeks):
            story.weeks.append((week, [stats.shown(weeks[week][c]) for c in COLUMNS], week == current_week))
        story.totals = [stats.shown_total([weeks[w][c] for w in weeks]) for c in COLUMNS]
        stories.append(story)
    return stories


def week_range(stories):
    weeks = [week for story in stories for week, *_ in story.weeks]
    if not weeks:
        return None, None
    return min(weeks), max(weeks) + datetime.timedelta(days=6)
