"""A story scheduled for a launch minute goes live when `publish_scheduled` runs after it, never before."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from editorial.roles import ADMINISTRATORS, APPROVERS, EDITORS
from stories.models import StoryPage
from tests.editorial import PASSWORD, edit_url, new_draft_story, staff_user, story_form_data, workflow_action_url

pytestmark = pytest.mark.django_db


def admin_datetime(moment):
    """How the admin's date-time field takes a value (local time)."""
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def is_live(story):
    return StoryPage.objects.get(pk=story.pk).live


def run_scheduler():
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_a_story_scheduled_by_an_administrator_goes_live_after_its_time_and_not_before(client, demo_site):
    story = new_draft_story()
    admin = staff_user("ann", ADMINISTRATORS)
    client.login(username=admin.username, password=PASSWORD)
    launch = (timezone.now() + datetime.timedelta(hours=2)).replace(second=0, microsecond=0)
    response = client.post(
        edit_url(story), story_form_data(story, go_live_at=admin_datetime(launch), **{"action-publish": "Publish"})
    )
    assert response.status_code == 302
    assert story.revisions.get(approved_go_live_at__isnull=False).approved_go_live_at == launch

    run_scheduler()
    assert not is_live(story)
    with time_machine.travel(launch - datetime.timedelta(minutes=1)):
        run_scheduler()
    assert not is_live(story), "live a minute early"
    with time_machine.travel(launch + datetime.timedelta(seconds=30)):
        run_scheduler()
    assert is_live(story)
    assert story.revisions.filter(approved_go_live_at__isnull=False).count() == 0


def test_a_signed_off_story_with_a_launch_time_waits_for_it(client, demo_site):
    story = new_draft_story()
    editor = staff_user("eddie", EDITORS)
    approver = staff_user("ada", APPROVERS)
    launch = (timezone.now() + datetime.timedelta(days=1)).replace(second=0, microsecond=0)
    client.login(username=editor.username, password=PASSWORD)
    client.post(edit_url(story), story_form_data(story, go_live_at=admin_datetime(launch), **{"action-submit": "1"}))

    client.login(username=approver.username, password=PASSWORD)
    for _task in ("family", "legal"):
        story.refresh_from_db()
        client.post(workflow_action_url(story, "approve", story.current_workflow_task_state), {"comment": ""})
    story.refresh_from_db()
    assert not story.live, "signed off, but the launch is tomorrow"
    assert story.go_live_at == launch

    run_scheduler()
    assert not is_live(story)
    with time_machine.travel(launch + datetime.timedelta(minutes=1)):
        run_scheduler()
    assert is_live(story)
