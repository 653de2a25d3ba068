"""Times POST /events/ in-process (no network) and prints a profile. Run by hand, see docs/benchmarks.md:

PYTHONPATH=. DJANGO_SETTINGS_MODULE=campaign_site.settings.production SECRET_KEY=x \
  ALLOWED_HOSTS=testserver SECURE_SSL_REDIRECT=false PAGE_ID=5 \
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/campaign_insights .venv/bin/python bench/profile_endpoint.py
"""

import cProfile
import json
import os
import pstats
import tempfile
import time

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402

settings.INSIGHTS_BURST_RATE = settings.INSIGHTS_BURST_CAPACITY = 10**6
settings.INSIGHTS_WINDOW_CAP = settings.INSIGHTS_VIEW_WINDOW_CAP = 10**6
client = Client()
body = json.dumps({"e": "page_view", "p": int(os.environ.get("PAGE_ID", "5")), "c": "radio"})


def run(n):
    for _ in range(n):
        response = client.post("/events/", body, content_type="text/plain", HTTP_USER_AGENT="Mozilla/5.0 Chrome")
    return response.status_code


status = run(5)
assert status == 204, f"got {status}: set PAGE_ID to a live page"
start = time.perf_counter()
run(300)
print(f"{(time.perf_counter() - start) / 300 * 1000:.2f} ms per event")
with tempfile.NamedTemporaryFile(suffix=".prof") as profile:
    cProfile.run("run(300)", profile.name)
    pstats.Stats(profile.name).sort_stats("cumulative").print_stats(20)
