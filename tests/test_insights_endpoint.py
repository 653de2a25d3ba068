"""POST /events/ and /events/poll/: strict validation, 204 or 400, bots ignored, bursts limited, no cookies."""

import datetime
import logging
import re
from urllib.parse import urlencode

import pytest
from django.db import connections
from django.utils import timezone

from insights.models import DailyCount, InsightsSettings
from partners.models import Partner
from stories.models import StoryPage
from tests.insights_helpers import BROWSER_UA, beacon, counts, fresh_insights  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(demo_site):
    return StoryPage.objects.get(slug="lillian")


def test_a_valid_event_is_counted_once_for_today(client, story):
    response = beacon(client, {"e": "page_view", "p": story.id, "c": "radio"})
    assert response.status_code == 204
    assert response.content == b""
    assert "Set-Cookie" not in response.headers
    assert "no-store" in response["Cache-Control"]
    row = DailyCount.objects.get()
    assert (row.day, row.page_id, row.event, row.channel, row.count) == (
        timezone.localdate(),
        story.id,
        "page_view",
        "radio",
        1,
    )
    beacon(client, {"e": "page_view", "p": story.id, "c": "radio"})
    assert counts() == {(story.id, "page_view", "radio"): 2}


def test_json_content_type_and_page_id_as_string_are_accepted(client, story):
    assert beacon(client, {"e": "call_tapped", "p": str(story.id)}, content_type="application/json").status_code == 204
    # A missing channel is a direct visit.
    assert counts() == {(story.id, "call_tapped", "direct"): 1}


def test_partner_codes_are_channels_and_unknown_channels_count_as_other(client, story):
    Partner.objects.create(name="Lambeth youth service", code="lambeth-youth")
    beacon(client, {"e": "page_view", "p": story.id, "c": "lambeth-youth"})
    beacon(client, {"e": "page_view", "p": story.id, "c": "someone-s-id-123"})
    assert counts() == {(story.id, "page_view", "lambeth-youth"): 1, (story.id, "page_view", "other"): 1}


@pytest.mark.parametrize(
    "payload",
    [
        {"e": "page_viewed", "p": 1, "c": "radio"},  # unknown event
        {"e": "page_view", "c": "radio"},  # no page
        {"e": "page_view", "p": 999999, "c": "radio"},  # no such page
        {"e": "page_view", "p": True, "c": "radio"},
        {"e": "page_view", "p": -3, "c": "radio"},
        {"e": "page_view", "p": "1 OR 1=1", "c": "radio"},
        {"e": "page_view", "p": "STORY", "c": "Radio FM"},  # channel not a code
        {"e": "page_view", "p": "STORY", "c": "x" * 31},
        {"e": "page_view", "p": "STORY", "c": 7},
        {"e": "page_view", "p": "STORY", "c": "radio", "ip": "203.0.113.9"},  # extra field
        ["page_view", "STORY", "radio"],
        "not json",
        "",
    ],
)
def test_anything_else_is_400_and_stores_nothing(client, story, payload):
    if isinstance(payload, dict) and payload.get("p") == "STORY":
        payload["p"] = story.id
    response = beacon(client, payload)
    assert response.status_code == 400
    assert DailyCount.objects.count() == 0


def test_a_draft_page_is_not_live(client, story):
    story.unpublish()
    assert beacon(client, {"e": "page_view", "p": story.id}).status_code == 400
    assert DailyCount.objects.count() == 0


@pytest.mark.parametrize("content_type", ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""])
def test_wrong_content_type_is_400(client, story, content_type):
    response = beacon(client, f'{{"e": "page_view", "p": {story.id}}}', content_type=content_type)
    assert response.status_code == 400
    assert DailyCount.objects.count() == 0


def test_oversized_body_is_400(client, story, settings):
    padding = " " * settings.INSIGHTS_MAX_BODY_BYTES
    response = beacon(client, f'{{"e": "page_view", "p": {story.id}}}{padding}')
    assert response.status_code == 400
    assert DailyCount.objects.count() == 0


def test_only_post(client, story):
    assert client.get("/events/", HTTP_USER_AGENT=BROWSER_UA).status_code == 405
    assert client.get("/events/poll/", HTTP_USER_AGENT=BROWSER_UA).status_code == 405


@pytest.mark.parametrize(
    "user_agent",
    [
        None,
        "Googlebot/2.1 (+http://www.google.com/bot.html)",
        "facebookexternalhit/1.1",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0 Safari/537.36",
        "curl/8.5.0",
    ],
)
def test_known_bots_get_204_and_are_not_counted(client, story, user_agent):
    response = beacon(client, {"e": "page_view", "p": story.id}, user_agent=user_agent)
    assert response.status_code == 204
    assert DailyCount.objects.count() == 0


def test_bursts_are_limited_per_page_and_event_not_per_address(client, story, settings, demo_site):
    settings.INSIGHTS_WINDOW_SECONDS = 3600
    settings.INSIGHTS_WINDOW_CAP = 5
    statuses = [
        beacon(client, {"e": "call_tapped", "p": story.id}, REMOTE_ADDR=f"198.51.100.{i}").status_code for i in range(8)
    ]
    assert statuses == [204] * 5 + [429] * 3
    assert counts() == {(story.id, "call_tapped", "direct"): 5}
    # Another event on the page, and the same event on another page, have their own caps.
    assert beacon(client, {"e": "form_tapped", "p": story.id}).status_code == 204
    assert beacon(client, {"e": "call_tapped", "p": demo_site.id}).status_code == 204


def test_views_have_a_larger_cap_than_taps(client, story, settings):
    settings.INSIGHTS_WINDOW_SECONDS = 3600
    settings.INSIGHTS_WINDOW_CAP = 2
    settings.INSIGHTS_VIEW_WINDOW_CAP = 4
    assert [beacon(client, {"e": "page_view", "p": story.id}).status_code for _ in range(5)] == [204] * 4 + [429]


def test_the_site_wide_bucket_bounds_a_flood_spread_over_pages_and_events(client, story, settings, demo_site):
    settings.INSIGHTS_BURST_RATE = 0
    settings.INSIGHTS_BURST_CAPACITY = 3
    events = ["page_view", "call_tapped", "form_tapped", "film_started", "share_copy"]
    assert [beacon(client, {"e": event, "p": story.id}).status_code for event in events] == [204] * 3 + [429] * 2


def test_csrf_is_not_needed_and_no_cookie_is_set(story):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = beacon(strict, {"e": "page_view", "p": story.id})
    assert response.status_code == 204
    assert response.cookies == {}


def test_counts_go_to_the_day_not_finer(client, story, monkeypatch):
    fixed = datetime.date(2026, 3, 1)
    monkeypatch.setattr("insights.counters.timezone.localdate", lambda: fixed)
    beacon(client, {"e": "film_started", "p": story.id})
    row = DailyCount.objects.get()
    assert row.day == fixed
    field_names = {field.name for field in DailyCount._meta.get_fields()}
    assert field_names == {"id", "day", "page", "event", "channel", "count"}


@pytest.fixture
def unreachable_database():
    """Swap the default connection for one to a database that does not answer (a real failed connect)."""
    original = connections["default"]
    settings_dict = {**original.settings_dict}
    if original.vendor == "postgresql":
        settings_dict.update(HOST="127.0.0.1", PORT="1", CONN_MAX_AGE=0)
    else:
        settings_dict.update(NAME="/nonexistent-folder/insights.sqlite3", CONN_MAX_AGE=0)
    broken = original.__class__(settings_dict, alias="default")
    connections["default"] = broken
    yield
    broken.close()
    connections["default"] = original


@pytest.fixture
def request_log(caplog):
    """caplog, also fed by django.request (which does not propagate to the root logger)."""
    request_logger = logging.getLogger("django.request")
    request_logger.addHandler(caplog.handler)
    yield caplog
    request_logger.removeHandler(caplog.handler)


def test_database_down_is_a_quiet_503(client, story, unreachable_database, request_log):
    caplog = request_log
    caplog.set_level("INFO")
    for _ in range(3):
        response = beacon(client, {"e": "page_view", "p": story.id})
        assert response.status_code == 503
        assert response.content == b""
    response = client.post(
        "/events/poll/",
        f"answer=yes&p={story.id}",
        content_type="application/x-www-form-urlencoded",
        HTTP_USER_AGENT=BROWSER_UA,
    )
    assert response.status_code == 503
    # One plain line for the whole outage: no traceback, no django.request line per beacon.
    assert [record.getMessage() for record in caplog.records] == [
        "Insights: events are not being counted because the database is unavailable."
    ]


def post_form(client, data):
    """As a browser submits a plain form."""
    return client.post(
        "/events/poll/", urlencode(data), content_type="application/x-www-form-urlencoded", HTTP_USER_AGENT=BROWSER_UA
    )


def test_poll_form_without_javascript_counts_and_returns_to_the_thank_you(client, story):
    response = post_form(client, {"answer": "yes", "p": story.id})
    assert response.status_code == 303
    assert response["Location"].endswith("/stories/lillian/#poll-thanks")
    assert response.cookies == {}
    assert counts() == {(story.id, "poll_yes", "other"): 1}


@pytest.mark.parametrize(
    "data", [{"answer": "maybe", "p": "STORY"}, {"answer": "no"}, {"answer": "no", "p": "STORY", "name": "Ann"}]
)
def test_poll_form_rejects_anything_else(client, story, data):
    data = {key: (story.id if value == "STORY" else value) for key, value in data.items()}
    response = post_form(client, data)
    assert response.status_code == 400
    assert DailyCount.objects.count() == 0


def test_poll_appears_only_when_switched_on(client, story):
    assert 'action="/events/poll/"' not in client.get(story.url).content.decode()
    poll_settings = InsightsSettings.for_site(story.get_site())
    poll_settings.awareness_poll_enabled = True
    poll_settings.save()
    html = client.get(story.url).content.decode()
    assert 'action="/events/poll/"' in html
    assert f'name="p" value="{story.id}"' in html
    assert "without giving your name?" in html


def test_pages_carry_their_id_for_the_script(client, story):
    html = client.get(story.url).content.decode()
    assert f'data-page-id="{story.id}"' in html
    assert 'data-insights-page-kind="page"' in html


# Transactional: foreign keys are checked at commit, as in production's autocommit.
@pytest.mark.django_db(transaction=True)
def test_a_page_deleted_while_memoised_as_live_is_400_not_an_error(client, story):
    from insights.guards import live_page_ids

    assert story.id in live_page_ids.get()
    story_id = story.id
    StoryPage.objects.filter(id=story_id).delete()
    # This process forgot the page at once; another worker's memo still holds it for up to a minute.
    assert story_id not in live_page_ids.get()
    live_page_ids._value = live_page_ids._value | {story_id}
    assert beacon(client, {"e": "page_view", "p": story_id}).status_code == 400
    assert DailyCount.objects.count() == 0


def test_the_script_checks_channels_with_the_one_channel_pattern():
    """site.js cannot import Python: its copy of the channel pattern must say the same as partners.CODE_PATTERN."""
    from pathlib import Path

    from partners.models import CODE_PATTERN

    script = (Path(__file__).resolve().parent.parent / "static" / "js" / "site.js").read_text()
    match = re.search(r"const VIA_FORMAT = /(.+)/;", script)
    assert match and match.group(1) == CODE_PATTERN
