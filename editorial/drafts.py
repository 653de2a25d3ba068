"""A story sent for sign-off (or published) with something missing is saved as a draft, and the editor is told what
is missing, field by field.

Why: the story form refuses "Submit"/"Publish" until the story is complete (stories/publish_guards.py), but a draft
may lack anything. Wagtail 7.4 answered a refused submit with "The page could not be created" (or "saved") and then,
a moment later, its autosave saved the very same form as a draft: the header said "✓ Saved" beside the banner, and
the new story existed after all. Here the draft is saved in the same request, through Wagtail's own view (as "Save
draft"), and the message says so. When even a draft cannot be saved (no title, a slug already used), nothing is saved
and Wagtail's own message stands: that one is then true.
"""

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.html import format_html, format_html_join
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView

from stories.models import StoryPage

# The form buttons that try to move a story towards going live (names as Wagtail posts them).
LIVE_ACTIONS = {
    "action-publish": "published",
    "action-submit": "sent for sign-off",
    "action-restart-workflow": "sent for sign-off",
    "action-workflow-action": "approved",
}
PUBLISH_CHECK_HEADING = "This story cannot go live yet. What is missing:"


def refused_action(request):
    for key, done in LIVE_ACTIONS.items():
        if request.POST.get(key):
            if key == "action-workflow-action" and request.POST.get("workflow-action-name") == "reject":
                return None  # sending back always works (StoryPageForm.moves_towards_live)
            return done
    return None


def _forms(request, page_class, instance_for, parent_page):
    form_class = page_class.get_edit_handler().get_form_class()

    def build():
        return form_class(
            request.POST, request.FILES, instance=instance_for(), parent_page=parent_page, for_user=request.user
        )

    return build(), build()


def what_is_missing(form):
    """Each error as "Label: message", the publish checks' heading left out (the message has its own)."""
    lines = []
    for name, errors in form.errors.items():
        label = None if name == NON_FIELD_ERRORS or name not in form.fields else form[name].label
        for error in errors:
            if error != PUBLISH_CHECK_HEADING:
                lines.append(f"{label}: {error}" if label else error)
    return lines


def _draft_instead(request, full, draft, save_as_draft):
    """None (let Wagtail answer) unless the story is refused only for what a draft may lack."""
    if full.is_valid():
        return None
    draft.defer_required_fields()
    if not draft.is_valid():
        return None
    done = refused_action(request)
    post = request.POST.copy()
    for key in (*LIVE_ACTIONS, "workflow-action-name", "workflow-action-extra-data"):
        post.pop(key, None)
    request.POST = post  # Wagtail's view now sees "Save draft"
    response = save_as_draft()
    title = draft.cleaned_data.get("title") or "The story"
    heading = format_html(
        "“{}” is saved as a draft, but it was not {}: it cannot go live yet. What is missing:", title, done
    )
    detail = format_html_join("\n", "<li>{}</li>", ((line,) for line in what_is_missing(full)))
    messages.error(request, format_html('{}<ul class="errorlist">{}</ul>', heading, detail))
    return response


def save_refused_new_story_as_draft(request, parent_page, page_class):
    """`before_create_page` hook."""
    if request.method != "POST" or not issubclass(page_class, StoryPage) or not refused_action(request):
        return None
    full, draft = _forms(request, page_class, page_class, parent_page)
    return _draft_instead(
        request,
        full,
        draft,
        lambda: CreateView.as_view()(
            request,
            content_type_app_name=page_class._meta.app_label,
            content_type_model_name=page_class._meta.model_name,
            parent_page_id=parent_page.pk,
        ),
    )


def save_refused_story_edit_as_draft(request, page):
    """`before_edit_page` hook."""
    page = page.specific
    if request.method != "POST" or not isinstance(page, StoryPage) or not refused_action(request):
        return None
    if page.get_lock() and page.get_lock().for_user(request.user):
        return None  # Wagtail explains a locked page itself
    full, draft = _forms(request, type(page), page.get_latest_revision_as_object, page.get_parent())
    return _draft_instead(request, full, draft, lambda: EditView.as_view()(request, page_id=page.pk))
