"""The film part of the story publish guard: no captions or no transcript, no publishing.

Enforced in the admin page form (`FilmPublishGuardForm`, the StoryPage's base form) when the editor presses
Publish or submits the page for moderation: the whole submission is refused with the reasons on the Film field,
so neither a draft nor the live page changes; "Save draft" still works. The Film snippet form (`FilmForm`) stops
an editor removing the captions or transcript from a film a live story already shows.
"""

from django.apps import apps
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

# Publish now, or submit for moderation (whose approval publishes the submitted revision without this form).
PUBLISH_ACTIONS = ("action-publish", "action-submit")


def film_problems(film):
    """What a film still lacks before a story may show it publicly, as sentences naming each missing part."""
    problems = []
    if not film.captions:
        problems.append(f"The film “{film}” has no English captions (a WebVTT file). Add them before publishing.")
    if not has_text(film.transcript):
        problems.append(f"The film “{film}” has no transcript. Add it before publishing.")
    return problems


def film_publish_problems(page):
    """Reasons the story `page` may not be published because of its film; empty when it may."""
    film = getattr(page, "film", None)
    return film_problems(film) if film else []


def has_text(rich_text):
    """True when rich text holds words, not just empty paragraphs."""
    from django.utils.html import strip_tags

    return bool(strip_tags(rich_text or "").strip())


class FilmPublishGuardForm(WagtailAdminPageForm):
    """Refuses Publish while the chosen film lacks captions or a transcript."""

    def clean(self):
        cleaned_data = super().clean()
        if any(action in self.data for action in PUBLISH_ACTIONS) and cleaned_data.get("film"):
            for problem in film_problems(cleaned_data["film"]):
                self.add_error("film", problem)
        return cleaned_data


class FilmForm(WagtailAdminModelForm):
    """A film on a live story must keep its captions and transcript."""

    def clean(self):
        cleaned_data = super().clean()
        if not self.instance.pk:
            return cleaned_data
        StoryPage = apps.get_model("stories", "StoryPage")
        live = StoryPage.objects.live().filter(film=self.instance).first()
        if live is None:
            return cleaned_data
        if "captions" in self.fields and not cleaned_data.get("captions"):
            self.add_error("captions", f"“{live.title}” is live with this film: it must keep its captions.")
        if "transcript" in self.fields and not has_text(cleaned_data.get("transcript")):
            self.add_error("transcript", f"“{live.title}” is live with this film: it must keep its transcript.")
        return cleaned_data
