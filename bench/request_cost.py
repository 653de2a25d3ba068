"""What one request costs inside a worker, without the server: a page answered from the page cache, a static file,
and the access log line gunicorn writes for each (operations/gunicorn_logging.py). Run by hand after `make run` has
served the page once (the page cache is its folder), figures in docs/benchmarks.md:

DJANGO_SETTINGS_MODULE=campaign_site.settings.production SECRET_KEY="$(cat .local/secret-key)" \
  ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false .venv/bin/python bench/request_cost.py [--profile]
"""

import cProfile
import io
import logging
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from django.contrib.staticfiles.storage import staticfiles_storage  # noqa: E402

from campaign_site.wsgi import application  # noqa: E402
from operations.log_format import JSONFormatter  # noqa: E402

RUNS = 3000


def answer(path):
    seen = {}
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_USER_AGENT": "wrk",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
    }
    body = application(environ, lambda status, headers, exc_info=None: seen.update(status=status, headers=headers))
    b"".join(body)
    body.close()
    return seen["status"], dict(seen["headers"]).get("X-Page-Cache")


def microseconds(call, runs=RUNS):
    started = time.perf_counter()
    for _ in range(runs):
        call()
    return (time.perf_counter() - started) / runs * 1e6


def access_line():
    """An access line as SiteLogger.access writes it, to a stream that discards it."""
    logger = logging.getLogger("bench.access")
    logger.propagate = False
    handler = logging.StreamHandler(open(os.devnull, "w"))  # noqa: SIM115 - lives as long as the script
    handler.setFormatter(JSONFormatter())
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    fields = {"method": "GET", "path": "/stories/lillian/", "status": 200, "duration_ms": 1.2, "response_bytes": 17043}
    return lambda: logger.info("%s %s %s", "GET", "/stories/lillian/", 200, extra=fields)


css = staticfiles_storage.url("css/site.css")  # its hashed name, as the pages link it
for path in ("/stories/lillian/", css):
    for _ in range(20):
        status = answer(path)
    print(f"{path:<40} {status[0]}, page cache: {status[1] or '-'}: {microseconds(lambda p=path: answer(p)):.0f} µs")
print(f"{'access log line':<40} {microseconds(access_line(), 20000):.1f} µs")

if "--profile" in sys.argv:
    with cProfile.Profile() as profile:
        for _ in range(RUNS):
            answer("/stories/lillian/")
    pstats.Stats(profile).sort_stats("tottime").print_stats(15)
