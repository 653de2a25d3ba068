"""The event endpoints fuzzed: whatever arrives, never a 500, and nothing stored unless the event is valid."""

import json

import pytest
from django.db.models import Sum
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Page

from insights.models import DailyCount
from insights.vocabulary import EVENTS, FIXED_CHANNELS
from stories.models import StoryPage
from tests.insights_helpers import BROWSER_UA, fresh_insights  # noqa: F401

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)

json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40)
json_values = st.recursive(
    json_scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
)
events = st.sampled_from(list(EVENTS)) | st.text(max_size=20)
channels = st.sampled_from([*FIXED_CHANNELS, "someone-123", "RADIO", "", " radio", "radio\n"]) | st.text(max_size=35)
page_ids = st.sampled_from(["STORY", "STORY_TEXT"]) | json_values | st.integers(min_value=-(2**63), max_value=2**63)


@st.composite
def payloads(draw):
    shape = draw(st.sampled_from(["event", "event", "json", "bytes"]))
    if shape == "bytes":
        return draw(st.binary(max_size=700))
    if shape == "json":
        return json.dumps(draw(json_values)).encode()
    payload = {"e": draw(events), "p": draw(page_ids)}
    if draw(st.booleans()):
        payload["c"] = draw(channels)
    if draw(st.integers(0, 5)) == 0:
        payload[draw(st.text(max_size=4))] = draw(json_values)
    return payload


content_types = st.sampled_from(
    ["text/plain;charset=UTF-8", "application/json", "text/plain", "application/x-www-form-urlencoded", "text/html"]
) | st.text(max_size=30)


def total():
    return DailyCount.objects.aggregate(total=Sum("count"))["total"] or 0


@pytest.fixture
def story(demo_site, settings):
    settings.INSIGHTS_BURST_RATE = 10**6
    settings.INSIGHTS_BURST_CAPACITY = 10**6
    settings.INSIGHTS_WINDOW_CAP = settings.INSIGHTS_VIEW_WINDOW_CAP = 10**6
    return StoryPage.objects.get(slug="dwayne")


def test_events_endpoint_fuzzed(client, story):
    live_ids = set(Page.objects.live().values_list("id", flat=True))

    @FUZZ
    @given(payload=payloads(), content_type=content_types)
    def check(payload, content_type):
        if isinstance(payload, dict):
            payload = {
                k: story.id if v == "STORY" else str(story.id) if v == "STORY_TEXT" else v for k, v in payload.items()
            }
            try:
                body = json.dumps(payload).encode()
            except ValueError:
                body = b"{"
        else:
            body = payload
        before = total()
        try:
            response = client.post("/events/", data=body, content_type=content_type, HTTP_USER_AGENT=BROWSER_UA)
        except UnicodeEncodeError:
            return  # the test client cannot send a header it cannot encode; a server never sees one
        assert response.status_code in {204, 400}, (body, content_type)
        assert total() == before + (1 if response.status_code == 204 else 0)
        if response.status_code == 204:
            decoded = json.loads(body)
            assert decoded["e"] in EVENTS
            assert int(decoded["p"]) in live_ids
            assert content_type.split(";")[0].strip().lower() in {"text/plain", "application/json"}

    check()
    # Nothing outside the closed lists ever reached the table.
    assert set(DailyCount.objects.values_list("event", flat=True)) <= set(EVENTS)
    assert set(DailyCount.objects.values_list("channel", flat=True)) <= set(FIXED_CHANNELS)
    assert set(DailyCount.objects.values_list("page_id", flat=True)) <= live_ids


def test_poll_endpoint_fuzzed(client, story):
    fields = st.dictionaries(
        st.sampled_from(["answer", "p", "c", "name", "csrfmiddlewaretoken"]) | st.text(max_size=6),
        st.sampled_from(["yes", "no", "STORY", "radio"]) | st.text(max_size=20),
        max_size=5,
    )

    @FUZZ
    @given(data=fields)
    def check(data):
        from urllib.parse import urlencode

        data = {k: str(story.id) if v == "STORY" else v for k, v in data.items()}
        before = total()
        response = client.post(
            "/events/poll/",
            urlencode(data),
            content_type="application/x-www-form-urlencoded",
            HTTP_USER_AGENT=BROWSER_UA,
        )
        assert response.status_code in {303, 400}
        assert total() == before + (1 if response.status_code == 303 else 0)
        if response.status_code == 303:
            assert data["answer"] in {"yes", "no"} and data["p"] == str(story.id)

    check()
