"""Cheap checks run before an event is counted: known bots, live pages, bursts.

None of them stores or logs anything about the visitor. The user agent is read once, here, and dropped.
"""

import re
import threading
import time

from django.conf import settings
from wagtail.models import Page

from .memo import TimedMemo

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
