"""The sign-off as comms staff meet it: our words, a confirmation after each decision, a reason to send a story back,
and notification emails to the next approvers that carry nothing about the site's visitors."""

import html
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import translation
from wagtail.models import Task, TaskState, WorkflowState

from editorial.models import SignOffTask
from editorial.roles import APPROVERS, EDITORS, FAMILY_TASK, LEGAL_TASK
from tests.editorial import PASSWORD, edit_url, new_draft_story, staff_user, story_form_data, workflow_action_url

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent
PO_FILE = ROOT / "editorial" / "locale" / "en_GB" / "LC_MESSAGES" / "django.po"


@pytest.fixture
def team(demo_site):
    return {
        "editor": staff_user("eddie", EDITORS),
        "approver": staff_user("ada", APPROVERS),
        "second approver": staff_user("bea", APPROVERS),
    }


def login(client, user):
    client.logout()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def text(response):
    return html.unescape(response.content.decode())


def submit(client, story):
    response = client.post(edit_url(story), story_form_data(story, **{"action-submit": "Submit"}), follow=True)
    assert response.status_code == 200
    return response


def in_progress(story):
    return WorkflowState.objects.get(object_id=str(story.pk), status=WorkflowState.STATUS_IN_PROGRESS)


def po_entries():
    """msgid -> msgstr from our catalogue (one line each, as the file is written)."""
    entries = re.findall(r'^msgid "(.+)"\nmsgstr "(.*)"$', PO_FILE.read_text(), re.M)
    return {msgid.replace('\\"', '"'): msgstr.replace('\\"', '"') for msgid, msgstr in entries}


def test_every_wording_override_is_compiled_and_used():
    entries = po_entries()
    assert len(entries) > 20
    with translation.override("en-gb"):
        for msgid, msgstr in entries.items():
            assert translation.gettext(msgid) == msgstr, f"compile the catalogue: {msgid}"
    assert not [msgstr for msgstr in entries.values() if "moderation" in msgstr.lower()]


def test_the_sign_off_steps_are_ours_with_our_actions(team):
    tasks = [task.specific for task in Task.objects.filter(name__in=[FAMILY_TASK, LEGAL_TASK])]
    assert [type(task) for task in tasks] == [SignOffTask, SignOffTask]
    labels = [label for _, label, _ in tasks[0].get_actions(None, team["approver"])]
    assert labels == ["Send back for changes", "Approve", "Approve with comment"]
    assert tasks[0].get_actions(None, team["editor"]) == []


def test_submitting_says_sign_off_and_emails_the_approvers_of_the_first_step(client, team):
    story = new_draft_story(title="A story for the approvers")
    response = submit(login(client, team["editor"]), story)
    page = text(response)
    assert "has been sent for sign-off" in page
    assert "moderation" not in page.lower()

    to_approver = [message for message in mail.outbox if message.to == ["ada@example.org"]]
    assert len(to_approver) == 1
    message = to_approver[0]
    assert message.subject == "For your sign-off (Family sign-off): “A story for the approvers”"
    waiting = "“A story for the approvers” is waiting for Family sign-off, and you are one of its approvers."
    assert waiting in message.body
    assert f"http://127.0.0.1:8000/admin/pages/{story.pk}/edit/" in message.body
    assert "moderation" not in (message.subject + message.body).lower()
    # Staff and the story only: no visitor data exists to leak, and nothing of the site's insights is quoted.
    assert "Mozilla" not in message.body and "via=" not in message.body
    assert "eddie@example.org" not in message.body, "not even the editor's address"


# The confirmations are added when the decision is committed, as in production: these tests commit.
@pytest.mark.django_db(transaction=True)
def test_approving_is_confirmed_and_the_next_approvers_are_emailed(client, team):
    story = new_draft_story(title="Two steps")
    submit(login(client, team["editor"]), story)
    mail.outbox.clear()
    login(client, team["approver"])
    client.post(workflow_action_url(story, "approve", in_progress(story).current_task_state), {"comment": ""})
    page = text(client.get(edit_url(story)))
    assert "You approved “Two steps” at Family sign-off. It now waits for Legal sign-off" in page
    # The next step's approvers are told; the one who just approved is not mailed about it.
    staffed = {tuple(message.to): message.subject for message in mail.outbox}
    assert staffed == {("bea@example.org",): "For your sign-off (Legal sign-off): “Two steps”"}

    client.post(workflow_action_url(story, "approve", in_progress(story).current_task_state), {"comment": ""})
    page = text(client.get(edit_url(story)))
    assert "You approved “Two steps” at Legal sign-off. The sign-off is complete and the story is live." in page
    story.refresh_from_db()
    assert story.live
    signed_off = [message for message in mail.outbox if message.to == ["eddie@example.org"]]
    assert [message.subject for message in signed_off] == ["Signed off: “Two steps”"]
    assert story.full_url in signed_off[0].body


@pytest.mark.django_db(transaction=True)
def test_sending_back_needs_a_reason_which_reaches_the_editor(client, team):
    story = new_draft_story(title="Needs work")
    submit(login(client, team["editor"]), story)
    login(client, team["approver"])
    task_state = in_progress(story).current_task_state
    url = workflow_action_url(story, "reject", task_state)

    modal = client.get(url, headers={"x-requested-with": "XMLHttpRequest"}).json()
    assert "What needs to change" in modal["html"]
    refused = client.post(url, {"comment": "  "}, headers={"x-requested-with": "XMLHttpRequest"}).json()
    assert refused["step"] == "action"
    assert "Say what needs to change, so the editor can fix it." in html.unescape(refused["html"])
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS

    mail.outbox.clear()
    client.post(url, {"comment": "The family asked us to leave out the street name."})
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_REJECTED
    page = text(client.get(edit_url(story)))
    assert "You sent “Needs work” back for changes at Family sign-off." in page
    (message,) = [message for message in mail.outbox if message.to == ["eddie@example.org"]]
    assert message.subject == "Sent back for changes: “Needs work”"
    assert "What needs to change:\nThe family asked us to leave out the street name." in message.body


def test_sending_back_without_a_reason_is_refused_even_past_the_dialog(client, team):
    story = new_draft_story(title="No reason")
    submit(login(client, team["editor"]), story)
    login(client, team["approver"])
    task_state = in_progress(story).current_task_state
    action = {"action-workflow-action": "true", "workflow-action-name": "reject", "workflow-action-extra-data": "{}"}
    data = story_form_data(story, **action)
    response = client.post(edit_url(story), data)
    assert response.status_code in (302, 403) and response.get("Location") != edit_url(story)
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS


@override_settings(EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend")
def test_with_the_console_backend_of_make_run_the_mail_is_printed(client, team, capsys):
    story = new_draft_story(title="Printed mail")
    submit(login(client, team["editor"]), story)
    out = capsys.readouterr().out
    assert "To: ada@example.org" in out
    assert "is waiting for Family sign-off" in out


@pytest.mark.parametrize(
    ("env", "backend"),
    [
        ({}, "django.core.mail.backends.console.EmailBackend"),
        ({"EMAIL_HOST": "smtp.example.org"}, "django.core.mail.backends.smtp.EmailBackend"),
        ({"EMAIL_HOST": "smtp.example.org", "EMAIL_BACKEND": "x.Backend"}, "x.Backend"),
    ],
)
def test_the_mail_backend_comes_from_the_environment(env, backend):
    code = "from campaign_site.settings import production as s; print(s.EMAIL_BACKEND, s.EMAIL_HOST)"
    environment = {"SECRET_KEY": "x" * 50, "PATH": "/usr/bin:/bin", **env}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True, check=True
    ).stdout
    assert out.split()[0] == backend
