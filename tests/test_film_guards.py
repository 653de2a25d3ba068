"""Bad captions, wrong types, oversize uploads and unready films are refused: nothing stored, live page unchanged."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from films.external import parse_external_url
from films.models import Film
from films.readiness import film_publish_problems
from films.validators import caption_problems
from stories.models import StoryPage
from tests.editorial import narrative_form_data
from tests.film_helpers import DEMO_MP4, GOOD_VTT, make_film, poster, stored_files

pytestmark = pytest.mark.django_db

ADD_FILM = "wagtailsnippets_films_film:add"


@pytest.fixture
def editor(django_user_model):
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("editor", "e@example.org", "a-long-password-1"))
    return client


def film_form(**overrides):
    data = nested_form_data(
        {
            "title": "Her film",
            "poster": poster().pk,
            "transcript": rich_text("Everything she says."),
            "duration_seconds": "5",
            "content_note": "",
            "external_url": "",
            "caption_tracks": inline_formset([]),
        }
    )
    data["video"] = SimpleUploadedFile("film.mp4", DEMO_MP4.read_bytes(), content_type="video/mp4")
    data["captions"] = SimpleUploadedFile("film.vtt", GOOD_VTT.encode(), content_type="text/vtt")
    data.update(overrides)
    return data


def errors(response):
    return {name: " ".join(messages) for name, messages in response.context["form"].errors.items()}


def test_a_good_film_is_saved_with_its_files(editor, media_root):
    response = editor.post(reverse(ADD_FILM), film_form())
    assert response.status_code == 302, errors(response)
    film = Film.objects.get()
    assert film.video.name.startswith("films/video/film") and film.captions.name.startswith("films/captions/")
    assert film.video.size == DEMO_MP4.stat().st_size


@pytest.mark.parametrize(
    ("captions", "message"),
    [
        ("00:00:00.000 --> 00:00:02.000\nHello.\n", "Line 1: a WebVTT file must begin with “WEBVTT”."),
        (
            "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHello.\n\n00:00:0x.000 --> 00:00:03.000\nBad.\n",
            "Line 6: “00:00:0x.000 --> 00:00:03.000” is not a valid cue timing.",
        ),
        (
            "WEBVTT\n\n1\n00:00:00.000 -> 00:00:02.000\nHello.\n",
            "Line 4: “00:00:00.000 -> 00:00:02.000” is not a cue timing line.",
        ),
        ("WEBVTT\n\n00:00:03.000 --> 00:00:02.000\nBackwards.\n", "Line 3: the cue ends before it starts"),
        (
            "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nOne.\n00:00:01.000 --> 00:00:02.000\nTwo.\n",
            "Line 5: a new cue must be separated from the one before by an empty line.",
        ),
        ("WEBVTT\n\nNOTE nothing else\n", "The file has no captions"),
    ],
)
def test_bad_captions_are_refused_naming_the_line_and_nothing_is_stored(editor, media_root, captions, message):
    data = film_form(captions=SimpleUploadedFile("bad.vtt", captions.encode(), content_type="text/vtt"))
    response = editor.post(reverse(ADD_FILM), data)
    assert response.status_code == 200
    assert "These captions are not valid WebVTT." in errors(response)["captions"]
    assert message in errors(response)["captions"]
    assert not Film.objects.exists()
    assert not [name for name in stored_files(media_root) if name.startswith("films/")]


def test_captions_that_are_not_utf8_are_refused(editor):
    bad = SimpleUploadedFile("latin1.vtt", "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nCafé\n".encode("latin-1"))
    response = editor.post(reverse(ADD_FILM), film_form(captions=bad))
    assert "not UTF-8" in errors(response)["captions"]
    assert not Film.objects.exists()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("film.mov", b"\x00\x00\x00\x14ftypqt  "), "“film.mov” is not an MP4 video (H.264)."),
        (
            SimpleUploadedFile("film.mp4", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
            "“film.mp4” is named .mp4 but its content is not an MP4 video (H.264).",
        ),
    ],
)
def test_wrong_video_type_is_refused_and_nothing_is_stored(editor, media_root, upload, message):
    response = editor.post(reverse(ADD_FILM), film_form(video=upload))
    assert response.status_code == 200
    assert message in errors(response)["video"]
    assert not Film.objects.exists()
    assert not [name for name in stored_files(media_root) if name.startswith("films/")]


def test_captions_of_the_wrong_type_are_refused(editor):
    response = editor.post(reverse(ADD_FILM), film_form(captions=SimpleUploadedFile("film.srt", b"1\n")))
    assert "is not a WebVTT captions file" in errors(response)["captions"]


def test_oversize_film_is_refused(editor, media_root, settings):
    settings.FILM_MAX_UPLOAD_BYTES = 4 * 1024  # the setting FILM_MAX_UPLOAD_MB sets in production
    response = editor.post(reverse(ADD_FILM), film_form())
    assert response.status_code == 200
    message = errors(response)["video"]
    assert f"This file is {DEMO_MP4.stat().st_size / 1024:.0f} KB; films can be at most 4 KB." in message
    assert not Film.objects.exists()
    assert not [name for name in stored_files(media_root) if name.startswith("films/")]


def test_film_needs_a_video_or_an_external_address(editor):
    data = film_form()
    del data["video"]
    response = editor.post(reverse(ADD_FILM), data)
    assert "Upload the film as an MP4, or give its YouTube or Vimeo address." in errors(response)["video"]


def test_external_address_must_be_youtube_or_vimeo(editor):
    data = film_form(external_url="https://example.org/watch?v=dQw4w9WgXcQ")
    response = editor.post(reverse(ADD_FILM), data)
    assert "Use the address of a single YouTube or Vimeo video" in errors(response)["external_url"]


@pytest.mark.parametrize(
    ("url", "service", "embed"),
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=3",
            "YouTube",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?",
        ),
        ("https://youtu.be/dQw4w9WgXcQ", "YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?"),
        ("https://vimeo.com/76979871", "Vimeo", "https://player.vimeo.com/video/76979871?"),
        ("https://player.vimeo.com/video/76979871", "Vimeo", "https://player.vimeo.com/video/76979871?"),
    ],
)
def test_external_addresses_become_privacy_friendly_embeds(url, service, embed):
    film = parse_external_url(url)
    assert film.service == service and film.embed_url.startswith(embed)
    assert "dnt=1" in film.embed_url if service == "Vimeo" else "youtube-nocookie" in film.embed_url


def test_valid_captions_have_no_problem():
    assert caption_problems(GOOD_VTT) is None
    assert caption_problems("WEBVTT - title\n\nNOTE a comment\n\nid-1\n00:01.000 --> 00:02.500 line:90%\nHi\n") is None


# --- Publishing a story whose film is not ready ---


@pytest.fixture
def live_story(demo_site):
    return StoryPage.objects.get(slug="lillian")


def edit_story(editor, story, film, publish, action="action-publish"):
    data = nested_form_data(
        {
            "title": "Changed title",
            "slug": story.slug,
            "mother_name": story.mother_name,
            "son_name": story.son_name,
            "son_age": "",
            "borough": story.borough,
            "hard_call": story.hard_call,
            "summary": story.summary,
            "portrait": story.portrait_id,
            "portrait_alt": story.portrait_alt,
            "placeholder_note": story.placeholder_note,
            "film": film.pk,
            "narrative": narrative_form_data(story),
            "short_address": story.short_address,
        }
    )
    if publish:
        data[action] = action
    return editor.post(reverse("wagtailadmin_pages:edit", args=(story.pk,)), data)


@pytest.mark.parametrize(
    ("film_fields", "missing"),
    [
        ({"captions": False}, ["has no English captions (a WebVTT file)"]),
        ({"transcript": ""}, ["has no transcript"]),
        ({"captions": False, "transcript": "<p> </p>"}, ["has no English captions", "has no transcript"]),
    ],
)
def test_publishing_with_an_unready_film_is_refused_and_the_live_page_is_untouched(
    editor, live_story, film_fields, missing
):
    film = make_film(title="Unready film", **film_fields)
    revisions = live_story.revisions.count()
    response = edit_story(editor, live_story, film, publish=True)
    assert response.status_code == 200
    message = errors(response)["film"]
    for words in missing:
        assert words in message and "“Unready film”" in message
    live_story.refresh_from_db()
    assert live_story.title == "Lillian and Quamari" and live_story.film.title == "Lillian's film (placeholder)"
    # The changes are kept as a draft (editorial/drafts.py); the live page is untouched.
    assert live_story.revisions.count() == revisions + 1
    assert live_story.get_latest_revision_as_object().film == film
    assert "Lillian and Quamari" in Client().get("/stories/lillian/").content.decode()


def test_submitting_a_story_with_an_unready_film_for_moderation_is_refused(editor, live_story):
    film = make_film(title="Unready film", transcript="")
    revisions = live_story.revisions.count()
    response = edit_story(editor, live_story, film, publish=True, action="action-submit")
    assert response.status_code == 200
    assert "The film “Unready film” has no transcript." in errors(response)["film"]
    assert live_story.revisions.count() == revisions + 1, "the changes are kept as a draft"
    assert live_story.current_workflow_state is None


def test_a_draft_with_an_unready_film_can_still_be_saved(editor, live_story):
    film = make_film(title="Unready film", captions=False)
    response = edit_story(editor, live_story, film, publish=False)
    assert response.status_code == 302
    live_story.refresh_from_db()
    assert live_story.has_unpublished_changes
    assert live_story.get_latest_revision_as_object().film == film
    assert live_story.live_revision.as_object().film.title == "Lillian's film (placeholder)"
    assert "Lillian and Quamari" in Client().get("/stories/lillian/").content.decode()


def test_publishing_with_a_ready_film_works(editor, live_story):
    film = make_film(title="Ready film")
    assert film_publish_problems(StoryPage(film=film)) == []
    response = edit_story(editor, live_story, film, publish=True)
    assert response.status_code == 302
    assert "Changed title" in Client().get("/stories/lillian/").content.decode()


def test_the_film_of_a_live_story_cannot_lose_its_transcript(editor, live_story):
    film = live_story.film
    data = nested_form_data(
        {
            "title": film.title,
            "poster": film.poster_id,
            "transcript": rich_text(""),
            "duration_seconds": "5",
            "content_note": "",
            "external_url": "",
            "caption_tracks": inline_formset([]),
        }
    )
    response = editor.post(reverse("wagtailsnippets_films_film:edit", args=(film.pk,)), data)
    assert response.status_code == 200
    assert (
        "“Lillian and Quamari” is live with this film: it must keep its transcript." in errors(response)["transcript"]
    )
    film.refresh_from_db()
    assert "Placeholder transcript" in film.transcript


def test_editors_see_the_film_form_and_the_story_film_field(editor, live_story):
    add = editor.get(reverse(ADD_FILM)).content.decode()
    for label in (
        "Film file (MP4)",
        "English captions file (.vtt)",
        "Transcript",
        "Warning before it plays",
        "Audio-described",
    ):
        assert label.lower() in add.lower(), label
    assert 'enctype="multipart/form-data"' in add
    edit = editor.get(reverse("wagtailadmin_pages:edit", args=(live_story.pk,))).content.decode()
    assert "Lillian&#x27;s film (placeholder)" in edit or "Lillian's film (placeholder)" in edit


def test_the_film_listing_says_what_each_film_still_needs(editor):
    make_film(title="Ready one")
    make_film(title="Unfinished one", captions=False, transcript="")
    listing = editor.get(reverse("wagtailsnippets_films_film:list")).content.decode()
    assert "Ready one" in listing and "Ready to publish" in listing
    assert "Not ready: needs captions and transcript" in listing
