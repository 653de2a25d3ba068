"""A story sent for sign-off (or published) with something missing is saved as a draft, and the editor is told what
is missing, field by field.

Why: the story form refuses "Submit"/"Publish" until the story is complete (stories/publish_guards.py), but a draft
may lack anything. Wagtail 7.4 answered a refused submit with "The page could not be created" (or "saved") and then,
a moment later, its autosave saved the very same form as a draft: the header said "✓ Saved" beside the banner, and
the new story existed after all. Here the draft is saved in the same request and the message says so:
- a new story is created through Wagtail's own view (as "Save draft"), and the editor lands on its edit page with the
  message naming every missing field (a redirect, so reloading cannot create it twice);
- an existing story's changes are saved as a draft revision and the form comes back with the missing fields marked.
When even a draft cannot be saved (no title, a slug already used), nothing is saved and Wagtail's own message stands:
that one is then true.
"""

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.html import format_html, format_html_join
from wagtail.admin import messages as wagtail_messages
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


class StoryEditView(EditView):
    """Wagtail's page editor, except that a refused "Submit"/"Publish"/"Approve" of a story first saves the changes as
    a draft (if a draft may have them), then shows the form with every missing field marked and says what happened.
    Wagtail's own answer ("could not be saved"), followed a moment later by its autosave's "✓ Saved", said both."""

    def form_invalid(self, form):
        done = refused_action(self.request)
        if done and not self.locked_for_user:
            draft = self.form_class(
                self.request.POST,
                self.request.FILES,
                instance=self.real_page_record.get_latest_revision_as_object(),
                parent_page=self.parent,
                for_user=self.request.user,
            )
            draft.defer_required_fields()
            if draft.is_valid():
                page = draft.save(commit=not self.real_page_record.live)
                # The form that comes back carries this revision as the one it was loaded from, so the next
                # autosave or save does not take it for someone else's newer version.
                self.latest_revision = page.save_revision(
                    user=self.request.user, log_action=True, previous_revision=self.previous_revision, clean=False
                )
                self.__dict__.pop("latest_revision_created_at", None)
                self.has_unsaved_changes = False
                title = page.get_admin_display_title()
                wagtail_messages.validation_error(
                    self.request,
                    f"Your changes to “{title}” are saved as a draft, but it was not {done}: "
                    "it cannot go live yet. What is missing is marked below:",
                    form,
                )
                return self.render_to_response(self.get_context_data())
        return super().form_invalid(form)


def save_refused_story_edit_as_draft(request, page):
    """`before_edit_page` hook: stories are edited in `StoryEditView` (Wagtail's editor, our answer to a refusal).
    Only the editor itself is taken over: Wagtail's revert view runs the same hook and must stay its own view."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name != "edit":
        return None
    if getattr(request, "_in_story_edit_view", False) or not isinstance(page.specific, StoryPage):
        return None
    request._in_story_edit_view = True
    return StoryEditView.as_view()(request, page_id=page.pk)
