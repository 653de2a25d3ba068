"""Shared fixtures: the database and media folder a test starts from, and clean caches.

The demo site is built once per test run by one process and shared by every xdist worker (tests/session_site.py);
every test runs in a transaction rolled back at its end, so a test changes what it likes and the next one never
sees it. What a test starts from:

- `demo_site`: the English demo content as `make run` loads it, every demo page already viewed once (renditions and
  share cards drawn), and a media folder of its own holding a copy of the demo media.
- `fresh_demo_site`: the same content right after loading, before any page was viewed: for tests of what a
  first view does.
- `translated_demo_site`: `demo_site` plus the draft translations of its pages into the site's other languages
  (the other states leave them out, so a test of the English site finds one page per slug).
- `empty_site`: the database as migrations leave it and an empty media folder. A test that uses the database
  without asking for one of the demo sites gets this one.

Live-server tests commit, and the database is flushed after each; the state they ask for is written back from rows
captured once per run (tests/site_state.py), with the media drawn once per run: no image is drawn again.
"""

import os
import shutil
import threading
from pathlib import Path

import pytest
from pytest_django.django_compat import is_django_unittest

from tests import session_site, site_state

# Playwright's sync API runs an event loop in the test thread; Django's ORM must still be usable there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SITE_STATES = ("empty_site", "fresh_demo_site", "demo_site", "translated_demo_site")


def run_folder_of(config):
    """A folder every process of this test run sees (the controller and each xdist worker, whose own temporary
    folder is inside it): for what is built once per run."""
    base = Path(str(config._tmp_path_factory.getbasetemp()))
    return base.parent if hasattr(config, "workerinput") else base


@pytest.fixture(scope="session")
def run_folder(request):
    return run_folder_of(request.config)


@pytest.fixture(scope="session")
def make_run_template(run_folder):
    """The database, media and static files `make run` prepares before serving, made once per run by the same
    commands (tests/servers.py); a served site starts from a copy."""
    from tests.servers import served_site_template

    return served_site_template(run_folder)


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


# --- The states, built once per test run (tests/session_site.py) ---

SESSION = {}


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker, django_db_modify_db_settings, run_folder):
    """This process's test database: a copy of the one built for the whole run, holding the demo site, with the
    rows of every state to go from one to another (replaces pytest-django's own, which migrates a database per
    process)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    folder = session_site.folder_in(run_folder)
    built = session_site.ensure_built(folder, connection.settings_dict)
    session_site.copy_into_test_database(folder, built, connection.settings_dict)
    verbosity = request.config.option.verbose
    with django_db_blocker.unblock():
        # keepdb: the copy is kept as it is (the migrations find nothing to do); it is deleted at the end.
        databases = setup_databases(verbosity=verbosity, interactive=False, keepdb=True, aliases={"default"})
        SESSION["site"] = session_site.load(folder)
        ContentType.objects.clear_cache()  # ids cached before the copy mean nothing
    yield
    with django_db_blocker.unblock():
        teardown_databases(databases, verbosity=verbosity)


def pytest_sessionstart(session):
    """With xdist workers, the process that runs them starts the run's builds at once, in the background, while the
    workers start and collect; a worker that needs one before it is ready waits for it (tests/session_site.py,
    tests/servers.py)."""
    config = session.config
    if hasattr(config, "workerinput") or not getattr(config.option, "numprocesses", None):
        return
    from django.db import connection

    from tests.servers import served_site_template

    folder = run_folder_of(config)
    settings_dict = dict(connection.settings_dict)
    for build, arguments in (
        (session_site.ensure_built, (session_site.folder_in(folder), settings_dict)),
        (served_site_template, (folder,)),
    ):
        threading.Thread(target=build, args=arguments, daemon=True).start()


def pytest_unconfigure(config):
    """The run's built PostgreSQL database goes at the end (by the process that started the run)."""
    if hasattr(config, "workerinput"):
        return
    from django.db import connection

    session_site.drop_built(session_site.folder_in(run_folder_of(config)), connection.settings_dict)


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
    """The database state a test starts from is put in place before any other fixture of the test writes a row:
    going back to a state after a committed test deletes every row the state does not hold. A test that uses the
    database without asking for a demo site starts from the empty one."""
    asked = [name for name in request.fixturenames if name in SITE_STATES]
    if asked:
        request.getfixturevalue(asked[0])
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
