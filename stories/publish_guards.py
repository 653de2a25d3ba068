"""What a story must have before it goes live, checked on every way a story can be published.

Each check takes a story page (a draft or a revision's content) and returns the `Problem`s it finds: the story's
own fields (`story_basics_problems`), its text (`story_narrative_problems`), its film's readiness
(films/readiness.py) and, added through the `story_publish_check` Wagtail hook, its short address
(sharing/short_links.py).

Where the checks run:
- the page editor, on "Publish", "Submit for sign-off" and workflow actions (not on "Save draft": drafts always
  save) — the form lists exactly what is missing;
- `StoryPage.publish()`, the one method every publish goes through (workflow approval, scheduled publishing,
  bulk actions, code): a story with problems is refused there too. In the admin `PublishBlockedMiddleware` turns
  the refusal into the same message on the story's edit page; `publish_scheduled` logs it and drops the schedule.
"""

import copy
import logging
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.text import slugify
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminPageForm

from films.readiness import film_publish_problems, has_text

logger = logging.getLogger(__name__)

SCHEDULED_LOG_ACTION = "wagtail.publish.scheduled"


@dataclass(frozen=True)
class Problem:
    """One thing missing. `field` (with its `label`) ties it to a form field, to mark it in the editor."""

    message: str
    field: str | None = None
    label: str | None = None

    def __str__(self):
        return f"{self.label}: {self.message}" if self.label else self.message


def story_basics_problems(page):
    """Summary, portrait alt text and a share image."""
    problems = []
    if not (page.summary or "").strip():
        problems.append(
            Problem("Write the one-line summary shown on the story card and when it is shared.", "summary", "Summary")
        )
    if not (page.portrait_alt or "").strip():
        problems.append(
            Problem("Describe the portrait for people who cannot see it.", "portrait_alt", "Portrait alt text")
        )
    # The share image is generated from the portrait unless an override is chosen (StoryPage.share_image).
    if not page.portrait_id and not getattr(page, "share_image_id", None):
        problems.append(
            Problem(
                "Choose a portrait (or a share image): links shared on social media need a picture.",
                "portrait",
                "Portrait or share image",
            )
        )
    return problems


def _block_text(block):
    """The words a narrative block shows (images show none)."""
    value = block.value
    if block.block_type == "image":
        return ""
    if hasattr(value, "source"):  # rich text
        return value.source
    if isinstance(value, dict):
        return " ".join(str(part) for part in value.values() if isinstance(part, str))
    return str(value or "")


def story_narrative_problems(page):
    """The story itself: some text (a paragraph, a quote, or a clearly marked placeholder note), and alt text on
    every image."""
    problems = []
    blocks = list(page.narrative or [])
    if not any(has_text(_block_text(block)) for block in blocks):
        problems.append(Problem("Write the story: add at least one paragraph of text.", "narrative", "The story"))
    if any(block.block_type == "image" and not (block.value.get("alt_text") or "").strip() for block in blocks):
        problems.append(
            Problem("Every image needs alt text describing it for people who cannot see it.", "narrative", "The story")
        )
    return problems


def story_film_problems(page):
    """The film's readiness, tied to the Film field."""
    return [Problem(message, field="film", label="Film") for message in film_publish_problems(page)]


# Apps above stories in the layer order add their checks as Wagtail hooks (e.g. sharing's short address, in
# sharing/wagtail_hooks.py), so stories never imports them.
PUBLISH_CHECK_HOOK = "story_publish_check"


def publish_checks():
    return [story_basics_problems, story_narrative_problems, story_film_problems, *hooks.get_hooks(PUBLISH_CHECK_HOOK)]


def publish_problems(page):
    """Every problem that stops this story going live (empty: ready to publish)."""
    return [problem for check in publish_checks() for problem in check(page)]


class PublishBlocked(Exception):
    """Raised when something tries to publish a story that is not ready.

    Not a PermissionDenied: Wagtail's admin turns those into a bare "you do not have permission" before any
    middleware sees them, so the approver would never read what is missing.
    """

    def __init__(self, page, problems):
        self.page = page
        self.problems = problems
        super().__init__(f"“{page.title}” cannot go live yet. Missing: " + " ".join(map(str, problems)))


def check_before_publish(revision, log_action=None):
    """Called by StoryPage.publish(). True: go ahead. Raises PublishBlocked, or for a scheduled publish logs,
    drops the schedule and returns False, so that one story never stops the others going live."""
    page = revision.as_object()
    problems = publish_problems(page)
    if not problems:
        return True
    if log_action == SCHEDULED_LOG_ACTION:
        logger.error("Scheduled publishing of story %s refused: %s", page.pk, "; ".join(map(str, problems)))
        type(revision).objects.filter(pk=revision.pk).update(approved_go_live_at=None)
        return False
    raise PublishBlocked(page, problems)


class StoryPageForm(WagtailAdminPageForm):
    """The story editor form: a draft saves with anything missing; anything else must pass the publish checks."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            # Wagtail 7.4 autosaves a new page as soon as its title is typed, before the slug is filled in from it
            # (that happens when the title field loses focus): the autosave was refused ("This field is required",
            # an HTTP 400 in the browser console). An empty slug is made from the title instead.
            self.fields["slug"].required = False

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        if not slug:
            slug = slugify(self.data.get("title", ""), allow_unicode=False)[:255]
        if not slug:
            raise ValidationError("Give the story a title, or type its slug.", code="required")
        return slug

    def _post_clean(self):
        super()._post_clean()
        if self.is_deferred_validation or not self.moves_towards_live():
            return
        problems = publish_problems(self.as_submitted())
        if not problems:
            return
        # A non-field error makes Wagtail's message list every error, so the editor reads the whole list at once.
        self.add_error(None, "This story cannot go live yet. What is missing:")
        replaced = set()
        for problem in problems:
            if problem.field in self.fields:
                # Replaces a bare "This field is required." with what is needed and why (once: a field may have
                # several problems, e.g. a film with neither captions nor transcript).
                if problem.field not in replaced:
                    self.errors.pop(problem.field, None)
                    replaced.add(problem.field)
                self.add_error(problem.field, problem.message)
            else:
                self.add_error(None, str(problem))

    def as_submitted(self):
        """The page as the editor submitted it. A required field left empty fails form validation and so never
        reaches the instance, which still holds the old value; the checks must see it empty."""
        page = copy.copy(self.instance)
        for name, errors in self.errors.as_data().items():
            if name in self.fields and any(error.code == "required" for error in errors):
                model_field = page._meta.get_field(name)
                setattr(page, model_field.attname, model_field.get_default())
        return page

    def moves_towards_live(self):
        """Publishing, submitting or approving; never sending back or cancelling, which must always work."""
        data = self.data
        if data.get("action-publish") or data.get("action-submit") or data.get("action-restart-workflow"):
            return True
        return bool(data.get("action-workflow-action")) and data.get("workflow-action-name") != "reject"


class PublishBlockedMiddleware:
    """Shows a refused publish (e.g. the final sign-off of an incomplete story) as a message, not an error page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, PublishBlocked):
            return None
        messages.error(request, str(exception))
        url = reverse("wagtailadmin_pages:edit", args=[exception.page.pk])
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            # The workflow action modal follows a "redirect" in its JSON reply.
            return JsonResponse({"step": "success", "redirect": url})
        return redirect(url)
