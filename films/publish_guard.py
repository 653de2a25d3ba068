"""The film part of the story publish guard: no captions or no transcript, no publishing.

`story_film_problems` is one of the story publish checks (settings.STORY_PUBLISH_CHECKS, run by
stories/publish_guards.py on publish, submit, approval and scheduled publishing): the reasons appear on the Film
field and neither the live page nor the sign-off changes; "Save draft" still works. The Film snippet form
(`FilmForm`) stops an editor removing the captions or transcript from a film a live story already shows.
"""

from django.apps import apps
from wagtail.admin.forms import WagtailAdminModelForm


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


def story_film_problems(page):
    """The film check in the form the story publish guards list (stories/publish_guards.py), tied to the Film field."""
    from stories.publish_guards import Problem

    return [Problem(message, field="film", label="Film") for message in film_publish_problems(page)]


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
