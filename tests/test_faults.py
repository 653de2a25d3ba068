"""Surviving faults: PostgreSQL down (cached pages keep serving, others get the static 500 page with the number) and
Redis down (the site serves uncached, without errors). Unreachable services are simulated by pointing at 127.0.0.1:1;
the shared servers are never stopped."""

import contextlib

import pytest
from django.db import connections
from django.test import Client

from tests.helpers import tel_links

UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"


@contextlib.contextmanager
def database_unreachable():
    """Swap this thread's connection for a PostgreSQL one to a port where nothing listens, whatever the test database
    is (an in-memory SQLite connection cannot be closed and re-pointed)."""
    from django.db.backends.postgresql.base import DatabaseWrapper

    original = connections["default"]
    broken_settings = {
        **original.settings_dict,
        "ENGINE": "django.db.backends.postgresql",
        "HOST": "127.0.0.1",
        "PORT": "1",
        "NAME": "none",
        "USER": "none",
        "PASSWORD": "",
        "OPTIONS": {"connect_timeout": 1},
        "CONN_MAX_AGE": 0,
        "CONN_HEALTH_CHECKS": False,
    }
    broken = DatabaseWrapper(broken_settings, alias="default")
    connections["default"] = broken
    try:
        yield
    finally:
        broken.close()
        connections["default"] = original


@pytest.mark.django_db
def test_database_down_cached_pages_serve_and_others_get_the_static_500_page(demo_site):
    client = Client(raise_request_exception=False)
    warm = client.get("/stories/")
    assert warm.status_code == 200
    with database_unreachable():
        cached = client.get("/stories/")
        assert cached.status_code == 200
        assert cached["X-Page-Cache"] == "hit"
        assert cached.content == warm.content

        uncached = client.get("/stories/lillian/")
        html = uncached.content.decode()
        assert uncached.status_code == 500
        assert "Sorry, something went wrong" in html
        assert tel_links(html) and set(tel_links(html)) == {"tel:0800555111"}
        assert "Traceback" not in html and "OperationalError" not in html
        assert uncached["Cache-Control"] == "no-store"  # a CDN must not keep the error
        assert uncached.cookies == {}

        health = client.get("/healthz")
        assert health.status_code == 503
        assert health.json() == {"database": "error", "cache": "ok"}
    # Back to normal once the database returns, and the error was never cached.
    assert client.get("/stories/lillian/").status_code == 200


@pytest.fixture
def redis_unreachable(settings):
    backend = "operations.cache_backends.TolerantRedisCache"
    settings.CACHES = {
        "default": {"BACKEND": backend, "LOCATION": UNREACHABLE_REDIS},
        "pages": {"BACKEND": backend, "LOCATION": UNREACHABLE_REDIS, "KEY_PREFIX": "pages"},
    }


@pytest.mark.django_db
def test_redis_down_the_site_serves_uncached_without_errors(demo_site, redis_unreachable, caplog):
    client = Client(raise_request_exception=True)  # any exception fails the test
    for url in ("/", "/stories/", "/stories/lillian/", "/stories/lillian/", "/sitemap.xml"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.get("X-Page-Cache") != "hit"
    assert "tel:0800555111" in tel_links(client.get("/").content.decode())
    health = client.get("/healthz")
    assert health.status_code == 200  # the site still serves, so the instance stays in rotation
    assert health.json() == {"database": "ok", "cache": "error"}
    # The outage is logged, once, not on every call.
    assert sum("Cache unreachable" in record.message for record in caplog.records) <= 1


@pytest.mark.django_db
def test_redis_down_publishing_still_works(demo_site, redis_unreachable):
    from stories.models import StoryPage

    story = StoryPage.objects.get(slug="lillian")
    story.summary = "Changed while the cache is down"
    story.save_revision().publish()
    assert "Changed while the cache is down" in Client().get(story.url).content.decode()


def test_tolerant_cache_really_talks_to_redis_when_it_is_up(settings):
    """The wrapper must not hide a working Redis: values round-trip through the real server."""
    import os

    from django.core.cache import caches

    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/9")
    settings.CACHES = {
        "default": {"BACKEND": "operations.cache_backends.TolerantRedisCache", "LOCATION": url, "KEY_PREFIX": "t7"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    cache = caches["default"]
    cache.set("fault-test", {"a": 1}, 30)
    assert cache.get("fault-test") == {"a": 1}
    cache.delete("fault-test-counter")
    cache.add("fault-test-counter", 1, 30)
    assert cache.incr("fault-test-counter") == 2
    cache.delete_many(["fault-test", "fault-test-counter"])
    assert cache.get("fault-test") is None
