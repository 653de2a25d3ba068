"""A published story can be rolled back to an earlier revision, and the history says who did what."""

import html

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from editorial.roles import ADMINISTRATORS, EDITORS
from stories.models import StoryPage
from tests.editorial import PASSWORD, edit_url, new_draft_story, staff_user, story_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(demo_site):
    return staff_user("ann", ADMINISTRATORS)


def publish(client, story, **changes):
    response = client.post(edit_url(story), story_form_data(story, **changes, **{"action-publish": "Publish"}))
    assert response.status_code == 302
    story.refresh_from_db()
    return story.live_revision


def test_reverting_a_published_story_to_an_earlier_revision(client, admin, demo_site):
    story = new_draft_story(summary="The agreed summary.")
    client.login(username=admin.username, password=PASSWORD)
    first = publish(client, story)
    publish(client, story, summary="A summary the family did not agree.")
    assert StoryPage.objects.get(pk=story.pk).summary == "A summary the family did not agree."

    revert_url = reverse("wagtailadmin_pages:revisions_revert", args=[story.pk, first.pk])
    form = client.get(revert_url)
    assert "The agreed summary." in html.unescape(form.content.decode())
    old = first.as_object()
    response = client.post(revert_url, story_form_data(old, **{"action-publish": "Publish"}))
    assert response.status_code == 302

    live = StoryPage.objects.get(pk=story.pk)
    assert live.summary == "The agreed summary."
    assert live.revisions.count() == 4, "draft, two publishes and the revert: nothing is lost"
    reverted = PageLogEntry.objects.get(page=story, action="wagtail.revert")
    assert reverted.user == admin
    assert reverted.data["revision"]["id"] == first.pk


def test_reverting_in_code_uses_the_same_publish_path(admin, demo_site):
    story = new_draft_story(summary="Version one.")
    first = story.save_revision(user=admin)
    first.publish(user=admin)
    story = StoryPage.objects.get(pk=story.pk)
    story.summary = "Version two."
    story.save_revision(user=admin).publish(user=admin)

    first.as_object().save_revision(user=admin, previous_revision=first).publish(user=admin, previous_revision=first)
    assert StoryPage.objects.get(pk=story.pk).summary == "Version one."


def test_page_history_shows_who_changed_and_who_published(client, admin, demo_site):
    story = new_draft_story()
    editor = staff_user("eddie", EDITORS)
    editor.first_name, editor.last_name = "Eddie", "Editor"
    editor.save()
    admin.first_name, admin.last_name = "Ann", "Administrator"
    admin.save()

    client.login(username=editor.username, password=PASSWORD)
    client.post(edit_url(story), story_form_data(story, summary="Edited by Eddie."))
    client.login(username=admin.username, password=PASSWORD)
    publish(client, story)

    entries = PageLogEntry.objects.filter(page=story)
    assert entries.get(action="wagtail.edit", user=editor)
    assert entries.get(action="wagtail.publish", user=admin)

    history = html.unescape(client.get(reverse("wagtailadmin_pages:history", args=[story.pk])).content.decode())
    assert "Eddie Editor" in history and "Ann Administrator" in history
    assert "Published" in history and "Draft saved" in history
