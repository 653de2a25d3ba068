"""Cheap checks run before an event is counted: known bots, live pages, bursts.

None of them stores or logs anything about the visitor. The user agent is read once, here, and dropped.
"""

import re
import threading
import time

from django.conf import settings
from wagtail.models import Page

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


class LivePages:
    """The ids of live, public pages, memoised in the process for a short time.

    One query a minute instead of one per event keeps the endpoint about as cheap as a static file.
    """

    def __init__(self, ttl=60.0):
        self.ttl = ttl
        self._ids = frozenset()
        self._expires = 0.0
        self._lock = threading.Lock()

    def _refresh(self):
        ids = frozenset(Page.objects.live().public().filter(depth__gt=1).values_list("id", flat=True))
        with self._lock:
            self._ids = ids
            self._expires = time.monotonic() + self.ttl

    def _current(self):
        if time.monotonic() >= self._expires:
            self._refresh()

    def has_id(self, page_id):
        self._current()
        return page_id in self._ids

    def forget(self):
        self._expires = 0.0


live_pages = LivePages()


class TokenBucket:
    """A burst limit that is not keyed by anything about the visitor.

    One bucket per page per worker process: a flood of events for a page, whoever sends it, can only
    add a bounded number of counts per second. No address is kept, so none can leak. The limit is per
    worker, so the site-wide ceiling is rate x workers.
    """

    def __init__(self):
        self._buckets = {}
        self._lock = threading.Lock()

    def allow(self, key):
        rate = settings.INSIGHTS_BURST_RATE
        capacity = settings.INSIGHTS_BURST_CAPACITY
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(key, (capacity, now))
            tokens = min(capacity, tokens + (now - last) * rate)
            if tokens < 1:
                self._buckets[key] = (tokens, now)
                return False
            self._buckets[key] = (tokens - 1, now)
            return True

    def reset(self):
        with self._lock:
            self._buckets.clear()


burst_limit = TokenBucket()
