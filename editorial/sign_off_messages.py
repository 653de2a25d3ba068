"""A confirmation on screen after each sign-off decision: what was decided, and what happens to the story now.

Approvers decide from the dashboard (a dialog) or from the story's editor (its action menu); Wagtail confirms
neither, and a final approval publishes silently. Both paths end in Wagtail's `task_approved` / `task_rejected`
signals, which carry no request: `CurrentAdminRequestMiddleware` keeps the admin request for them. The message is
added only once the decision is committed, so an approval that is refused and rolled back (the story is not ready:
stories/publish_guards.py) shows only the refusal.
"""

from contextvars import ContextVar

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.dispatch import receiver
from django.utils import formats, timezone
from wagtail.models import Page, WorkflowState
from wagtail.signals import task_approved, task_rejected

_current_request = ContextVar("current_admin_request", default=None)


class CurrentAdminRequestMiddleware:
    """Makes the admin request available to the sign-off signal receivers below, for the length of the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(settings.WAGTAILADMIN_PATH_PREFIX):
            return self.get_response(request)
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)


def _title(page):
    return page.get_latest_revision_as_object().get_admin_display_title()


def approval_message(task_state):
    """What the approver reads after approving: the next step, or that the story is live or scheduled."""
    workflow_state = WorkflowState.objects.get(pk=task_state.workflow_state_id)
    page = Page.objects.get(pk=workflow_state.object_id).specific
    done = f"You approved “{_title(page)}” at {task_state.task.name}."
    if workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
        return f"{done} It now waits for {workflow_state.current_task_state.task.name}, on its approvers' dashboards."
    scheduled = page.scheduled_revision
    if scheduled and scheduled.approved_go_live_at:
        when = formats.date_format(timezone.localtime(scheduled.approved_go_live_at), "j F Y, H:i")
        return f"{done} The sign-off is complete; the story goes live on {when}."
    if page.live:
        return f"{done} The sign-off is complete and the story is live."
    return f"{done} The sign-off is complete."


def send_back_message(task_state):
    workflow_state = WorkflowState.objects.get(pk=task_state.workflow_state_id)
    page = Page.objects.get(pk=workflow_state.object_id).specific
    requester = workflow_state.requested_by
    who = (requester.get_full_name() or requester.get_username()) if requester else "The editor"
    return (
        f"You sent “{_title(page)}” back for changes at {task_state.task.name}. "
        f"{who} sees your comment in the story's status panel. It stays unpublished until it is submitted again."
    )


def _confirm_on_commit(task_state, compose):
    request = _current_request.get()
    if request is None or not hasattr(request, "_messages"):
        return  # not an admin request (code, a management command): nobody to tell on screen
    transaction.on_commit(lambda: messages.success(request, compose(task_state)))


@receiver(task_approved)
def confirm_approval(sender, instance, user=None, **kwargs):
    _confirm_on_commit(instance, approval_message)


@receiver(task_rejected)
def confirm_send_back(sender, instance, user=None, **kwargs):
    _confirm_on_commit(instance, send_back_message)
