"""Cheap checks run before an event is counted: known bots, live pages, bursts.

None of them stores or logs anything about the visitor. The user agent is read once, here, and dropped.
"""

import re
import threading
import time

from django.conf import settings
from wagtail.models import Page

from . import counters
from .memo import TimedMemo
from .vocabulary import VIEW_EVENTS

# Self-declared crawlers, link-preview fetchers, monitors and headless browsers.
BOT_PATTERN = re.compile(
    r"bot|crawl|spider|slurp|scrape|preview|fetch|monitor|headless|phantom|lighthouse|pingdom|"
    r"facebookexternalhit|embedly|curl|wget|python|httpx|aiohttp|go-http|java/|okhttp|libwww|axios|node-fetch",
    re.IGNORECASE,
)


def is_known_bot(request):
    user_agent = request.headers.get("user-agent", "")
    # No user agent at all is not a browser.
    return not user_agent or bool(BOT_PATTERN.search(user_agent))


def _live_page_ids():
    return frozenset(Page.objects.live().public().filter(depth__gt=1).values_list("id", flat=True))


# One query a minute instead of one per event keeps the endpoint about as cheap as a static file.
live_page_ids = TimedMemo(_live_page_ids)


class BurstLimit:
    """Burst limits that are not keyed by anything about the visitor (docs/insights.md, "Floods").

    Two limits, per worker process, in memory:

    - a cap per page and event in each short window of INSIGHTS_WINDOW_SECONDS: INSIGHTS_VIEW_WINDOW_CAP for views,
      INSIGHTS_WINDOW_CAP for every other event (a tap or a share follows a view, and is rarer). A flood of one event
      on one page (hundreds of call_tapped) uses up only its own cap, so the page's views, films and form taps, and
      the same event on other pages, keep being counted;
    - a small token bucket for all pages and events together (INSIGHTS_BURST_RATE a second, INSIGHTS_BURST_CAPACITY
      at once), spent only by events within their cap: a flood spread over many pages and events is bounded too.

    Refused events are not lost silently: they are added to CappedBurst for the day, page and event (at most one
    write a second per page and event, whatever the flood's rate), and the dashboard marks those days. No address
    or per-visitor key exists here, so none can be stored or logged.
    """

    flush_interval = 1.0  # seconds between writes of refusals for one page and event

    def __init__(self, record_refused):
        self.record_refused = record_refused
        self._windows = {}  # (page, event) -> (window start, count)
        self._refused = {}  # (page, event) -> (refusals not yet written, when they were last written)
        self._bucket = None  # (tokens, last refill)
        self._lock = threading.Lock()

    def allow(self, page_id, event, now=None):
        now = time.monotonic() if now is None else now
        key = (page_id, event)
        with self._lock:
            allowed = self._within_window_cap(key, now) and self._take_token(now)
            to_write = 0 if allowed else self._note_refusal(key, now)
        if to_write:
            # Outside the lock: a slow database must not hold up other beacons' checks.
            self.record_refused(page_id, event, to_write)
        return allowed

    def _within_window_cap(self, key, now):
        seconds = settings.INSIGHTS_WINDOW_SECONDS
        started, count = self._windows.get(key, (now, 0))
        if now - started >= seconds:
            started, count = now, 0
        cap = settings.INSIGHTS_VIEW_WINDOW_CAP if key[1] in VIEW_EVENTS else settings.INSIGHTS_WINDOW_CAP
        if count >= cap:
            self._windows[key] = (started, count)
            return False
        self._windows[key] = (started, count + 1)
        if len(self._windows) > 10_000:  # keys are live pages x known events; never let them grow without bound
            self._windows = {k: v for k, v in self._windows.items() if now - v[0] < seconds}
        return True

    def _take_token(self, now):
        rate, capacity = settings.INSIGHTS_BURST_RATE, settings.INSIGHTS_BURST_CAPACITY
        tokens, last = self._bucket or (capacity, now)
        tokens = min(capacity, tokens + (now - last) * rate)
        if tokens < 1:
            self._bucket = (tokens, now)
            return False
        self._bucket = (tokens - 1, now)
        return True

    def _note_refusal(self, key, now):
        """How many refusals to write now: the first at once (so the day is marked), then at most once a second."""
        pending, written_at = self._refused.get(key, (0, None))
        pending += 1
        if written_at is None or now - written_at >= self.flush_interval:
            self._refused[key] = (0, now)
            return pending
        self._refused[key] = (pending, written_at)
        return 0

    def flush(self):
        """Write every refusal not yet written (tests; a worker that exits loses at most a second's worth)."""
        with self._lock:
            pending = {key: n for key, (n, _) in self._refused.items() if n}
            self._refused = {key: (0, written_at) for key, (_, written_at) in self._refused.items()}
        for (page_id, event), n in pending.items():
            self.record_refused(page_id, event, n)

    def reset(self):
        with self._lock:
            self._windows.clear()
            self._refused.clear()
            self._bucket = None


burst_limit = BurstLimit(counters.add_refused)
