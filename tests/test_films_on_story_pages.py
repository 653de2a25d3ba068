"""A story page plays its film from our own origin: video, captions on by default, transcript, seeking."""

import re

import pytest
from django.core.management import call_command
from django.test import Client

from films.models import Film
from stories.models import StoryPage
from tests.film_helpers import make_film
from tests.helpers import third_party_assets

pytestmark = pytest.mark.django_db


def attribute(tag, name):
    match = re.search(rf'\b{name}="([^"]*)"', tag)
    return match.group(1) if match else None


@pytest.fixture
def story_html(demo_site):
    response = Client().get("/stories/lillian/")
    assert response.status_code == 200
    return response.content.decode()


def test_story_page_has_video_captions_track_and_transcript(story_html):
    video = re.search(r"<video[^>]*>", story_html).group(0)
    assert 'preload="none"' in video and "playsinline" in video and "controls" in video
    assert "autoplay" not in video
    assert attribute(video, "poster").endswith(".webp") and "fill-640x360" in attribute(video, "poster")
    track = re.search(r"<track[^>]*>", story_html).group(0)
    assert 'kind="captions"' in track and 'srclang="en"' in track and re.search(r"\bdefault\b", track)
    assert '<source src="/media/films/video/lillian-placeholder' in story_html
    assert "<summary>Read the transcript</summary>" in story_html
    assert "Placeholder transcript for the comms team." in story_html
    assert "Content note:" in story_html
    assert third_party_assets(story_html) == []


def test_captions_url_answers_text_vtt_beginning_webvtt(story_html):
    track = re.search(r"<track[^>]*>", story_html).group(0)
    src = attribute(track, "src")
    assert src.startswith("/films/")  # same origin, whatever the storage
    response = Client().get(src)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/vtt")
    assert response.content.startswith(b"WEBVTT")


def test_film_answers_range_requests_with_206(story_html):
    src = re.search(r'<source src="([^"]+)" type="video/mp4">', story_html).group(1)
    whole = Client().get(src)
    assert whole.status_code == 200 and whole["Content-Type"] == "video/mp4"
    size = int(whole["Content-Length"])
    response = Client().get(src, HTTP_RANGE="bytes=1000-1999")
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 1000-1999/{size}"
    assert len(b"".join(response.streaming_content)) == 1000


def test_every_demo_story_has_a_publishable_placeholder_film_and_loading_twice_adds_none(demo_site):
    from films.readiness import film_publish_problems

    stories = StoryPage.objects.live().specific()
    assert stories.count() == 5
    for story in stories:
        assert story.film is not None, story.slug
        assert "placeholder" in story.film.title.lower()
        assert film_publish_problems(story) == []
        assert story.film.video.size < 50_000  # a small file, a few seconds long
    call_command("load_demo_content", without_translations=True, verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Film.objects.count() == 5


def test_captions_of_a_film_on_no_live_story_are_not_public(db):
    film = make_film()
    assert Client().get(f"/films/{film.pk}/captions/en.vtt").status_code == 404


def test_unknown_caption_language_is_404(story_html):
    film = StoryPage.objects.get(slug="lillian").film
    assert Client().get(f"/films/{film.pk}/captions/cy.vtt").status_code == 404


def test_further_caption_languages_become_tracks(demo_site):
    from django.core.files.base import ContentFile

    from films.models import FilmCaptionTrack

    film = StoryPage.objects.get(slug="lillian").film
    track = FilmCaptionTrack(film=film, language="cy", label="Cymraeg")
    track.file.save("cy.vtt", ContentFile(b"WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHelo.\n"), save=True)
    html = Client().get("/stories/lillian/").content.decode()
    assert f'srclang="cy" label="Cymraeg" src="/films/{film.pk}/captions/cy.vtt"' in html
    assert Client().get(f"/films/{film.pk}/captions/cy.vtt").content.endswith(b"Helo.\n")


def test_audio_described_version_is_offered_beside_the_film(demo_site):
    from django.core.files import File

    from tests.film_helpers import DEMO_MP4

    film = StoryPage.objects.get(slug="lillian").film
    with open(DEMO_MP4, "rb") as video:
        film.audio_described_video.save("described.mp4", File(video), save=True)
    html = Client().get("/stories/lillian/").content.decode()
    assert "Watch the version with audio description" in html
    assert film.audio_described_video.url in html


def test_external_film_is_a_plain_link_that_says_it_leaves_the_site(demo_site):
    story = StoryPage.objects.get(slug="lillian")
    story.film = make_film(title="On YouTube", external_url="https://youtu.be/dQw4w9WgXcQ")
    story.save_revision().publish()
    html = Client().get("/stories/lillian/").content.decode()
    assert "<video" not in html and "<iframe" not in html
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in html
    assert "(this leaves our site)" in html
    assert 'data-film-embed="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?' in html
    assert third_party_assets(html) == []  # the embed address is data, not something the page loads
    # The facade's poster is responsive: a phone's slot gets the 400 px rendition, a wide one the 800 px.
    poster = re.search(r'<img[^>]*class="film-facade__poster"[^>]*>', html).group(0)
    assert "fill-400x225" in attribute(poster, "srcset") and "fill-800x450" in attribute(poster, "srcset")
    assert attribute(poster, "sizes") == "(min-width: 48em) 34rem, 100vw"


@pytest.mark.parametrize(
    ("name", "content_type"),
    [("films/c.vtt", "text/vtt"), ("films/f.webm", "video/webm"), ("films/f.mp4", "video/mp4")],
)
def test_local_media_types_for_films(media_root, name, content_type):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    stored = default_storage.save(name, ContentFile(b"WEBVTT\n"))
    assert Client().get(f"/media/{stored}")["Content-Type"].split(";")[0] == content_type
