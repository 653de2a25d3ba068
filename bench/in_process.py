"""The site's WSGI application called in this process, with no server: for the in-process benchmarks
(bench/request_cost.py, bench/gc_pause.py), run with the production settings from the environment."""

import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from campaign_site.wsgi import application  # noqa: E402


def answer(path):
    """GET `path` as a visitor's browser would; returns the status line and the X-Page-Cache header."""
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
