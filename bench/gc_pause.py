"""How long a full garbage collection holds a worker, with and without `gc.freeze()` after the app is loaded (what
campaign_site/gunicorn.conf.py's `when_ready` does in gunicorn's master). In-process, no server; the app is loaded
with the production settings and a few pages are answered first, as a worker's first visitors would. Run by hand,
figures in docs/benchmarks.md:

DJANGO_SETTINGS_MODULE=campaign_site.settings.production SECRET_KEY="$(cat .local/secret-key)" \
  ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false .venv/bin/python bench/gc_pause.py [--freeze]
"""

import gc
import sys
import time

from in_process import answer

PAGES = ["/", "/stories/", "/stories/lillian/", "/stories/lillian/embed/"]


def full_collection_ms():
    started = time.perf_counter()
    gc.collect()
    return (time.perf_counter() - started) * 1000


gc.collect()
print(f"objects the collector tracks after loading the app: {len(gc.get_objects()):,}")
if "--freeze" in sys.argv:
    gc.freeze()  # where gunicorn's master freezes: after loading, before any request
    print(f"frozen: {gc.get_freeze_count():,} objects")
for path in PAGES:
    answer(path)
timings = [full_collection_ms() for _ in range(5)]
frozen = " after gc.freeze()" if "--freeze" in sys.argv else ""
print(f"full collection{frozen}: {', '.join(f'{ms:.1f}' for ms in timings)} ms")
