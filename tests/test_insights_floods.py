"""A counter flood against a real server: one client sends hundreds of call_tapped in seconds.

Before: 935 were counted before the first 429, and during the flood 8 of 10 real beacons for the page were refused.
Now: the flood uses up only its own page-and-event cap, real beacons keep being counted, and the dashboard marks the
day (insights/guards.py, docs/insights.md "Floods").
"""

import json

import pytest
import requests
from django.test import Client

from insights.guards import burst_limit
from insights.models import CappedBurst
from stories.models import StoryPage
from tests.insights_helpers import BROWSER_UA, counts, fresh_insights  # noqa: F401


def send(session, base, event, page_id, channel="radio"):
    response = session.post(
        f"{base}/events/",
        data=json.dumps({"e": event, "p": page_id, "c": channel}),
        headers={"Content-Type": "text/plain;charset=UTF-8", "User-Agent": BROWSER_UA},
        timeout=10,
    )
    assert not response.cookies
    return response.status_code


@pytest.fixture
def flooded(settings, live_server, demo_site):
    # A window as long as the test: what is counted does not depend on how fast this machine sends.
    settings.INSIGHTS_WINDOW_SECONDS = 3600
    lillian = StoryPage.objects.get(slug="lillian")
    dwayne = StoryPage.objects.get(slug="dwayne")
    base = live_server.url
    with requests.Session() as flood:
        flood_statuses = [send(flood, base, "call_tapped", lillian.id) for _ in range(300)]
    # Then real visitors, each their own connection: views of the flooded page, a form tap on it, and calls from
    # another story.
    real = [
        *[("page_view", lillian.id) for _ in range(10)],
        *[("form_tapped", lillian.id) for _ in range(3)],
        *[("page_view", dwayne.id) for _ in range(4)],
        *[("call_tapped", dwayne.id) for _ in range(2)],
    ]
    real_statuses = []
    for event, page_id in real:
        with requests.Session() as visitor:
            real_statuses.append(send(visitor, base, event, page_id))
    return {"lillian": lillian, "dwayne": dwayne, "flood": flood_statuses, "real": real_statuses}


@pytest.mark.django_db(transaction=True)
def test_a_flood_is_capped_real_beacons_are_counted_and_the_day_is_marked(settings, flooded, django_user_model):
    cap = settings.INSIGHTS_WINDOW_CAP
    lillian, dwayne = flooded["lillian"].id, flooded["dwayne"].id
    assert flooded["flood"] == [204] * cap + [429] * (300 - cap)
    assert flooded["real"] == [204] * 19  # every real beacon counted
    assert counts() == {
        (lillian, "call_tapped", "radio"): cap,
        (lillian, "page_view", "radio"): 10,
        (lillian, "form_tapped", "radio"): 3,
        (dwayne, "page_view", "radio"): 4,
        (dwayne, "call_tapped", "radio"): 2,
    }
    # The refusals are counted for the day (the first at once, the rest at most once a second, and on flush).
    assert CappedBurst.objects.get(page_id=lillian, event="call_tapped").refused >= 1
    burst_limit.flush()
    capped = CappedBurst.objects.get()
    assert (capped.page_id, capped.event, capped.refused) == (lillian, "call_tapped", 300 - cap)

    # The dashboard marks the day.
    viewer = django_user_model.objects.create_superuser("comms", password="a long enough password")
    client = Client()
    client.force_login(viewer)
    response = client.get("/admin/insights/")
    assert response.status_code == 200, (response.status_code, response.get("Location"))
    html = response.content.decode()
    assert "Days when a burst was capped" in html
    assert "On 1 day in these dates" in html
    refused = 300 - settings.INSIGHTS_WINDOW_CAP
    assert f'<td>Lillian and Quamari</td><td>Call tapped</td><td class="num">{refused}</td>' in html, html[
        html.find("Days when") : html.find("Days when") + 2000
    ]
    assert "(burst capped)" in html
    assert f"<strong>{settings.INSIGHTS_WINDOW_CAP + 2}</strong> call taps" in html


@pytest.mark.django_db
def test_a_day_without_a_flood_is_not_marked(client, demo_site, django_user_model):
    admin = django_user_model.objects.create_superuser("boss", password="a long enough password")
    client.force_login(admin)
    html = client.get("/admin/insights/").content.decode()
    assert "Days when a burst was capped" not in html and "(burst capped)" not in html
