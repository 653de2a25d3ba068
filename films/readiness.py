"""When a film is ready to be shown publicly: the one rule, used by the admin listing, the film form and the story
publish guards (stories/publish_guards.py).

A film must have English captions and a transcript before any story shows it. The story's publish, submit, approve
and scheduled go-live are refused with the reasons on its Film field ("Save draft" still works), and a film a live
story already shows cannot lose either (`FilmForm`).
"""

from django.apps import apps
from django.utils.html import strip_tags
from wagtail.admin.forms import WagtailAdminModelForm

# What a film needs before it is shown, as (field, what an editor calls it).
REQUIRED_PARTS = (("captions", "captions"), ("transcript", "transcript"))


def has_text(rich_text):
    """True when rich text holds words, not just empty paragraphs."""
    return bool(strip_tags(rich_text or "").strip())


def missing_parts(captions, transcript):
    """The names of the required parts that are missing, in REQUIRED_PARTS order."""
    present = {"captions": bool(captions), "transcript": has_text(transcript)}
    return [field for field, _ in REQUIRED_PARTS if not present[field]]


def readiness_parts(film):
    """Each part a visitor may need, as (name, present, required to publish), for the film listing and chooser."""
    present = {"captions": bool(film.captions), "transcript": has_text(film.transcript)}
    parts = [(name.capitalize(), present[field], True) for field, name in REQUIRED_PARTS]
    parts.append(("Audio description", bool(film.audio_described_video), False))
    return parts


def readiness_summary(film):
    """One line for editors choosing a film: "Ready to publish" or what it still needs."""
    missing = film.missing_parts()
    return "Ready to publish" if not missing else f"Not ready: needs {' and '.join(missing)}"


def film_problems(film):
    """What a film still lacks before a story may show it publicly, as sentences naming each missing part."""
    messages = {
        "captions": f"The film “{film}” has no English captions (a WebVTT file). Add them before publishing.",
        "transcript": f"The film “{film}” has no transcript. Add it before publishing.",
    }
    return [messages[field] for field in film.missing_parts()]


def film_publish_problems(page):
    """Reasons the story `page` may not be published because of its film; empty when it may."""
    film = getattr(page, "film", None)
    return film_problems(film) if film else []


class FilmForm(WagtailAdminModelForm):
    """A film on a live story must keep its captions and transcript."""

    def clean(self):
        cleaned_data = super().clean()
        if not self.instance.pk:
            return cleaned_data
        StoryPage = apps.get_model("stories", "StoryPage")  # by name: stories build on films
        live = StoryPage.objects.live().filter(film=self.instance).first()
        if live is None:
            return cleaned_data
        missing = missing_parts(
            cleaned_data.get("captions", self.instance.captions),
            cleaned_data.get("transcript", self.instance.transcript),
        )
        for field, name in REQUIRED_PARTS:
            if field in missing and field in self.fields:
                self.add_error(field, f"“{live.title}” is live with this film: it must keep its {name}.")
        return cleaned_data
