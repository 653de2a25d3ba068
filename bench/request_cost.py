"""What one request costs inside a worker, without the server: a page answered from the page cache, a static file,
and the access log line gunicorn writes for each (operations/gunicorn_logging.py). Run by hand after `make run` has
served the page once (the page cache is its folder), figures in docs/benchmarks.md:

DJANGO_SETTINGS_MODULE=campaign_site.settings.production SECRET_KEY="$(cat .local/secret-key)" \
  ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false .venv/bin/python bench/request_cost.py [--profile]
"""

import cProfile
import logging
import os
import pstats
import sys
import time

from django.contrib.staticfiles.storage import staticfiles_storage
from in_process import answer  # puts the project on the path and loads the app

from operations.log_format import JSONFormatter

RUNS = 3000


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
