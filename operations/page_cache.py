"""Full-page cache for anonymous GETs, and the Cache-Control header a CDN can use.

Why our own (small) middleware rather than wagtail-cache or Django's cache middleware: invalidation here is a cache
"generation" number that every key includes. Publishing, unpublishing, moving or deleting a page, or changing the
campaign settings (the phone number is on every page), bumps the number, so every cached page expires at once in every
process sharing the cache. For a site of a few dozen pages that is simpler and safer than tracking which pages show
which (index, home, embed card, oEmbed, sitemap...), and unlike `cache.clear()` it never wipes other data that shares
the Redis database (rate limits, the call-to-action copy the 500 page reads).

The lookup happens before sessions, authentication and any view, so a cached page is served without touching the
database: pages already in the cache keep serving while PostgreSQL is down.

The key is the host and path plus only the query parameters the view reads (a view names them in its
`page_cache_query` attribute; pages read none). Tracking parameters (`gclid`, `fbclid`, `utm_*`), the insights
script's `?via=` (read in the browser) and junk all share the page's one entry, so the number of entries is bounded
by the number of pages, not by what visitors append; the query string never becomes part of a key.

Short addresses (`/lillian`, Wagtail redirects) are stored too, so they keep working while the database is down.
"""

import atexit
import hashlib
import logging
import time
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.core.cache import caches
from django.dispatch import receiver
from django.http import HttpResponse
from django.urls import Resolver404, resolve

from sharing.short_links import carry_channel

from .cache_backends import cache_recovered
from .privacy_headers import is_admin_request

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
# Requests carrying one of these cookies belong to a signed-in editor: never served from, nor stored in, the cache.
STAFF_COOKIES = ("sessionid", "csrftoken")
# Redirects worth keeping: Wagtail's (short addresses). Django's slash-appending one (`/anything` -> `/anything/`)
# answers any path at all, so storing it would let a visitor grow the cache without bound.
CACHEABLE_REDIRECTS = (301, 302, 307, 308)
NEVER_CACHED_PREFIXES = ("/events/", "/healthz", "/media/", "/documents/", "/static/")


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def current_generation():
    try:
        expiries = _expired_after_outage
        generation = page_cache().get(GENERATION_KEY)
        if expiries != _expired_after_outage:  # that very call ended an outage and expired the pages: read again
            generation = page_cache().get(GENERATION_KEY)
    except Exception:  # noqa: BLE001 - any cache failure means "no cache", never an error page
        logger.warning("Page cache unavailable")
        return None
    if generation is None:
        generation = 1
        try:
            page_cache().add(GENERATION_KEY, generation, None)
        except Exception:  # noqa: BLE001
            return None
    return generation


def bump_generation():
    """Expires every cached page in every process that shares this cache. False when the cache could not be reached:
    then the expiry is owed, and paid when this process next reaches the cache (`expire_after_outage`) or, if it
    ends first, before it ends (`pay_owed_expiry_at_exit`)."""
    global _expiry_owed  # noqa: PLW0603 - what pay_owed_expiry_at_exit reads
    bumped = _bump()
    _expiry_owed = not bumped
    if not bumped:
        logger.warning("Could not expire the page cache now; it is expired when the cache is reachable again")
    return bumped


def _bump():
    cache = page_cache()
    try:
        return cache.incr(GENERATION_KEY) is not None  # the tolerant Redis backend answers None in an outage
    except ValueError:
        return bool(cache.add(GENERATION_KEY, 2, None))
    except Exception:  # noqa: BLE001 - a cache outage must never block a publish
        return False


# A process that could not expire the cache and ends before it reaches the cache again (cron's `publish_scheduled`,
# a shell, an import) would take the expiry with it: no web worker may have seen the outage, so none replays it, and
# the old pages would be served until their lifetime ends. So such a process waits at its end for the cache, up to
# PAGE_CACHE_OWED_EXPIRY_WAIT seconds. Web workers do not wait (gunicorn.conf.py's post_fork turns it off): they
# pay it when they next reach the cache, and must not hold up their own restart.
_expiry_owed = False
wait_at_exit_for_owed_expiry = True


@atexit.register
def pay_owed_expiry_at_exit():
    if not (_expiry_owed and wait_at_exit_for_owed_expiry):
        return  # the usual case, in every process that imports this module
    wait = settings.PAGE_CACHE_OWED_EXPIRY_WAIT
    if wait <= 0:
        return
    logger.warning("Waiting up to %s s for the cache, to expire the pages this process's changes made stale", wait)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if _bump():
            logger.warning("Cache reachable again: cached pages expired")
            return
        time.sleep(1)
    logger.error(
        "Cache still unreachable: pages cached before this process's changes may be served for up to %s s",
        settings.PAGE_CACHE_SECONDS,
    )


@receiver(cache_recovered)
def expire_after_outage(sender, **kwargs):
    """A publish made while the cache was unreachable could not expire the pages it holds (they survive a blip in
    Redis's memory). So every process that saw the outage expires them once the cache answers again: the first cache
    call after the outage ends, at most the backend's retry interval (5 s) after Redis returns. The price, every page
    rendered once more after each outage, is a few dozen renders."""
    global _expired_after_outage  # noqa: PLW0603 - a counter current_generation() compares
    bump_generation()
    _expired_after_outage += 1


_expired_after_outage = 0


def public_cache_control():
    return (
        f"public, max-age={settings.PAGE_BROWSER_MAX_AGE}, s-maxage={settings.PAGE_CDN_MAX_AGE}, "
        f"stale-while-revalidate={settings.PAGE_STALE_WHILE_REVALIDATE}, stale-if-error={settings.PAGE_STALE_IF_ERROR}"
    )


def request_is_cacheable(request):
    if request.method not in ("GET", "HEAD"):
        return False
    path = request.path
    if is_admin_request(request) or path.startswith(NEVER_CACHED_PREFIXES):
        return False
    if any(name in request.COOKIES for name in STAFF_COOKIES):
        return False
    return not request.headers.get("Authorization")


def response_is_cacheable(request, response):
    if response.streaming or response.cookies:
        return False
    if response.status_code in CACHEABLE_REDIRECTS:
        location = urlsplit(response.get("Location", ""))
        if location.path == request.path + "/":
            return False  # Django's APPEND_SLASH (which keeps the query string): any path at all gets one
        if location.query:
            return False  # it carries this request's ?via= code: the bare redirect is kept, each code added on a hit
    elif response.status_code != 200:
        return False
    cache_control = response.get("Cache-Control", "")
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    # We key on the URL only; a response that varies on anything else is not ours to share.
    return vary <= {"accept-encoding", "cookie"}


def query_params_used(request):
    """The view's own query parameters (sorted, as a query string) for the key; every other parameter is ignored."""
    if not request.META.get("QUERY_STRING"):
        return ""  # most requests: no need to find the view (resolving was a tenth of a cache hit's time)
    try:
        names = getattr(resolve(request.path_info).func, "page_cache_query", ())
    except Resolver404:
        return ""
    return urlencode(sorted((name, request.GET[name]) for name in names if name in request.GET))


def cache_key(request, generation):
    """A fixed-length digest: what a visitor puts in the path never reaches a key (nor the warnings Django's cache
    backends log about long or odd keys, which would carry it into the logs)."""
    query = query_params_used(request)
    address = f"{request.scheme}:{request.get_host()}:{request.path}" + (f"?{query}" if query else "")
    return f"page:{generation}:{hashlib.sha256(address.encode('utf-8', 'surrogateescape')).hexdigest()}"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = None
        if settings.PAGE_CACHE_ENABLED and request_is_cacheable(request):
            try:
                generation = current_generation()
                key = cache_key(request, generation) if generation is not None else None
            except Exception:  # noqa: BLE001 - e.g. a disallowed Host header; let the normal path answer it
                key = None
            if key:
                stored = self._read(key)
                if stored is not None:
                    return carry_channel(request, stored)

        response = self.get_response(request)
        self._set_cache_control(request, response)
        if key and response_is_cacheable(request, response):
            self._store(key, response)
        elif key:
            response["X-Page-Cache"] = "bypass"
        return response

    def _set_cache_control(self, request, response):
        if is_admin_request(request):
            # Admin pages hold unpublished drafts and personal data: never in any cache, shared or private.
            response["Cache-Control"] = "private, no-store"
            return
        if response.has_header("Cache-Control"):
            return
        # Short addresses are editable, so their redirects get the page lifetimes too (a bare 301 is kept by
        # browsers for good).
        shareable = response.status_code == 200 or (
            response.status_code in CACHEABLE_REDIRECTS and response_is_cacheable(request, response)
        )
        if request.method in ("GET", "HEAD") and shareable and not response.cookies:
            response["Cache-Control"] = public_cache_control()
        elif response.status_code >= 500:
            response["Cache-Control"] = "no-store"

    def _read(self, key):
        try:
            stored = page_cache().get(key)
        except Exception:  # noqa: BLE001
            return None
        if not stored:
            return None
        status, headers, content = stored
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response

    def _store(self, key, response):
        response["X-Page-Cache"] = "miss"
        headers = [(name, value) for name, value in response.items() if name.lower() != "x-page-cache"]
        try:
            page_cache().set(key, (response.status_code, headers, response.content), settings.PAGE_CACHE_SECONDS)
        except Exception:  # noqa: BLE001
            logger.warning("Could not store a page in the cache")
