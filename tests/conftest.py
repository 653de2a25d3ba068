"""Shared fixtures: the database and media folder a test starts from, and clean caches.

The demo site is built once per test session (per xdist worker) and every test runs in a transaction rolled back
at its end, so a test changes what it likes and the next one never sees it. What a test starts from:

- `demo_site`: the English demo content as `make run` loads it, every demo page already viewed once (renditions and
  share cards drawn), and a media folder of its own holding a copy of the demo media.
- `fresh_demo_site`: the same content right after loading, before any page was viewed: for tests of what a
  first view does.
- `translated_demo_site`: `demo_site` plus the draft translations of its pages into the site's other languages
  (the other states leave them out, so a test of the English site finds one page per slug).
- `empty_site`: the database as migrations leave it and an empty media folder. A test that uses the database
  without asking for one of the demo sites gets this one.

Live-server tests commit, and the database is flushed after each; the state they ask for is written back from rows
captured once per session (tests/site_state.py), with the media drawn once per session: no image is drawn again.
"""

import os
import shutil
from dataclasses import dataclass, field
from urllib.parse import urlencode

import pytest
from django.core.management import call_command
from pytest_django.django_compat import is_django_unittest

from tests import site_state

# Playwright's sync API runs an event loop in the test thread; Django's ORM must still be usable there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SITE_STATES = ("empty_site", "fresh_demo_site", "demo_site", "translated_demo_site")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def clear_cache():
    """Every cache, the full-page cache included: no test sees another's pages."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def forget_remembered_call_to_action():
    """The call-to-action the 500 page remembers in this process (pages/call_to_action.py): no test sees another's."""
    from pages import call_to_action

    call_to_action._last_known.clear()
    yield
    call_to_action._last_known.clear()


# --- The states, built once per session ---


@dataclass
class SessionSite:
    snapshots: dict  # state name -> site_state.Snapshot
    media: dict  # state name -> folder of the media that state's rows point to (None: no media)
    from_demo: dict = field(default_factory=dict)  # state name -> changes from demo_site's rows to its rows
    holds: str | None = "demo_site"  # what the database holds between tests; None once a test committed


SESSION = {}


def view_every_demo_page():
    """What a first visitor triggers: image renditions, share cards, settings read for the first time."""
    from django.test import Client
    from django.urls import reverse
    from wagtail.models import Page

    from pages.links import page_url
    from stories.models import StoryPage

    client = Client()
    urls = [page.url for page in Page.objects.live().public().specific() if page.url]
    for story in StoryPage.objects.live().public():
        urls.append(reverse("story-embed", args=[story.slug]))
        urls.append(reverse("oembed") + "?" + urlencode({"url": page_url(story), "format": "json"}))
    urls.append("/no-such-page/")  # the 404 page shows the campaign's share card
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), (url, response.status_code)


def build_session_site(folder):
    from django.contrib.contenttypes.models import ContentType
    from django.test import override_settings

    snapshots = {"empty_site": site_state.capture()}
    loaded_media, demo_media = folder / "fresh-demo-media", folder / "demo-media"
    with override_settings(MEDIA_ROOT=loaded_media):
        call_command(
            "load_demo_content",
            without_translations=True,
            verbosity=0,
            stdout=open(os.devnull, "w"),  # noqa: SIM115
        )
    snapshots["fresh_demo_site"] = site_state.capture()
    shutil.copytree(loaded_media, demo_media)
    with override_settings(MEDIA_ROOT=demo_media):
        view_every_demo_page()
    snapshots["demo_site"] = site_state.capture()
    # The draft translations into the site's other languages (demo/translations.py), as `make run` loads them.
    from django.db import transaction

    from demo.loader import load

    with override_settings(MEDIA_ROOT=demo_media), transaction.atomic():
        load(translations=True)
    snapshots["translated_demo_site"] = site_state.capture()
    with transaction.atomic():  # foreign keys are checked at the end
        site_state.restore(snapshots["demo_site"])
    ContentType.objects.clear_cache()
    site = SessionSite(
        snapshots,
        {
            "empty_site": None,
            "fresh_demo_site": loaded_media,
            "demo_site": demo_media,
            "translated_demo_site": demo_media,
        },
    )
    for name, snapshot in snapshots.items():
        site.from_demo[name] = site_state.changes(snapshots["demo_site"], snapshot)
    return site


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, tmp_path_factory):
    """pytest-django's test database, then the demo site built in it once (before any test's transaction)."""
    with django_db_blocker.unblock():
        SESSION["site"] = build_session_site(tmp_path_factory.mktemp("session-site"))


def is_transactional(request):
    marker = request.node.get_closest_marker("django_db")
    flagged = marker is not None and (marker.kwargs.get("transaction") or (marker.args and marker.args[0]))
    return bool(flagged) or "transactional_db" in request.fixturenames or "live_server" in request.fixturenames


def start_from(name, request, media_root):
    """Puts the database (and the test's media folder) into the named state."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction

    site = SESSION["site"]
    if is_transactional(request):
        # This test commits and is flushed at its end: write the state for real, whatever the last test left.
        with transaction.atomic():
            site_state.restore(site.snapshots[name])
        site.holds = None
    elif site.holds == "demo_site":
        site_state.apply(site.from_demo[name])  # rolled back with the test
    else:
        site_state.restore(site.snapshots[name])
    ContentType.objects.clear_cache()  # ids may differ from those cached before a flush
    if site.media[name] is not None:
        shutil.copytree(site.media[name], media_root, dirs_exist_ok=True)


@pytest.fixture
def empty_site(db, request, media_root):
    """The database as migrations leave it (Wagtail's root and welcome pages, the groups, no content)."""
    start_from("empty_site", request, media_root)


@pytest.fixture
def fresh_demo_site(db, request, media_root):
    """The demo content right after `load_demo_content`, before any page was viewed."""
    from pages.models import HomePage

    start_from("fresh_demo_site", request, media_root)
    return HomePage.objects.get()


@pytest.fixture
def demo_site(db, request, media_root):
    """The demo content exactly as `make run` loads it, every page viewed once, its media in the test's folder."""
    from pages.models import HomePage

    start_from("demo_site", request, media_root)
    return HomePage.objects.get()


@pytest.fixture(autouse=True)
def _site_state_by_default(request):
    """A test that uses the database without asking for a demo site starts from the empty one."""
    if any(name in request.fixturenames for name in SITE_STATES):
        return
    if is_django_unittest(request):
        # Django's own TestCase classes run inside their class's transaction, opened before this.
        from django.contrib.contenttypes.models import ContentType
        from django.test import TestCase

        if request.cls.databases:
            site_state.restore(SESSION["site"].snapshots["empty_site"])
            ContentType.objects.clear_cache()
            if not issubclass(request.cls, TestCase):
                SESSION["site"].holds = None  # a TransactionTestCase commits and flushes
        return
    uses_db = request.node.get_closest_marker("django_db") or {"db", "transactional_db", "live_server"} & set(
        request.fixturenames
    )
    if uses_db:
        request.getfixturevalue("empty_site")


@pytest.fixture
def translated_demo_site(db, request, media_root):
    """The demo site with its draft translations (Bengali, Arabic, Urdu, Polish, Romanian, Turkish), as `make run`
    loads it; returns the English home page."""
    from django.conf import settings

    from pages.models import HomePage

    start_from("translated_demo_site", request, media_root)
    return HomePage.objects.get(locale__language_code=settings.LANGUAGE_CODE)


@pytest.fixture
def campaign_settings(demo_site):
    from wagtail.models import Site

    from pages.models import CampaignSettings

    return CampaignSettings.for_site(Site.objects.get(is_default_site=True))
