"""Start real app-server processes (gunicorn, production settings) and local service stand-ins for tests."""

import fcntl
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port():
    """A port nothing listens on: any, or one from TEST_PORTS (e.g. `55350-55379`) on a machine shared by several
    people who each keep to a range."""
    first, _, last = os.environ.get("TEST_PORTS", "").partition("-")
    candidates = range(int(first), int(last or first) + 1) if first else [0]
    for candidate in candidates:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", candidate))
            except OSError:
                continue
            port = sock.getsockname()[1]
        if candidate == 0 or not _taken(port):
            return port
    raise RuntimeError(f"no free port in TEST_PORTS={os.environ['TEST_PORTS']}")


_handed_out = set()


def _taken(port):
    """A port handed out earlier in this session is not free yet, even if its server has not started."""
    if port in _handed_out:
        return True
    _handed_out.add(port)
    return False


def wait_for(url, timeout=60, process=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - local test server
            return
        except urllib.error.HTTPError:
            return  # it answers, even if with an error status
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout}s")


def database_url(settings_dict):
    """A DATABASE_URL for the database this test session uses (the pytest-django test database)."""
    user = settings_dict.get("USER") or "postgres"
    password = settings_dict.get("PASSWORD") or ""
    credentials = f"{user}:{password}@" if password else f"{user}@"
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or "5432"
    return f"postgres://{credentials}{host}:{port}/{settings_dict['NAME']}"


def production_env(port, **overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        # A test server never reports to an error service or logs in a shape a developer's shell happens to set.
        if not key.startswith(("DJANGO_", "PYTEST", "REDIS_URL", "DATABASE_URL", "SENTRY_", "LOG_FORMAT"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "campaign_site.settings.production",
            "SECRET_KEY": "scale-out-test-secret-key-that-is-long-enough-for-the-checks-1234567890",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SITE_URL": f"http://127.0.0.1:{port}",
            "SECURE_SSL_REDIRECT": "false",
            "COOKIE_SECURE": "false",
            "PORT": str(port),
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "WEB_CONCURRENCY": "1",
            "GUNICORN_THREADS": "1",
            "GUNICORN_ACCESS_LOG": "/dev/null",
            "LOG_LEVEL": "WARNING",
        }
    )
    env.update({key: str(value) for key, value in overrides.items()})
    return env


def collect_static(static_root):
    env = production_env(0, STATIC_ROOT=static_root)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True, timeout=300
    )


def run_manage(env, *args, timeout=600):
    """A management command in its own process, as an operator runs it; returns what it printed."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=timeout,
        capture_output=True,
        text=True,
    ).stdout


# --- A site as `make run` serves it, built once per test run ---------------------------------------------------------
#
# `make run` migrates, loads the demo content and collects the static files before it serves (about 35 CPU seconds).
# Tests that serve the site for real need that state, each in a database and media folder of their own: the commands
# run once per test run (whichever xdist worker asks first builds it, under a file lock) and each served site starts
# from a copy of their output.


def build_once(folder, marker, build):
    """Runs `build` once for every process sharing `folder`: the first to take the folder's lock builds and writes
    what `build` returns (text) to `marker`; the others wait on the lock, then read it."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = folder / marker
        if not done.exists():
            done.write_text(build())
        return done.read_text()


def served_site_template(shared_folder):
    """The database after `migrate` (`migrated`) and after `load_demo_content` too (`demo`), the demo media and the
    collected static files, made by the same commands as `make run`, in `shared_folder` (seen by every worker)."""
    folder = Path(shared_folder) / "served-site-template"
    made = SimpleNamespace(
        migrated=folder / "migrated.sqlite3",
        demo=folder / "demo.sqlite3",
        media=folder / "media",
        static=folder / "static",
    )

    def build():
        env = production_env(
            0, DATABASE_URL=f"sqlite:///{made.migrated}", MEDIA_ROOT=made.media, STATIC_ROOT=made.static
        )
        collecting = subprocess.Popen(  # noqa: S603 - meanwhile
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env
        )
        run_manage(env, "migrate", "--noinput", "-v0")
        copy_database(made.migrated, made.demo)
        run_manage({**env, "DATABASE_URL": f"sqlite:///{made.demo}"}, "load_demo_content", "-v0")
        assert collecting.wait(timeout=600) == 0
        return ""

    build_once(folder, ".ready", build)
    return made


def copy_database(source, target):
    """A closed SQLite database with its write-ahead log, if one was left."""
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")


def served_site_env(folder, template, *, demo=True):
    """The environment of a site of its own in `folder`, started from the template: its own copy of the database
    (with the demo content, or as migrations leave it) and of the media, its own page cache, the shared static files
    (only ever read)."""
    folder = Path(folder)
    database = folder / "site.sqlite3"
    copy_database(template.demo if demo else template.migrated, database)
    if demo:
        shutil.copytree(template.media, folder / "media")
    return {
        "DATABASE_URL": f"sqlite:///{database}",
        "STATIC_ROOT": template.static,
        "MEDIA_ROOT": folder / "media",
        "PAGE_CACHE_DIR": folder / "page-cache",
    }


def start_gunicorn(port, log_path, **env_overrides):
    log = open(log_path, "wb")  # noqa: SIM115 - closed with the process
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), "-c", "campaign_site/gunicorn.conf.py", "campaign_site.wsgi"],
        cwd=ROOT,
        env=production_env(port, **env_overrides),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    process.log = log
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz", process=process)
    except Exception:
        stop(process)
        raise RuntimeError(Path(log_path).read_text()[-3000:]) from None
    return process


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    if getattr(process, "log", None):
        process.log.close()


# --- Our own PostgreSQL and Redis, for faults (a hung or stopped server) the shared ones must never suffer ---------


class OwnServer:
    """A server process of the test's own, on its own port and data folder; `pause()` is `kill -STOP` (a hung
    server: connections are accepted and then nothing is said), `resume()` is `kill -CONT`."""

    def __init__(self, process, port, pid, folder=None):
        self.process, self.port, self.pid, self.folder = process, port, pid, folder

    def pause(self):
        os.kill(self.pid, signal.SIGSTOP)

    def resume(self):
        os.kill(self.pid, signal.SIGCONT)

    def stop(self):
        self.resume()
        stop(self.process)
        if self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)


def _as_postgres_user():
    """PostgreSQL refuses to run as root: as root, run it as the `postgres` account."""
    if os.geteuid() != 0:
        return {}
    import pwd

    account = pwd.getpwnam("postgres")
    return {"user": account.pw_uid, "group": account.pw_gid}


def start_postgres():
    """A fresh PostgreSQL cluster (initdb) in a new temporary folder (removed by `stop()`), trust auth, listening on
    127.0.0.1 only. The folder is not under pytest's own (which only its owner may enter, and PostgreSQL may run as
    another account)."""
    initdb, postgres = shutil.which("initdb"), shutil.which("postgres")
    if not (initdb and postgres):
        raise RuntimeError("initdb and postgres must be on PATH")
    folder = Path(tempfile.mkdtemp(prefix="test-postgres-"))
    data = folder / "pgdata"
    account = _as_postgres_user()
    if account:
        os.chown(folder, account["user"], account["group"])
    made = subprocess.run(
        [initdb, "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"],
        check=False,
        capture_output=True,
        timeout=120,
        **account,
    )
    if made.returncode:
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(f"initdb failed: {made.stderr.decode()[-2000:]}")
    port = free_port()
    log = open(folder / "postgres.log", "wb")  # noqa: SIM115 - closed with the process
    process = subprocess.Popen(
        [postgres, "-D", str(data), "-p", str(port), "-k", str(folder), "-c", "listen_addresses=127.0.0.1"]
        + ["-c", "fsync=off", "-c", "full_page_writes=off", "-c", "synchronous_commit=off"],
        stdout=log,
        stderr=subprocess.STDOUT,
        **account,
    )
    process.log = log
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError((folder / "postgres.log").read_text()[-2000:])
        ready = subprocess.run(
            ["pg_isready", "-q", "-h", "127.0.0.1", "-p", str(port)], check=False, capture_output=True
        )
        if ready.returncode == 0:
            break
        time.sleep(0.2)
    else:
        stop(process)
        raise TimeoutError("PostgreSQL did not start")
    # `postgres` is exec'd directly: its pid is the postmaster's.
    return OwnServer(process, port, process.pid, folder=folder)


def start_redis(folder):
    """A Redis of our own, in memory only."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = open(folder / "redis.log", "wb")  # noqa: SIM115 - closed with the process
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        + ["--dir", str(folder)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    process.log = log
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                if sock.recv(16).startswith(b"+PONG"):
                    return OwnServer(process, port, process.pid)
        except OSError:
            time.sleep(0.1)
    stop(process)
    raise TimeoutError("Redis did not start")
