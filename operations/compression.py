"""Compresses the site's own text answers (HTML, JSON, XML, plain text) with gzip.

Where it sits (campaign_site/settings/base.py MIDDLEWARE): after WhiteNoise, which answers static files itself with
its own precompressed copies, and before the page cache, so the cache stores one uncompressed copy per address and
every answer, a cached one included, is compressed on the way out for a browser that accepts gzip (Vary:
Accept-Encoding tells a CDN to keep the two apart).

BREACH (a secret in a compressed body guessed by an attacker who can add text to the same page): public pages hold
no secret at all: no CSRF token, no session, no cookie (operations/privacy_headers.py removes them). The admin's pages
do hold a CSRF token, so admin answers are never compressed, nor any answer marked private or no-store (a partner's
signed figures link, for one): only what anyone may see and cache is compressed. Media files and films are not
compressed either: they are compressed already, and a byte range of a gzipped stream would be wrong.
"""

from django.middleware.gzip import GZipMiddleware

from .privacy_headers import is_admin_request

COMPRESSIBLE_TYPES = ("text/html", "text/plain", "text/xml", "application/json", "application/xml", "text/vtt")


class TextGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
        cache_control = response.get("Cache-Control", "")
        if (
            response.streaming
            or content_type not in COMPRESSIBLE_TYPES
            or is_admin_request(request)
            or "private" in cache_control
            or "no-store" in cache_control
        ):
            return response
        return super().process_response(request, response)
