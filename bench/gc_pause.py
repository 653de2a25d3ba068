"""How long a full garbage collection holds a worker, with and without `gc.freeze()` after the app is loaded (what
campaign_site/gunicorn.conf.py's `when_ready` does in gunicorn's master). In-process, no server; the app is loaded
with the production settings and a few pages are answered first, as a worker's first visitors would. Run by hand,
figures in docs/benchmarks.md:

DJANGO_SETTINGS_MODULE=campaign_site.settings.production SECRET_KEY="$(cat .local/secret-key)" \
  ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false .venv/bin/python bench/gc_pause.py [--freeze]
"""

import gc
import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from campaign_site.wsgi import application  # noqa: E402

PAGES = ["/", "/stories/", "/stories/lillian/", "/stories/lillian/embed/"]


def answer(path):
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
    }
    body = application(environ, lambda status, headers, exc_info=None: None)
    b"".join(body)
    body.close()


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
