"""The steps of the "Family and legal sign-off": Wagtail's group approval, in our words, with a reason to send back.

`SignOffTask` is a proxy of Wagtail's `GroupApprovalTask` (same table, same groups): only what approvers see and
must give changes. Each task row points at it through its content type (editorial/roles.py, migration 0002).
"""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from wagtail.models import GroupApprovalTask

SEND_BACK = "reject"  # Wagtail's name for the action
APPROVE = "approve"


class SendBackForm(forms.Form):
    """Sending a story back needs a reason: the editor reads it in the status panel and in their email."""

    comment = forms.CharField(
        label="What needs to change",
        required=True,
        widget=forms.Textarea({"rows": 3}),
        help_text="The editor who submitted the story sees this. Say what to change, and why.",
        error_messages={"required": "Say what needs to change, so the editor can fix it."},
    )


class ApproveWithCommentForm(forms.Form):
    comment = forms.CharField(
        label="Comment",
        required=False,
        widget=forms.Textarea({"rows": 3}),
        help_text="For example whose agreement you record: the family's liaison, the legal team.",
    )


class SignOffTask(GroupApprovalTask):
    class Meta:
        proxy = True
        verbose_name = "sign-off step"
        verbose_name_plural = "sign-off steps"

    def save(self, *args, **kwargs):
        # Wagtail stores the concrete model's content type; a proxy must name itself to be found again (`.specific`).
        if not self.content_type_id:
            self.content_type = ContentType.objects.get_for_model(self, for_concrete_model=False)
        return super().save(*args, **kwargs)

    def get_actions(self, obj, user):
        if user.is_superuser or self._user_in_groups(user):
            return [
                (SEND_BACK, "Send back for changes", True),
                (APPROVE, "Approve", False),
                (APPROVE, "Approve with comment", True),
            ]
        return []

    def get_form_for_action(self, action):
        return SendBackForm if action == SEND_BACK else ApproveWithCommentForm

    def on_action(self, task_state, user, action_name, **kwargs):
        # The modal forms require the comment; this also holds for a request that skips them.
        if action_name == SEND_BACK and not (kwargs.get("comment") or "").strip():
            raise PermissionDenied("Say what needs to change before sending a story back.")
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return "Members of the chosen groups approve this step, or send the story back saying what must change."
