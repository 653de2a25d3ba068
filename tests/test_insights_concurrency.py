"""Against PostgreSQL: thousands of concurrent events for one counter lose none.

Runs under `make test-postgres` (CI runs both). SQLite serialises every write, so there is no race to test there.
"""

import json
import threading
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from insights import counters
from insights.models import DailyCount
from stories.models import StoryPage
from tests.insights_helpers import BROWSER_UA, fresh_insights  # noqa: F401

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: run make test-postgres"),
]

THREADS = 16
PER_THREAD = 250


def test_concurrent_upserts_lose_no_count(demo_site):
    story = StoryPage.objects.first()
    start = threading.Barrier(THREADS)

    def worker(_):
        try:
            start.wait()
            for _ in range(PER_THREAD):
                counters.increment(story.id, "call_tapped", "radio")
        finally:
            connections.close_all()  # this thread's own connection

    with ThreadPoolExecutor(THREADS) as pool:
        list(pool.map(worker, range(THREADS)))
    row = DailyCount.objects.get(page_id=story.id, event="call_tapped", channel="radio")
    assert row.count == THREADS * PER_THREAD == 4000
    assert DailyCount.objects.count() == 1


def test_concurrent_beacons_through_the_endpoint_lose_none(live_server, demo_site, settings):
    settings.INSIGHTS_BURST_RATE = 10**6
    settings.INSIGHTS_BURST_CAPACITY = 10**6
    settings.INSIGHTS_WINDOW_CAP = settings.INSIGHTS_VIEW_WINDOW_CAP = 10**6
    story = StoryPage.objects.first()
    body = json.dumps({"e": "page_view", "p": story.id, "c": "tv"}).encode()
    total = 1200

    def send(_):
        request = urllib.request.Request(
            f"{live_server.url}/events/",
            data=body,
            headers={"Content-Type": "text/plain;charset=UTF-8", "User-Agent": BROWSER_UA},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status

    with ThreadPoolExecutor(THREADS) as pool:
        statuses = list(pool.map(send, range(total)))
    assert statuses == [204] * total
    assert DailyCount.objects.get(page_id=story.id, event="page_view", channel="tv").count == total
