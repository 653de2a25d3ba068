"""Start real app-server processes (gunicorn, production settings) and local service stand-ins for tests."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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
