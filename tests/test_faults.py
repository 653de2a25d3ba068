"""Surviving faults: PostgreSQL down (cached pages keep serving, others get the static 500 page with the number) and
Redis down (the site serves uncached, without errors). Unreachable services are simulated by pointing at 127.0.0.1:1;
the shared servers are never stopped.

The second half runs real gunicorn processes (production settings) against a PostgreSQL and a Redis the tests start
themselves (own data folder, own port) and hang with `kill -STOP`: a hung database, a flood of query strings, short
addresses while the database hangs, and a publish made during a Redis blip.
"""

import contextlib
import json
import queue
import re
import socket
import subprocess
import sys
import threading
import time

import pytest
import redis
import requests
from django.db import connections
from django.test import Client

from tests.helpers import tel_links
from tests.insights_helpers import BROWSER_UA
from tests.servers import ROOT, free_port, production_env, start_gunicorn, start_postgres, start_redis, stop

UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"
# One xdist worker starts the module's own PostgreSQL, migrates it and loads the demo into it, once.
pytestmark = pytest.mark.xdist_group(__name__)


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


# --- Real servers: our own PostgreSQL and Redis, hung with kill -STOP ----------------------------------------------

# A hang used to last until gunicorn's 30 s worker timeout (or for ever); every answer below must come long before.
ANSWER_WITHIN = 10
# A browser's beacon (a known bot's is answered 204 without being counted).
BEACON_HEADERS = {"Content-Type": "text/plain;charset=UTF-8", "User-Agent": BROWSER_UA}


@pytest.fixture(scope="module")
def own_database(tmp_path_factory, make_run_template):
    """Our own PostgreSQL (initdb), migrated, with the demo content and collected static files (`make run`'s, made
    once per test run), and a Redis of our own that the demo's publishes wrote to (as production's would)."""
    folder = tmp_path_factory.mktemp("own-postgres")
    postgres = start_postgres()
    shared_redis = start_redis(folder / "redis")
    site_env = {
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{postgres.port}/postgres",
        "STATIC_ROOT": make_run_template.static,
        "MEDIA_ROOT": folder / "media",
        "WAGTAIL_2FA_REQUIRED": "false",
    }
    env = production_env(0, **site_env)
    try:
        for command in (["migrate", "--noinput", "-v0"], ["load_demo_content"]):
            subprocess.run(
                [sys.executable, "manage.py", *command],
                cwd=ROOT,
                env={**env, "REDIS_URL": f"redis://127.0.0.1:{shared_redis.port}/0"},
                check=True,
                capture_output=True,
                timeout=600,
            )
        postgres.redis = shared_redis
        yield postgres, site_env, folder
    finally:
        postgres.stop()
        shared_redis.stop()


def timed_get(url, **kwargs):
    started = time.monotonic()
    response = requests.get(url, timeout=ANSWER_WITHIN, allow_redirects=False, **kwargs)
    response.elapsed_s = time.monotonic() - started
    return response


@pytest.fixture
def hung_database_site(own_database, tmp_path):
    postgres, site_env, _ = own_database
    port_env = {
        **site_env,
        "REDIS_URL": f"redis://127.0.0.1:{postgres.redis.port}/0",
        # A new connection per request: every uncached request meets the hung server (a kept connection to a backend
        # already forked keeps working while only the postmaster hangs, which would hide the fault).
        "DB_CONN_MAX_AGE": "0",
        "WEB_CONCURRENCY": "1",
        "GUNICORN_THREADS": "4",
        "GUNICORN_ACCESS_LOG": "-",
        "LOG_LEVEL": "INFO",
    }

    port = free_port()
    server = start_gunicorn(port, tmp_path / "gunicorn.log", **port_env)
    try:
        yield f"http://127.0.0.1:{port}", postgres, tmp_path / "gunicorn.log"
    finally:
        postgres.resume()
        stop(server)


def test_hung_database_cached_pages_answer_others_fail_fast_and_the_site_recovers(hung_database_site, capsys):
    base, postgres, log_path = hung_database_site
    story = requests.get(f"{base}/stories/lillian/", timeout=120)  # a first view draws images: not timed
    assert story.status_code == 200
    page_id = re.search(r'data-page-id="(\d+)"', story.text).group(1)
    for url in ("/stories/", "/lillian"):  # cache the index and the short address
        requests.get(f"{base}{url}", timeout=120, allow_redirects=False)
    assert timed_get(f"{base}/stories/").headers["X-Page-Cache"] == "hit"
    short = timed_get(f"{base}/lillian")
    assert short.status_code == 301 and short.headers["Location"] == "/stories/lillian/"
    assert short.headers["X-Page-Cache"] == "hit"
    beacon = json.dumps({"e": "page_view", "p": page_id, "c": "radio"})

    postgres.pause()
    timings = {}
    try:
        uncached = timed_get(f"{base}/stories/dwayne/")
        timings["uncached page, first"] = uncached.elapsed_s
        assert uncached.status_code == 500
        assert "Sorry, something went wrong" in uncached.text
        assert set(tel_links(uncached.text)) == {"tel:0800555111"}
        assert "Traceback" not in uncached.text and uncached.headers["Cache-Control"] == "no-store"

        cached = timed_get(f"{base}/stories/")
        timings["cached page"] = cached.elapsed_s
        assert cached.status_code == 200 and cached.headers["X-Page-Cache"] == "hit"
        assert set(tel_links(cached.text)) == {"tel:0800555111"}

        short = timed_get(f"{base}/lillian?utm_source=radio")
        timings["short address"] = short.elapsed_s
        assert short.status_code == 301 and short.headers["Location"] == "/stories/lillian/"
        # A short address no one visited since the last publish leads to its story too (the last known map).
        short = timed_get(f"{base}/dwayne")
        timings["short address, not cached"] = short.elapsed_s
        assert short.status_code == 301 and short.headers["Location"] == "/stories/dwayne/"

        health = timed_get(f"{base}/healthz")
        timings["healthz"] = health.elapsed_s
        assert health.status_code == 503 and health.json()["database"] == "error"

        started = time.monotonic()
        event = requests.post(f"{base}/events/", data=beacon, headers=BEACON_HEADERS, timeout=ANSWER_WITHIN)
        timings["POST /events/"] = time.monotonic() - started
        assert event.status_code == 503

        # Once the retry interval has passed, one request tries the hung server again: still bounded.
        time.sleep(3.5)
        again = timed_get(f"{base}/stories/dwayne/")
        timings["uncached page, after the retry interval"] = again.elapsed_s
        assert again.status_code == 500 and "tel:0800555111" in again.text
        health = timed_get(f"{base}/healthz")
        timings["healthz, later"] = health.elapsed_s
        assert health.status_code == 503
    finally:
        postgres.resume()
    with capsys.disabled():
        print("\nhung database, seconds per answer:", {name: round(value, 2) for name, value in timings.items()})

    # The site recovers by itself.
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if timed_get(f"{base}/stories/dwayne/").status_code == 200:
            break
        time.sleep(0.5)
    else:
        pytest.fail("the site did not recover within 30 s of the database continuing")
    assert timed_get(f"{base}/healthz").status_code == 200
    event = requests.post(f"{base}/events/", data=beacon, headers=BEACON_HEADERS, timeout=10)
    assert event.status_code == 204


@pytest.fixture
def redis_site(own_database, tmp_path):
    """gunicorn with the page cache in a Redis of our own."""
    postgres, site_env, _ = own_database
    own_redis = start_redis(tmp_path / "redis")

    port = free_port()
    env = {
        **site_env,
        "REDIS_URL": f"redis://127.0.0.1:{own_redis.port}/0",
        "WEB_CONCURRENCY": "1",
        "GUNICORN_THREADS": "4",
        "GUNICORN_ACCESS_LOG": "-",
        "LOG_LEVEL": "INFO",
    }
    server = start_gunicorn(port, tmp_path / "gunicorn.log", **env)
    try:
        yield f"http://127.0.0.1:{port}", own_redis, env, tmp_path / "gunicorn.log"
    finally:
        stop(server)
        own_redis.stop()


def page_keys(own_redis):
    return sorted(key.decode() for key in redis.Redis(port=own_redis.port).keys("*:pages:*page:*"))


def test_query_strings_add_no_cache_entries_and_stay_out_of_keys_and_logs(redis_site):
    base, own_redis, _, log_path = redis_site
    real_pages = ["/", "/stories/", "/stories/lillian/", "/stories/lillian/embed/"]
    for path in real_pages:
        assert requests.get(f"{base}{path}", timeout=120).status_code == 200
    keys = page_keys(own_redis)
    assert len(keys) == len(real_pages)

    for n in range(300):
        query = ("x={n}", "gclid=Cj0KCQ{n}&utm_source=radio&utm_campaign=c{n}", "fbclid=IwAR{n}&via=radio")[n % 3]
        response = requests.get(f"{base}/stories/lillian/?{query.format(n=n)}", timeout=30)
        assert response.status_code == 200
        assert response.headers["X-Page-Cache"] == "hit"
    assert page_keys(own_redis) == keys  # no new entry: bounded by the number of pages
    for path in real_pages:
        assert requests.get(f"{base}{path}", timeout=30).headers["X-Page-Cache"] == "hit", path
    assert not any("?" in key or "gclid" in key or "x=" in key for key in keys)
    log = log_path.read_text()
    assert "gclid" not in log and "Cj0KCQ" not in log and "fbclid" not in log and "x=1" not in log


SCHEDULE_STORY = """
from datetime import timedelta
from django.utils import timezone
from stories.models import StoryPage
# The English story: the site holds its draft translations too, under the same slug.
story = StoryPage.objects.get(slug="lillian", locale__language_code="en-gb")
story.summary = {marker!r}
story.save_revision(approved_go_live_at=timezone.now() + timedelta(seconds=1))
"""


def next_line_with(lines, text, timeout):
    """The first line from the queue `lines` that holds `text`, or None after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while (left := deadline - time.monotonic()) > 0:
        try:
            line = lines.get(timeout=left)
        except queue.Empty:
            return None
        if text in line:
            return line
    return None


@pytest.mark.parametrize("visited", [True, False], ids=["a visit during the blip", "no visit during the blip"])
def test_a_scheduled_publish_during_a_redis_blip_shows_soon_after_redis_returns(redis_site, visited):
    """cron's `publish_scheduled` runs while Redis is unreachable: its expiry of the page cache cannot reach Redis,
    which keeps the old page. If a visit made the web worker see the outage, the worker expires the pages when Redis
    answers again; if nobody visited, the command itself waits at its end for Redis and expires them."""
    base, own_redis, env, _ = redis_site
    story = f"{base}/stories/lillian/"
    requests.get(story, timeout=120)
    assert requests.get(story, timeout=30).headers["X-Page-Cache"] == "hit"
    marker = f"Published during a Redis blip {time.time_ns()}"
    site_env = production_env(0, **env, PAGE_CACHE_OWED_EXPIRY_WAIT=60)
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "shell", "-c", SCHEDULE_STORY.format(marker=marker)], cwd=ROOT, env=site_env, check=True)
    time.sleep(1.5)  # the revision's time has come

    own_redis.pause()
    try:
        if visited:
            assert requests.get(story, timeout=30).status_code == 200  # the site notices the outage, serves uncached
        scheduler = subprocess.Popen(
            [*manage, "publish_scheduled"], cwd=ROOT, env=site_env, stderr=subprocess.PIPE, text=True
        )
        said = queue.Queue()
        threading.Thread(target=lambda: [said.put(line) for line in scheduler.stderr], daemon=True).start()
        if visited:
            # The worker that saw the outage serves fresh pages meanwhile: the publish shows once it is made.
            deadline = time.monotonic() + 60
            while marker not in requests.get(story, timeout=30).text:
                assert time.monotonic() < deadline, "the publish never showed during the blip"
                time.sleep(0.5)
        else:
            # The publish is made; the command's expiry of the page cache cannot reach Redis, so it waits.
            waiting = next_line_with(said, "Waiting up to", timeout=90)
            assert waiting is not None, "publish_scheduled did not wait for the cache"
            time.sleep(3)
            assert scheduler.poll() is None, "publish_scheduled ended without expiring the cache"
    finally:
        own_redis.resume()
    resumed = time.monotonic()
    scheduler.wait(timeout=90)
    assert scheduler.returncode == 0, "".join(said.queue)[-2000:]
    assert time.monotonic() - resumed < 10, "the command did not expire the cache within seconds of Redis returning"

    # From here every answer shows the publish, and the cache is in use again.
    first_hit = None
    while time.monotonic() - resumed < 20:
        response = requests.get(story, timeout=30)
        assert response.status_code == 200
        assert marker in response.text, f"old page served {time.monotonic() - resumed:.1f} s after Redis returned"
        if response.headers.get("X-Page-Cache") == "hit" and first_hit is None:
            first_hit = time.monotonic() - resumed
        time.sleep(0.2)
    assert first_hit is not None, "the page cache was never used again after Redis returned"


def test_a_slow_client_reading_a_film_does_not_get_the_worker_killed(own_database, tmp_path):
    """A sync worker streaming a film to a slow reader was killed at gunicorn's timeout, cutting the film (and every
    other request that worker held). gthread workers keep answering their master while a thread streams."""
    postgres, site_env, folder = own_database
    port = free_port()
    env = {
        **site_env,
        "PAGE_CACHE_DIR": tmp_path / "page-cache",
        "WEB_CONCURRENCY": "1",
        "GUNICORN_THREADS": "4",
        "GUNICORN_TIMEOUT": "5",  # short, so the slow read below outlasts it twice over
    }
    log_path = tmp_path / "gunicorn.log"
    server = start_gunicorn(port, log_path, **env)
    try:
        base = f"http://127.0.0.1:{port}"
        html = requests.get(f"{base}/stories/lillian/", timeout=120).text
        film_url = re.search(r'<source src="(/media/[^"]+\.mp4)"', html).group(1)
        # The demo film is a few KB, which the socket buffers swallow whole: make it a film's size, under its name.
        film = folder / "media" / film_url.removeprefix("/media/")
        film.write_bytes(bytes(range(256)) * (32 * 1024))  # 8 MB
        size = film.stat().st_size

        with socket.socket() as slow:
            slow.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            slow.connect(("127.0.0.1", port))
            slow.sendall(f"GET {film_url} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
            received = b""
            started = time.monotonic()
            while time.monotonic() - started < 12:  # two worker timeouts, reading 8 KB every 0.2 s
                received += slow.recv(8192)
                time.sleep(0.2)
                # Meanwhile the same worker answers other visitors.
                if len(received) < 200_000:
                    assert requests.get(f"{base}/healthz", timeout=5).status_code == 200
            slow.settimeout(30)
            while chunk := slow.recv(1 << 20):
                received += chunk
        head, _, body = received.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 200")
        assert len(body) == size, "the film was cut off"
        assert body == film.read_bytes()
    finally:
        stop(server)
    log = log_path.read_text()
    assert "WORKER TIMEOUT" not in log and "Worker was sent" not in log
