"""The sites tests start from, built once per test run by one process and shared by every pytest-xdist worker.

Building them means migrating a database (about 16 CPU seconds), loading the demo content, viewing every demo page
once (renditions and share cards drawn) and loading the draft translations: about 35 CPU seconds. One builder
process does it at the start of the run (`python -m tests.session_site FOLDER`, started by the first process that
needs it, under a file lock) and leaves in FOLDER:

- the built database, holding the `demo_site` state: a SQLite file, or a PostgreSQL database each worker copies with
  `CREATE DATABASE … TEMPLATE`;
- `site.pickle`: the rows of every state (tests/site_state.py), so a worker goes from one state to another without
  building anything;
- the media folders the states' rows point to (read only: a test gets its own copy).

Each worker's test database is a copy of the built one; tests/conftest.py takes it from there.
"""

import fcntl
import json
import os
import pickle
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from tests import site_state

ROOT = Path(__file__).resolve().parent.parent
STATES = ("empty_site", "fresh_demo_site", "demo_site", "translated_demo_site")


@dataclass
class SessionSite:
    snapshots: dict  # state name -> site_state.Snapshot
    media: dict  # state name -> folder of the media that state's rows point to (None: no media)
    from_demo: dict = field(default_factory=dict)  # state name -> changes from demo_site's rows to its rows
    holds: str | None = "demo_site"  # what the database holds between tests; None once a test committed


# --- In the builder process ---


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


def build_states(folder):
    """Every state, from a migrated database; leaves the database holding `demo_site`."""
    from django.core.management import call_command
    from django.db import transaction
    from django.test import override_settings

    from demo.loader import load

    snapshots = {"empty_site": site_state.capture()}
    loaded_media, demo_media = folder / "fresh-demo-media", folder / "demo-media"
    with override_settings(MEDIA_ROOT=loaded_media):
        call_command("load_demo_content", without_translations=True, verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    snapshots["fresh_demo_site"] = site_state.capture()
    shutil.copytree(loaded_media, demo_media)
    with override_settings(MEDIA_ROOT=demo_media):
        view_every_demo_page()
    snapshots["demo_site"] = site_state.capture()
    # The draft translations into the site's other languages (demo/translations.py), as `make run` loads them.
    with override_settings(MEDIA_ROOT=demo_media), transaction.atomic():
        load(translations=True)
    snapshots["translated_demo_site"] = site_state.capture()
    with transaction.atomic():  # foreign keys are checked at the end
        site_state.restore(snapshots["demo_site"])
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


def build(folder):
    """The builder process, on the database DATABASE_URL names."""
    import django
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    django.setup()
    setup_test_environment()  # as under pytest: in-memory mail, DEBUG off
    call_command("migrate", verbosity=0, interactive=False)
    site = build_states(folder)
    from django.db import connections

    connection = connections["default"]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:  # one self-contained file to copy: no write-ahead log beside it
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cursor.execute("PRAGMA journal_mode=DELETE")
    connections.close_all()  # PostgreSQL copies a template only while nobody is connected to it
    with open(folder / "site.pickle", "wb") as out:
        pickle.dump(site, out)


# --- In each test process ---


def _engine(settings_dict):
    return "postgresql" if "postgresql" in settings_dict["ENGINE"] else "sqlite"


FOLDER_NAME = "session-site"


def folder_in(run_folder):
    """Where a test run keeps its session site."""
    return Path(run_folder) / FOLDER_NAME


def ensure_built(folder, settings_dict):
    """Builds the session site in `folder` unless it is built or being built; waits for it. Returns a description
    of what was built ({"engine", "database"})."""
    from tests.servers import build_once

    folder = Path(folder)

    def build():
        engine = _engine(settings_dict)
        if engine == "sqlite":
            database = str(folder / "built.sqlite3")
            url = f"sqlite:///{database}"
        else:
            from tests.servers import database_url

            database = f"test_{settings_dict['NAME']}_built_{os.getpid()}"
            _postgres_admin(settings_dict, f'DROP DATABASE IF EXISTS "{database}"', f'CREATE DATABASE "{database}"')
            url = database_url({**settings_dict, "NAME": database})
        described = json.dumps({"engine": engine, "database": database})
        (folder / "building.json").write_text(described)  # for drop_built, should the run stop half way
        log = folder / "build.log"
        with open(log, "wb") as output:
            finished = subprocess.run(  # noqa: S603 - our own module
                [sys.executable, "-m", "tests.session_site", str(folder)],
                cwd=ROOT,
                env={**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "campaign_site.settings.test"},
                stdout=output,
                stderr=subprocess.STDOUT,
                check=False,
            )
        if finished.returncode:
            raise RuntimeError(f"building the session site failed:\n{log.read_text()[-4000:]}")
        return described

    return json.loads(build_once(folder, "built.json", build))


def copy_into_test_database(folder, built, settings_dict):
    """Makes this process's test database (settings_dict's TEST NAME) a copy of the built one."""
    with open(Path(folder) / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # PostgreSQL copies a template for one CREATE DATABASE at a time
        if built["engine"] == "sqlite":
            from tests.servers import copy_database

            target = settings_dict["TEST"]["NAME"]
            for suffix in ("-wal", "-shm"):  # another run's, had it stopped half way
                Path(f"{target}{suffix}").unlink(missing_ok=True)
            copy_database(built["database"], target)
        else:
            target = settings_dict["TEST"].get("NAME") or f"test_{settings_dict['NAME']}"
            _postgres_admin(
                settings_dict,
                f'DROP DATABASE IF EXISTS "{target}"',
                f'CREATE DATABASE "{target}" TEMPLATE "{built["database"]}"',
            )


def load(folder):
    with open(Path(folder) / "site.pickle", "rb") as saved:
        return pickle.load(saved)  # noqa: S301 - written by this run's own builder


def drop_built(folder, settings_dict):
    """At the end of the run: the built PostgreSQL database (a SQLite file goes with the run's folder)."""
    started = Path(folder) / "building.json"
    if started.exists():
        built = json.loads(started.read_text())
        if built["engine"] == "postgresql":
            # FORCE: a builder still running (a run stopped half way) is disconnected first.
            _postgres_admin(settings_dict, f'DROP DATABASE IF EXISTS "{built["database"]}" WITH (FORCE)')


def _postgres_admin(settings_dict, *statements):
    """Statements that cannot run inside a database they change, run from the server's `postgres` database."""
    import psycopg

    connection = psycopg.connect(
        host=settings_dict.get("HOST") or "127.0.0.1",
        port=settings_dict.get("PORT") or 5432,
        user=settings_dict.get("USER") or "postgres",
        password=settings_dict.get("PASSWORD") or None,
        dbname="postgres",
        autocommit=True,
    )
    with connection:
        for statement in statements:
            connection.execute(statement)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campaign_site.settings.test")
    from tests.session_site import build as build_here  # pickled classes must be named by module, not __main__

    build_here(Path(sys.argv[1]))
