"""Roles and the "Family and legal sign-off" workflow: editors submit, approvers approve or send back."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageLogEntry, TaskState, Workflow, WorkflowState

from editorial.roles import APPROVERS, EDITORS, FAMILY_TASK, LEGAL_TASK, WORKFLOW_NAME
from stories.models import StoryIndexPage, StoryPage
from tests.editorial import PASSWORD, edit_url, new_draft_story, staff_user, story_form_data, workflow_action_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(demo_site):
    return staff_user("eddie", EDITORS)


@pytest.fixture
def approver(demo_site):
    return staff_user("ada", APPROVERS)


@pytest.fixture
def story(demo_site):
    return new_draft_story()


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


def submit(client, story):
    response = client.post(edit_url(story), story_form_data(story, **{"action-submit": "Submit"}))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    return WorkflowState.objects.get(object_id=str(story.pk), status=WorkflowState.STATUS_IN_PROGRESS)


def latest_workflow_state(story):
    return WorkflowState.objects.filter(object_id=str(story.pk)).order_by("-created_at", "-pk").first()


def current_task_state(story):
    return latest_workflow_state(story).current_task_state


def test_the_stories_section_uses_the_two_step_sign_off(demo_site):
    staff_user("setup", EDITORS)
    workflow = StoryIndexPage.objects.get().get_workflow()
    assert workflow.name == WORKFLOW_NAME
    assert [task.name for task in workflow.tasks] == [FAMILY_TASK, LEGAL_TASK]
    assert all(list(task.specific.groups.all()) == [Group.objects.get(name=APPROVERS)] for task in workflow.tasks)
    assert StoryPage.objects.first().get_workflow() == workflow
    # Wagtail's default "Moderators approval" is gone: it would let a fourth group publish.
    assert list(Workflow.objects.values_list("name", flat=True)) == [WORKFLOW_NAME]


def test_editors_and_approvers_cannot_publish_directly(editor, approver, story):
    assert story.permissions_for_user(editor).can_edit()
    assert story.permissions_for_user(editor).can_submit_for_moderation()
    assert not story.permissions_for_user(editor).can_publish()
    assert not story.permissions_for_user(approver).can_publish()
    live_story = StoryPage.objects.live().first()
    assert not live_story.permissions_for_user(editor).can_delete()
    assert not live_story.permissions_for_user(editor).can_unpublish()
    assert not live_story.permissions_for_user(approver).can_unpublish()


def test_an_editor_pressing_publish_only_saves_a_draft(client, editor, story):
    login(client, editor)
    response = client.post(edit_url(story), story_form_data(story, title="Changed", **{"action-publish": "Publish"}))
    assert response.status_code == 302
    story.refresh_from_db()
    assert not story.live
    assert story.draft_title == "Changed"
    assert not PageLogEntry.objects.filter(page=story, action="wagtail.publish").exists()


def test_editor_submits_approver_approves_both_steps_and_the_story_goes_live(client, editor, approver, story):
    login(client, editor)
    workflow_state = submit(client, story)
    assert workflow_state.current_task_state.task.name == FAMILY_TASK
    story.refresh_from_db()
    assert not story.live

    login(client, approver)
    # The dashboard lists it under the approver's reviews.
    assert story.title in client.get("/admin/").content.decode()
    response = client.post(workflow_action_url(story, "approve", current_task_state(story)), {"comment": ""})
    assert response.status_code == 302
    story.refresh_from_db()
    assert not story.live, "live after the family sign-off alone"
    assert current_task_state(story).task.name == LEGAL_TASK

    client.post(workflow_action_url(story, "approve", current_task_state(story)), {"comment": "Legal: fine."})
    story.refresh_from_db()
    assert story.live
    assert latest_workflow_state(story).status == WorkflowState.STATUS_APPROVED
    published = PageLogEntry.objects.get(page=story, action="wagtail.publish")
    assert published.user == approver


def test_an_approver_sending_it_back_returns_it_to_the_editor_with_the_comment(client, editor, approver, story):
    login(client, editor)
    submit(client, story)
    login(client, approver)
    comment = "The family asks to change the second paragraph."
    client.post(workflow_action_url(story, "reject", current_task_state(story)), {"comment": comment})

    story.refresh_from_db()
    assert not story.live
    workflow_state = latest_workflow_state(story)
    assert workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert TaskState.objects.get(workflow_state=workflow_state).comment == comment

    login(client, editor)
    page = client.get(edit_url(story)).content.decode()
    assert comment in page
    # The editor can fix it and resubmit; it starts again at the family sign-off.
    response = client.post(edit_url(story), story_form_data(story, **{"action-restart-workflow": "Resubmit"}))
    assert response.status_code == 302
    assert current_task_state(story).task.name == FAMILY_TASK
    assert current_task_state(story).status == TaskState.STATUS_IN_PROGRESS


def test_an_editor_cannot_approve(client, editor, approver, story):
    login(client, editor)
    submit(client, story)
    client.post(workflow_action_url(story, "approve", current_task_state(story)), {"comment": ""})
    assert current_task_state(story).task.name == FAMILY_TASK
    assert current_task_state(story).status == TaskState.STATUS_IN_PROGRESS
