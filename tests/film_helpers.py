"""Builders for films in tests: real files, real validation."""

from pathlib import Path

from django.core.files import File
from django.core.files.base import ContentFile

from demo.images import placeholder_image
from films.models import Film

DEMO_MP4 = Path(__file__).resolve().parents[1] / "demo" / "media" / "films" / "lillian.mp4"
GOOD_VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHello.\n"


def poster():
    return placeholder_image("Test film poster", "poster.jpg", (320, 180), (60, 60, 60), ["Poster"])


def make_film(title="Test film", captions=True, transcript="<p>Everything she says.</p>", **fields):
    film = Film(title=title, poster=poster(), transcript=transcript, **fields)
    if not fields.get("external_url"):
        with open(DEMO_MP4, "rb") as video:
            film.video.save("test.mp4", File(video), save=False)
    if captions:
        film.captions.save("test.vtt", ContentFile(GOOD_VTT.encode()), save=False)
    film.full_clean()
    film.save()
    return film


def stored_files(media_root):
    return sorted(str(p.relative_to(media_root)) for p in Path(media_root).rglob("*") if p.is_file())
