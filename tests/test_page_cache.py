"""Full-page cache: anonymous GETs served from it, a CDN-friendly Cache-Control, and invalidation on every change."""

import json

import pytest
from django.core.cache import caches
from django.core.cache.backends.filebased import FileBasedCache
from django.test import Client
from wagtail.contrib.frontend_cache.backends import BaseBackend

from operations.cache_backends import UncompressedFileCache
from operations.page_cache import GENERATION_KEY, bump_generation, current_generation
from stories.models import StoryPage

pytestmark = pytest.mark.django_db
MARKER = "A new line written by the comms team"


class RecordingBackend(BaseBackend):
    """A frontend-cache backend that records the URLs it is asked to purge, as a CDN would receive them."""

    purged = []

    def purge(self, url):
        self.purged.append(url)


@pytest.fixture
def cdn(settings):
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": f"{__name__}.RecordingBackend"}}
    RecordingBackend.purged = []
    return RecordingBackend.purged


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Runs what waits for the transaction to commit (the CDN purge), as a real request would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def story(demo_site):
    return StoryPage.objects.get(slug="lillian")


@pytest.fixture(params=["memory", "files"])
def page_cache_backend(request, settings, tmp_path):
    """The test settings' page cache in memory, or the files `make run` shares between gunicorn's workers."""
    if request.param == "files":
        settings.CACHES = {
            **settings.CACHES,
            settings.PAGE_CACHE_ALIAS: {
                "BACKEND": "operations.cache_backends.UncompressedFileCache",
                "LOCATION": str(tmp_path / "page-cache"),
            },
        }
    return request.param


def get(client, url):
    response = client.get(url)
    return response, response.content.decode()


def test_anonymous_get_is_served_from_the_cache_with_cdn_headers(client, demo_site, page_cache_backend):
    first = client.get("/")
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    cache_control = first["Cache-Control"]
    assert "public" in cache_control and "s-maxage=" in cache_control and "stale-while-revalidate=" in cache_control
    second = client.get("/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Cache-Control"] == cache_control
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second.cookies == {}


def test_cached_page_is_served_without_the_database(client, demo_site, django_assert_num_queries):
    client.get("/stories/")
    with django_assert_num_queries(0):
        assert client.get("/stories/")["X-Page-Cache"] == "hit"


def test_signed_in_editors_and_posts_bypass_the_cache(client, demo_site, admin_user):
    client.get("/")
    editor = Client()
    editor.force_login(admin_user)
    assert "X-Page-Cache" not in editor.get("/")
    assert "X-Page-Cache" not in client.post("/", {"a": "b"})


def test_event_endpoint_is_never_cached(client, demo_site):
    from insights.guards import live_page_ids
    from insights.models import DailyCount
    from tests.insights_helpers import BROWSER_UA

    live_page_ids.forget()
    beacon = json.dumps({"e": "page_view", "p": StoryPage.objects.get(slug="lillian").id})
    for _ in range(3):
        response = client.post("/events/", data=beacon, content_type="text/plain", HTTP_USER_AGENT=BROWSER_UA)
        assert response.status_code == 204
        assert "X-Page-Cache" not in response
        assert "public" not in response.get("Cache-Control", "")
    for _ in range(2):
        response = client.get("/events/")
        assert response.status_code == 405 and "X-Page-Cache" not in response
    # Every beacon reached the view: none was answered from a cache.
    assert sum(DailyCount.objects.values_list("count", flat=True)) == 3


def test_healthz_is_never_cached_and_sets_no_cookie(client, db):
    for _ in range(2):
        response = client.get("/healthz")
        assert response.status_code == 200
        assert response.json() == {"database": "ok", "cache": "ok"}
        assert "no-store" in response["Cache-Control"]
        assert "X-Page-Cache" not in response
        assert response.cookies == {}


def test_publishing_a_story_updates_every_page_that_shows_it(client, story, cdn, commit, page_cache_backend):
    urls = ["/", "/stories/", story.url, f"/stories/{story.slug}/embed/", "/sitemap.xml"]
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit", url

    story.summary = MARKER
    with commit():
        story.save_revision().publish()

    for url in ["/", "/stories/", story.url, f"/stories/{story.slug}/embed/"]:
        response, html = get(client, url)
        assert response["X-Page-Cache"] == "miss", url
        assert MARKER in html, url
    assert client.get("/sitemap.xml")["X-Page-Cache"] == "miss"

    root = "http://localhost"
    assert f"{root}{story.url}" in cdn
    assert f"{root}/" in cdn and f"{root}/stories/" in cdn
    assert f"{root}/stories/{story.slug}/embed/" in cdn
    assert f"{root}/sitemap.xml" in cdn
    assert any(url.startswith(f"{root}/oembed/?url=http%3A%2F%2Flocalhost%2Fstories%2Flillian%2F") for url in cdn)


def test_unpublishing_removes_the_story_everywhere(client, story, cdn, commit):
    assert story.title in get(client, "/stories/")[1] or story.mother_name in get(client, "/stories/")[1]
    client.get(story.url)
    with commit():
        story.unpublish()
    assert client.get(story.url).status_code == 404
    assert story.mother_name not in get(client, "/stories/")[1]
    assert story.mother_name not in get(client, "/")[1]
    assert f"http://localhost{story.url}" in cdn


def test_moving_a_story_expires_old_and_new_addresses(client, story, demo_site, cdn, commit):
    from pages.models import StandardPage

    old_url = story.url
    client.get(old_url)
    about = StandardPage.objects.live().first()
    assert about is not None
    with commit():
        story.move(about, pos="last-child")
    moved = client.get(old_url)  # no stale copy: Wagtail's automatic redirect to the new address
    assert moved.status_code == 301
    story.refresh_from_db()
    assert moved["Location"] == story.url
    assert f"http://localhost{old_url}" in cdn


def test_deleting_a_story_expires_the_cache(client, story, cdn, commit):
    client.get("/stories/")
    url = story.url
    with commit():
        story.delete()
    assert story.mother_name not in get(client, "/stories/")[1]
    assert f"http://localhost{url}" in cdn


def test_changing_the_number_updates_every_cached_page(client, campaign_settings, cdn, commit):
    urls = ["/", "/stories/", "/stories/lillian/"]
    for url in urls:
        client.get(url)
    campaign_settings.phone_display = "0800 999 000"
    campaign_settings.phone_tel = "0800999000"
    with commit():
        campaign_settings.save()
    for url in urls:
        response, html = get(client, url)
        assert 'href="tel:0800999000"' in html, url
        assert "tel:0800555111" not in html, url
    assert "http://localhost/stories/lillian/" in cdn and "http://localhost/" in cdn


def test_without_a_cdn_no_purge_addresses_are_worked_out(client, story, settings, commit):
    from operations.invalidation import every_public_url, urls_showing

    settings.WAGTAILFRONTENDCACHE = {}
    assert urls_showing(story) == [] and every_public_url() == []
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": f"{__name__}.RecordingBackend"}}
    assert f"http://localhost/stories/{story.slug}/embed/" in urls_showing(story)
    settings.WAGTAILFRONTENDCACHE = {}
    # Our own page cache still expires on publish.
    client.get(story.url)
    story.summary = MARKER
    with commit():
        story.save_revision().publish()
    response, html = get(client, story.url)
    assert response["X-Page-Cache"] == "miss" and MARKER in html


def test_query_strings_share_the_pages_one_entry(client, demo_site):
    # Otherwise anyone could fill the cache with endless variants of one page (the key ignores the query string;
    # tests/test_faults.py counts the keys in a real Redis).
    assert client.get("/")["X-Page-Cache"] in ("hit", "miss")
    for url in ("/?via=" + "x" * 2000, "/?gclid=abc&utm_source=radio", "/?x=1"):
        response = client.get(url)
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "hit", url


def test_short_addresses_are_cached_but_slash_appending_redirects_are_not(client, demo_site):
    first = client.get("/lillian")
    assert first.status_code == 301 and first["Location"] == "/stories/lillian/"
    assert first["X-Page-Cache"] == "miss" and "s-maxage=" in first["Cache-Control"]
    again = client.get("/lillian?utm_source=radio")
    assert again.status_code == 301 and again["Location"] == "/stories/lillian/" and again["X-Page-Cache"] == "hit"
    # Django answers any path without its slash with a redirect: storing those would let anyone grow the cache.
    for _ in range(2):
        junk = client.get("/no-such-page-123")
        assert junk.status_code == 301 and junk["Location"] == "/no-such-page-123/"
        assert junk.get("X-Page-Cache") != "hit"
        junk = client.get("/no-such-page-123?x=1")
        assert junk.status_code == 301 and junk["Location"] == "/no-such-page-123/?x=1"
        assert junk.get("X-Page-Cache") != "hit"


def test_a_cached_short_address_gives_each_scan_its_own_partner_code(client, demo_site):
    # Posters' QR codes open /lillian?via=CODE: a cached redirect must never hand one partner's code to another
    # scan, nor drop it.
    first = client.get("/lillian?via=partner-a")
    assert first["Location"] == "/stories/lillian/?via=partner-a" and first["X-Page-Cache"] == "bypass"
    assert client.get("/lillian")["Location"] == "/stories/lillian/"
    for code in ("partner-b", "partner-a"):
        scan = client.get(f"/lillian?via={code}")
        assert scan["X-Page-Cache"] == "hit" and scan["Location"] == f"/stories/lillian/?via={code}"
    bare = client.get("/lillian?utm_source=radio")
    assert bare["X-Page-Cache"] == "hit" and bare["Location"] == "/stories/lillian/"


def test_changing_a_short_address_expires_the_cached_redirect(client, demo_site, commit):
    from wagtail.contrib.redirects.models import Redirect

    assert client.get("/lillian")["Location"] == "/stories/lillian/"
    redirect = Redirect.objects.get(old_path="/lillian", site=None)
    with commit():
        redirect.redirect_page = StoryPage.objects.get(slug="dwayne")
        redirect.save()
    assert client.get("/lillian")["Location"] == "/stories/dwayne/"


def test_the_oembed_answer_is_keyed_on_its_own_parameters_only(client, demo_site):
    url = "/oembed/?url=http%3A%2F%2F127.0.0.1%3A8000%2Fstories%2Flillian%2F"
    first = client.get(url)
    assert first.status_code == 200
    assert client.get(url + "&utm_source=x")["X-Page-Cache"] == "hit"
    assert client.get(url + "&maxwidth=400")["X-Page-Cache"] == "miss"  # a parameter the view reads


def test_the_sitemap_is_keyed_on_its_page_parameter_only(client, demo_site):
    first = client.get("/sitemap.xml")
    assert first.status_code == 200 and "/stories/lillian/" in first.content.decode()
    assert client.get("/sitemap.xml?utm_source=x")["X-Page-Cache"] == "hit"
    assert client.get("/sitemap.xml?p=1")["X-Page-Cache"] == "miss"  # the view reads `p`
    assert client.get("/sitemap.xml?p=2").status_code == 404  # no second page: not answered with the first


def test_a_page_cache_folder_written_compressed_is_replaced_not_stuck(tmp_path, settings):
    """A folder from Django's own (compressing) file cache, as `make run` left it before: every entry reads as
    missing and is rewritten, the generation number included, so purges work at once."""
    folder = str(tmp_path / "page-cache")
    FileBasedCache(folder, {}).set(GENERATION_KEY, 7, None)
    FileBasedCache(folder, {}).set("page:7:home", (200, [], b"<p>old</p>"))
    settings.CACHES = {
        **settings.CACHES,
        settings.PAGE_CACHE_ALIAS: {"BACKEND": "operations.cache_backends.UncompressedFileCache", "LOCATION": folder},
    }
    cache = caches[settings.PAGE_CACHE_ALIAS]
    assert isinstance(cache, UncompressedFileCache)
    assert cache.get("page:7:home") is None
    assert current_generation() == 1
    assert bump_generation() is True
    assert current_generation() == 2
    cache.set("page:2:home", (200, [], b"<p>new</p>"), 60)
    assert cache.get("page:2:home") == (200, [], b"<p>new</p>")
    assert cache.touch("page:2:home", 120) is True
    assert cache.get("page:2:home") == (200, [], b"<p>new</p>")
    cache.set("page:2:gone", b"x", -1)
    assert cache.get("page:2:gone", "expired") == "expired"
    assert cache.touch("page:2:gone") is False
