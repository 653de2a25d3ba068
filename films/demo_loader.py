"""Creates a story's placeholder film for the demo command. Idempotent: found by title, created once."""

from pathlib import Path

from django.core.files import File
from django.core.files.base import ContentFile

from . import demo_content
from .models import Film

DEMO_DIR = Path(__file__).resolve().parent / "demo"


def demo_film(slug, poster):
    """Returns the placeholder film for a demo story slug, or None if there is none for it."""
    data = demo_content.FILMS.get(slug)
    if data is None:
        return None
    existing = Film.objects.filter(title=data["title"]).first()
    if existing:
        return existing
    film = Film(
        title=data["title"],
        poster=poster,
        duration_seconds=demo_content.FILM_SECONDS,
        content_note=demo_content.CONTENT_NOTE,
        transcript=demo_content.transcript(data["title"]),
    )
    with open(DEMO_DIR / f"{slug}.mp4", "rb") as video:
        film.video.save(f"{slug}-placeholder.mp4", File(video), save=False)
    film.captions.save(
        f"{slug}-placeholder.en.vtt", ContentFile(demo_content.captions(data["title"]).encode()), save=False
    )
    film.full_clean()
    film.save()
    return film
