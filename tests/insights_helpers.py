"""Shared bits for the insights tests."""

import json

import pytest

BROWSER_UA = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36"


@pytest.fixture(autouse=True)
def fresh_insights():
    """The endpoint memoises live pages, partner codes and burst buckets per process: start each test clean."""
    from insights.guards import burst_limit, live_page_ids
    from insights.views import database_unavailable
    from insights.vocabulary import partner_codes

    database_unavailable.next_at = 0.0
    live_page_ids.forget()
    partner_codes.forget()
    burst_limit.reset()
    yield
    live_page_ids.forget()
    partner_codes.forget()
    burst_limit.reset()


def beacon(client, payload, content_type="text/plain;charset=UTF-8", user_agent=BROWSER_UA, **extra):
    body = payload if isinstance(payload, (bytes, str)) else json.dumps(payload)
    if user_agent is not None:
        extra["HTTP_USER_AGENT"] = user_agent
    return client.post("/events/", data=body, content_type=content_type, **extra)


def counts():
    from insights.models import DailyCount

    return {(row.page_id, row.event, row.channel): row.count for row in DailyCount.objects.all()}
