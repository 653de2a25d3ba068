"""Serves local media with HTTP Range support so films can be seeked (S3 does this itself)."""

import mimetypes
import re

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.utils._os import safe_join
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from .withdrawal import WITHDRAWN_PREFIX

RANGE_PATTERN = re.compile(r"^bytes=(\d*)-(\d*)$")
# Wagtail's renditions live under images/, named after the original file, the focal point and the filter; the
# storage never overwrites a file (it picks a new name), so the bytes at a rendition's address never change: a
# browser or CDN may keep them for a year without asking again.
RENDITIONS_PREFIX = "images/"
RENDITION_CACHE_CONTROL = "public, max-age=31536000, immutable"
mimetypes.add_type("text/vtt", ".vtt")
mimetypes.add_type("video/webm", ".webm")
mimetypes.add_type("image/avif", ".avif")
mimetypes.add_type("image/webp", ".webp")


def parse_range(header, size):
    """Returns (start, end) inclusive for a single byte range, None if absent, or raises ValueError."""
    if not header:
        return None
    match = RANGE_PATTERN.match(header.strip())
    if not match or match.groups() == ("", ""):
        raise ValueError("unsupported range")
    first, last = match.groups()
    if first == "":
        start, end = max(size - int(last), 0), size - 1
    else:
        start, end = int(first), min(int(last), size - 1) if last else size - 1
    if start > end or start >= size:
        raise ValueError("unsatisfiable range")
    return start, end


@require_safe
def serve_media(request, path):
    # Media of unpublished stories (operations/withdrawal.py) are kept, never served.
    if path.startswith(WITHDRAWN_PREFIX):
        raise Http404("No such file")
    try:
        full_path = safe_join(str(default_storage.location), path)
        handle = open(full_path, "rb")  # noqa: SIM115 - FileResponse closes it
    except (SuspiciousFileOperation, ValueError, OSError, AttributeError):
        raise Http404("No such file") from None
    size = default_storage.size(path)
    content_type = mimetypes.guess_type(full_path)[0] or "application/octet-stream"
    try:
        byte_range = parse_range(request.headers.get("Range"), size)
    except ValueError:
        handle.close()
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response
    if byte_range is None:
        response = FileResponse(handle, content_type=content_type)
    else:
        start, end = byte_range
        handle.seek(start)
        response = FileResponse(_limited(handle, end - start + 1), status=206, content_type=content_type)
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
        response["Content-Length"] = str(end - start + 1)
    response["Accept-Ranges"] = "bytes"
    # A rendition's bytes never change at its address: a year, immutable. Other media: browsers a minute (a withdrawn
    # story's film must go within one), the CDN a day, and it is purged. A withdrawn rendition is moved to a secret
    # name, so its old address answers 404 here and is purged from the CDN within the minute too.
    response["Cache-Control"] = (
        RENDITION_CACHE_CONTROL
        if path.startswith(RENDITIONS_PREFIX)
        else f"public, max-age={settings.MEDIA_BROWSER_MAX_AGE}, s-maxage={settings.MEDIA_CDN_MAX_AGE}"
    )
    response["Last-Modified"] = http_date(default_storage.get_modified_time(path).timestamp())
    return response


def _limited(handle, length, chunk=64 * 1024):
    try:
        while length > 0:
            data = handle.read(min(chunk, length))
            if not data:
                break
            length -= len(data)
            yield data
    finally:
        handle.close()
