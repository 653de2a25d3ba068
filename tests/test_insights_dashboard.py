"""The insights dashboard: permitted staff see it, others are refused; the CSV and the command match the counters."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from insights import counters
from insights.models import DailyCount
from stories.models import StoryPage
from tests.insights_helpers import fresh_insights  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def figures(demo_site, campaign_settings):
    """Counters on both sides of the launch date."""
    today = timezone.localdate()
    campaign_settings.launch_date = today - datetime.timedelta(days=2)
    campaign_settings.save()
    lillian = StoryPage.objects.get(slug="lillian")
    dwayne = StoryPage.objects.get(slug="dwayne")
    plan = [
        (today - datetime.timedelta(days=4), lillian, "page_view", "direct", 40),
        (today - datetime.timedelta(days=4), lillian, "call_tapped", "direct", 1),
        (today, lillian, "page_view", "radio", 100),
        (today, lillian, "call_tapped", "radio", 6),
        (today, lillian, "film_started", "radio", 50),
        (today, lillian, "film_50", "radio", 30),
        (today, lillian, "film_100", "radio", 20),
        (today, dwayne, "page_view", "tv", 60),
        (today, dwayne, "call_tapped", "tv", 3),
        (today, dwayne, "poll_yes", "tv", 3),
        (today, dwayne, "poll_no", "tv", 1),
        (today - datetime.timedelta(days=60), dwayne, "page_view", "other", 999),  # outside the default dates
    ]
    for day, page, event, channel, n in plan:
        counters.increment(page.id, event, channel, n=n, day=day)
    return {"lillian": lillian, "dwayne": dwayne, "today": today}


@pytest.fixture
def viewer(django_user_model):
    """A staff editor whose group holds only admin access and the dashboard permission."""
    group = Group.objects.create(name="Comms")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_dashboard")
    )
    user = django_user_model.objects.create_user("comms", password="a long enough password")
    user.groups.add(group)
    return user


@pytest.fixture
def editor_without_permission(django_user_model):
    group = Group.objects.create(name="Editors only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = django_user_model.objects.create_user("editor", password="a long enough password")
    user.groups.add(group)
    return user


def test_dashboard_renders_the_figures_for_a_permitted_user(client, viewer, figures):
    client.force_login(viewer)
    response = client.get("/admin/insights/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Campaign insights" in html
    # 200 views and 10 call taps in the last four weeks: 5 taps per 100 views.
    assert "<strong>200</strong> page views" in html
    assert "<strong>10</strong> call taps" in html
    assert "<strong>5.0</strong> call taps per 100 views" in html
    assert "<strong>75%</strong> already knew" in html
    assert "Film watched to the end" in html and ">40%<" in html.replace("%<span", "%<")
    assert "Before launch" in html and "From launch" in html
    assert "Page views per day, by channel" in html and "On-demand TV" in html
    assert "Lillian and Quamari" in html
    assert 'href="?start=' in html and "format=csv" in html
    # The menu shows the item.
    assert 'href="/admin/insights/"' in client.get("/admin/").content.decode()


def test_dashboard_is_refused_to_others(client, editor_without_permission, figures):
    assert client.get("/admin/insights/").status_code == 302  # anonymous: to the login page
    assert "/login/" in client.get("/admin/insights/")["Location"]
    client.force_login(editor_without_permission)
    response = client.get("/admin/insights/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    csv_response = client.get("/admin/insights/?format=csv")
    assert csv_response.status_code == 302
    home = client.get("/admin/").content.decode()
    assert 'href="/admin/insights/"' not in home
    assert "Campaign figures" not in home


def test_date_filters_change_the_figures_and_bad_dates_are_explained(client, viewer, figures):
    client.force_login(viewer)
    old = figures["today"] - datetime.timedelta(days=60)
    html = client.get(f"/admin/insights/?start={old}&end={old}").content.decode()
    assert "<strong>999</strong> page views" in html
    html = client.get("/admin/insights/?start=2026-05-02&end=2026-05-01").content.decode()
    assert "The start date must be on or before the end date." in html
    assert client.get("/admin/insights/?start=not-a-date").status_code == 200


def read_csv(text):
    return list(csv.reader(io.StringIO(text)))


def test_csv_download_matches_the_counters(client, viewer, figures):
    client.force_login(viewer)
    start = figures["today"] - datetime.timedelta(days=90)
    response = client.get(f"/admin/insights/?start={start}&end={figures['today']}&format=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = read_csv(response.content.decode())
    assert rows[0] == ["day", "page_id", "page_title", "page_url_path", "event", "channel", "count"]
    from_csv = {(r[0], int(r[1]), r[4], r[5]): int(r[6]) for r in rows[1:]}
    from_db = {(c.day.isoformat(), c.page_id, c.event, c.channel): c.count for c in DailyCount.objects.all()}
    assert from_csv == from_db
    assert len(rows) - 1 == DailyCount.objects.count() == 12


def test_export_command_writes_the_same_csv(client, viewer, figures):
    client.force_login(viewer)
    start = figures["today"] - datetime.timedelta(days=90)
    download = client.get(f"/admin/insights/?start={start}&end={figures['today']}&format=csv").content.decode()
    out = io.StringIO()
    call_command("export_insights", stdout=out)
    assert read_csv(out.getvalue()) == read_csv(download)
    out = io.StringIO()
    call_command("export_insights", "--start", str(figures["today"]), stdout=out)
    assert len(read_csv(out.getvalue())) == 1 + 9
    with pytest.raises(CommandError):
        call_command("export_insights", "--start", "yesterday")


def test_admin_home_panel_shows_the_last_seven_days(client, viewer, figures):
    client.force_login(viewer)
    html = client.get("/admin/").content.decode()
    assert "Campaign figures — last 7 days" in html
    assert '<th scope="row">Page views</th><td>200</td>' in html
    assert "(5.0 per 100 views)" in html
    assert "20 of 50 started" in html
