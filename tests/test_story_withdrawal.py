"""A family withdraws consent: unpublishing a story takes its film, captions, portrait and every rendition out of
public reach at once, on local media and on S3, and purges them from the page cache and the CDN.

Before: they stayed public at predictable /media/ names, cached for a day (operations/withdrawal.py).
"""

import urllib.error
import urllib.request

import pytest
from django.test import Client
from django.urls import reverse

from demo.images import placeholder_image
from films.models import Film
from pages.links import absolute_url
from stories.models import StoryPage
from tests.film_helpers import make_film
from tests.helpers import parse
from tests.test_film_storage_s3 import BUCKET, s3_endpoint, s3_options  # noqa: F401 - the S3 server fixture
from tests.test_page_cache import RecordingBackend

pytestmark = pytest.mark.django_db


@pytest.fixture
def cdn(settings):
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": "tests.test_page_cache.RecordingBackend"}}
    RecordingBackend.purged = []
    return RecordingBackend.purged


def story_media_addresses(client, story):
    """Everything a visitor's browser loads from the story page that is the story's own media, and more a visitor
    could guess: the originals of its portrait and poster, its film's files, its share card."""
    html = client.get(story.url).content.decode()
    loaded = {url for url in parse(html).urls if url.startswith(("/media/", "/films/"))}
    film = story.film
    guessable = {
        story.portrait.file.url,
        film.video.url,
        film.poster.file.url,
        reverse("films:captions", args=[film.pk, "en"]),
    }
    share_card = next(url for url in loaded | {_og_image(html)} if "/share-cards/" in url)
    return sorted(loaded | guessable | {share_card.removeprefix("http://testserver")})


def _og_image(html):
    marker = 'property="og:image" content="'
    start = html.index(marker) + len(marker)
    return html[start : html.index('"', start)].split("://", 1)[-1].split("/", 1)[-1].join(["/", ""])


def test_unpublishing_a_story_takes_its_media_out_of_reach_and_publishing_brings_them_back(
    demo_site, cdn, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "http://testserver"
    client = Client()
    story = StoryPage.objects.get(slug="lillian")
    addresses = story_media_addresses(client, story)
    assert any(".mp4" in url for url in addresses) and any("/captions/" in url for url in addresses)
    assert any("/images/" in url for url in addresses)  # renditions
    assert any("/original_images/" in url for url in addresses)
    for url in addresses:
        response = client.get(url)
        assert response.status_code == 200, url
        if url.startswith("/media/images/"):  # renditions: their address is never reused
            assert response["Cache-Control"] == "public, max-age=31536000, immutable"
        elif url.startswith("/media/"):
            assert response["Cache-Control"] == "public, max-age=60, s-maxage=86400"
    # The page is in the page cache.
    client.get(story.url)
    assert client.get(story.url)["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        story.unpublish()

    assert client.get(story.url).status_code == 404  # not served from the page cache
    for url in addresses:
        assert client.get(url).status_code == 404, url
    # The CDN is asked to drop the page and every one of those files.
    for url in addresses:
        assert absolute_url(url) in cdn, url
    assert story.get_full_url() in cdn

    # Published again (a mistake put right): everything is back where it was.
    story = StoryPage.objects.get(pk=story.pk)
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    assert client.get(story.url).status_code == 200  # the first view draws its share card again
    for url in addresses:
        assert client.get(url).status_code == 200, url


def test_media_another_live_story_shows_stay(demo_site):
    lillian = StoryPage.objects.get(slug="lillian")
    dwayne = StoryPage.objects.get(slug="dwayne")
    dwayne.portrait = lillian.portrait
    dwayne.save_revision().publish()
    lillian.unpublish()
    assert Client().get(lillian.portrait.file.url).status_code == 200


def public_status(url):
    try:
        with urllib.request.urlopen(url) as response:  # noqa: S310 - the local S3 server
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_on_s3_the_old_addresses_stop_answering_and_the_files_are_kept_at_an_unguessable_name(
    demo_site,
    s3_endpoint,  # noqa: F811 - the fixture imported above
    settings,
):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": s3_options(s3_endpoint)},
    }
    story = StoryPage.objects.get(slug="lillian")
    film = make_film(title="Lillian's film on S3")
    story.film = film
    story.portrait = placeholder_image("Portrait on S3", "portrait.jpg", (600, 800), (90, 90, 90), ["Portrait"])
    story.save_revision().publish()
    rendition = story.portrait.get_rendition("max-300x300|format-jpeg")
    urls = [film.video.url, film.captions.url, film.poster.file.url, story.portrait.file.url, rendition.url]
    assert all(url.startswith(s3_endpoint) for url in urls)
    assert [public_status(url) for url in urls] == [200] * len(urls)

    story.unpublish()

    assert all(public_status(url) in (403, 404) for url in urls), [public_status(url) for url in urls]
    client = Film.objects.get(pk=film.pk).video.storage.connection.meta.client
    kept = [item["Key"] for item in client.list_objects_v2(Bucket=BUCKET, Prefix="withdrawn/")["Contents"]]
    assert len(kept) >= len(urls)
    assert not any("lillian" in key or "test" in key or "portrait" in key for key in kept)

    StoryPage.objects.get(pk=story.pk).save_revision().publish()
    assert [public_status(url) for url in urls] == [200] * len(urls)


def test_unpublishing_a_story_takes_its_translations_and_their_media_with_it(
    translated_demo_site, cdn, django_capture_on_commit_callbacks, settings
):
    # A family withdrawing consent withdraws the story in every language, not just the English page.
    settings.SITE_URL = "http://testserver"
    client = Client()
    english = StoryPage.objects.get(slug="lillian", locale__language_code="en-gb")
    translations = list(english.get_translations().live().specific())
    assert translations, "the translated demo site has live translations of the story"
    addresses = story_media_addresses(client, english)
    film = next(url for url in addresses if ".mp4" in url)
    assert client.get(film).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        english.unpublish()
    assert not english.get_translations().live().exists()
    for translation in translations:
        assert client.get(translation.url).status_code == 404
    assert client.get(film).status_code == 404
