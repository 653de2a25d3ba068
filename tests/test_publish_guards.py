"""A story cannot go live without summary, portrait alt text, a share image, and a film that is ready.

Drafts still save; the editor is told exactly what is missing; the final sign-off and scheduled publishing
are held to the same rules as the Publish button.
"""

import datetime
import html

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry

from editorial.roles import APPROVERS, EDITORS
from stories.models import StoryPage
from stories.publish_guards import Problem, PublishBlocked, publish_problems
from tests.editorial import PASSWORD, edit_url, new_draft_story, staff_user, story_form_data, workflow_action_url
from tests.film_helpers import make_film

pytestmark = pytest.mark.django_db

ALT_MESSAGE = "Describe the portrait for people who cannot see it."
SUMMARY_MESSAGE = "Write the one-line summary shown on the story card and when it is shared."


@pytest.fixture
def admin_client(client, demo_site):
    staff_user("boss", superuser=True)
    client.login(username="boss", password=PASSWORD)
    return client


@pytest.fixture
def story(demo_site):
    return new_draft_story()


def page_text(response):
    return html.unescape(response.content.decode())


@pytest.mark.parametrize(("field", "message"), [("portrait_alt", ALT_MESSAGE), ("summary", SUMMARY_MESSAGE)])
def test_a_draft_saves_without_it_but_publishing_says_what_is_missing(admin_client, story, field, message):
    response = admin_client.post(edit_url(story), story_form_data(story, **{field: ""}))
    assert response.status_code == 302, "the draft must save"
    story.refresh_from_db()
    assert getattr(story.get_latest_revision_as_object(), field) == ""

    response = admin_client.post(edit_url(story), story_form_data(story, **{field: "", "action-publish": "Publish"}))
    assert response.status_code == 200
    text = page_text(response)
    assert "This story cannot go live yet. What is missing:" in text
    assert message in text
    assert response.context["form"].errors[field] == [message]
    story.refresh_from_db()
    assert not story.live


def test_every_missing_item_is_listed_at_once(admin_client, story):
    data = story_form_data(story, summary="", portrait_alt="", **{"action-publish": "Publish"})
    text = page_text(admin_client.post(edit_url(story), data))
    assert ALT_MESSAGE in text and SUMMARY_MESSAGE in text


def test_a_story_without_portrait_or_share_image_cannot_be_published(story):
    story.portrait = None
    revision = story.save_revision(clean=False)
    with pytest.raises(PublishBlocked) as refused:
        revision.publish()
    assert "Portrait or share image: Choose a portrait (or a share image)" in str(refused.value)
    assert not StoryPage.objects.get(pk=story.pk).live


def test_a_share_image_override_stands_in_for_the_portrait(story):
    story.portrait = None
    assert [p.field for p in publish_problems(story)] == ["portrait"]
    story.share_image_id = 1  # the partners work adds StoryPage.share_image; the check reads it when present
    assert publish_problems(story) == []


def test_a_complete_story_publishes(admin_client, story):
    response = admin_client.post(edit_url(story), story_form_data(story, **{"action-publish": "Publish"}))
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.live


def test_the_film_check_blocks_publishing_too(admin_client, story):
    story.film = make_film("Unfinished film", captions=False)
    story.save_revision()
    response = admin_client.post(edit_url(story), story_form_data(story, **{"action-publish": "Publish"}))
    message = "The film “Unfinished film” has no English captions (a WebVTT file). Add them before publishing."
    assert message in page_text(response)
    story.refresh_from_db()
    assert not story.live
    assert publish_problems(story.get_latest_revision_as_object()) == [Problem(message, field="film", label="Film")]


def test_submitting_an_incomplete_story_for_sign_off_is_refused(client, story):
    editor = staff_user("eddie", EDITORS)
    client.login(username=editor.username, password=PASSWORD)
    response = client.post(edit_url(story), story_form_data(story, portrait_alt="", **{"action-submit": "Submit"}))
    assert response.status_code == 200
    assert ALT_MESSAGE in page_text(response)
    assert story.current_workflow_state is None


# The dashboard's "Approve" posts a plain form; "Approve with comment" posts from a modal (XMLHttpRequest).
@pytest.mark.parametrize("from_modal", [True, False], ids=["from the modal", "from the dashboard button"])
def test_final_sign_off_of_a_story_emptied_during_review_is_refused(client, story, from_modal):
    editor = staff_user("eddie", EDITORS)
    approver = staff_user("ada", APPROVERS)
    client.login(username=editor.username, password=PASSWORD)
    client.post(edit_url(story), story_form_data(story, **{"action-submit": "Submit"}))
    # Someone empties the alt text in a later draft while it is in review.
    draft = story.get_latest_revision_as_object()
    draft.portrait_alt = ""
    draft.save_revision(user=editor, clean=False)

    client.login(username=approver.username, password=PASSWORD)
    story.refresh_from_db()
    client.post(workflow_action_url(story, "approve", story.current_workflow_task_state), {"comment": ""})
    story.refresh_from_db()
    approve_url = workflow_action_url(story, "approve", story.current_workflow_task_state)
    if from_modal:
        response = client.post(approve_url, {"comment": ""}, headers={"x-requested-with": "XMLHttpRequest"})
        assert response.json() == {"step": "success", "redirect": edit_url(story)}
        shown = page_text(client.get(edit_url(story)))
    else:
        response = client.post(approve_url, {"comment": ""}, follow=True)
        assert response.redirect_chain[-1][0] == edit_url(story)
        shown = page_text(response)
    story.refresh_from_db()
    assert not story.live
    # The refusal rolled the approval back: the legal sign-off is still waiting.
    assert story.current_workflow_task_state.task.name == "Legal sign-off"
    # The approver reads what is missing, not a bare "you do not have permission".
    assert f"“{story.title}” cannot go live yet. Missing: Portrait alt text: {ALT_MESSAGE}" in shown
    assert "do not have permission" not in shown


def test_a_scheduled_story_that_is_not_ready_is_not_published_and_the_others_are(story, demo_site, caplog):
    from django.core.management import call_command

    other = new_draft_story(slug="other-story")
    for page in (story, other):
        page.go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    story.portrait_alt = ""
    bad_revision = story.save_revision(approved_go_live_at=story.go_live_at, clean=False)
    other.save_revision(approved_go_live_at=other.go_live_at)

    call_command("publish_scheduled")

    assert StoryPage.objects.get(pk=other.pk).live
    assert not StoryPage.objects.get(pk=story.pk).live
    bad_revision.refresh_from_db()
    assert bad_revision.approved_go_live_at is None, "the refused schedule is dropped, not retried every minute"
    assert "Scheduled publishing of story" in caplog.text
    assert not PageLogEntry.objects.filter(page=story, action="wagtail.publish.scheduled").exists()
