"""The event endpoint: `POST /events/` (beacons) and `POST /events/poll/` (the poll form without JavaScript).

Strict: a known event, a live page, a well-formed channel, a small body of the right type; otherwise 400 and
nothing is stored. Known bots get 204 and are not counted. It never answers 500: if the database is down the
visitor's page is unaffected and the beacon gets a quiet 503.
"""

import json
import logging
import time

from django.conf import settings
from django.db import DatabaseError, IntegrityError
from django.http import HttpResponse, HttpResponseRedirect
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from . import counters
from .guards import burst_limit, is_known_bot, live_page_ids
from .vocabulary import CHANNEL_PATTERN, EVENTS, normalise_channel

# No request details in these messages: the path is fixed and nothing about the visitor is logged.
logger = logging.getLogger(__name__)

BEACON_TYPES = {"text/plain", "application/json"}
POLL_ANSWERS = {"yes": "poll_yes", "no": "poll_no"}


class Rejected(Exception):
    pass


def _empty(status):
    response = HttpResponse(status=status)
    response["Cache-Control"] = "no-store"
    # Django would log every 4xx/5xx here through django.request; the outcome is the answer, not news.
    response._has_been_logged = True
    return response


class _QuietWarning:
    """Logs a database outage once a minute per process, not once per beacon."""

    interval = 60.0

    def __init__(self):
        self.next_at = 0.0

    def __call__(self, message):
        now = time.monotonic()
        if now >= self.next_at:
            self.next_at = now + self.interval
            logger.warning(message)


database_unavailable = _QuietWarning()


def _read_body(request, allowed_types):
    if request.content_type not in allowed_types:
        raise Rejected
    try:
        length = int(request.headers.get("content-length") or 0)
    except ValueError:
        raise Rejected from None
    if length <= 0 or length > settings.INSIGHTS_MAX_BODY_BYTES:
        raise Rejected
    # The WSGI input is limited to CONTENT_LENGTH, so this reads at most the size checked above.
    body = request.body
    if len(body) > settings.INSIGHTS_MAX_BODY_BYTES:
        raise Rejected
    return body


def parse_event(payload):
    """(page_id, event, channel) from a decoded payload, or Rejected."""
    if not isinstance(payload, dict) or set(payload) - {"e", "p", "c"}:
        raise Rejected
    event, page_id, channel = payload.get("e"), payload.get("p"), payload.get("c", "direct")
    if not isinstance(event, str) or event not in EVENTS:
        raise Rejected
    # bool is an int in Python; a page id is not.
    if isinstance(page_id, str) and page_id.isascii() and page_id.isdigit() and len(page_id) <= 12:
        page_id = int(page_id)
    if not isinstance(page_id, int) or isinstance(page_id, bool) or not 0 < page_id < 2**31:
        raise Rejected
    if not isinstance(channel, str) or not CHANNEL_PATTERN.match(channel):
        raise Rejected
    return page_id, event, channel


def _count(page_id, event, channel):
    """Count one event; returns the HTTP status for the beacon."""
    if page_id not in live_page_ids.get():
        return 400
    if not burst_limit.allow(page_id, event):
        return 429
    counters.increment(page_id, event, normalise_channel(channel))
    return 204


@csrf_exempt  # No cookie is ever set or read here, so there is no session to forge.
@require_POST
@never_cache
def event(request):
    try:
        body = _read_body(request, BEACON_TYPES)
        try:
            payload = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise Rejected from None
        page_id, event_name, channel = parse_event(payload)
        if is_known_bot(request):
            return _empty(204)
        return _empty(_count(page_id, event_name, channel))
    except (Rejected, IntegrityError):
        # IntegrityError: the page was deleted in the last minute, while another process still thought it live.
        return _empty(400)
    except DatabaseError:
        database_unavailable("Insights: events are not being counted because the database is unavailable.")
        return _empty(503)


@csrf_exempt
@require_POST
@never_cache
def poll(request):
    """The awareness poll as a plain form, for visitors without JavaScript: count, then back to a thank-you note.

    With JavaScript the same answer goes to /events/ as a beacon and this view is not used.
    """
    try:
        _read_body(request, {"application/x-www-form-urlencoded"})
        answer = request.POST.get("answer")
        if answer not in POLL_ANSWERS or set(request.POST) - {"answer", "p", "c"}:
            raise Rejected
        page_id, event_name, channel = parse_event(
            {"e": POLL_ANSWERS[answer], "p": request.POST.get("p"), "c": request.POST.get("c") or "other"}
        )
        status = 204 if is_known_bot(request) else _count(page_id, event_name, channel)
        if status == 400:
            raise Rejected
        page = Page.objects.live().filter(id=page_id).first()
        url = page.url if page else "/"
        return HttpResponseRedirect(f"{url or '/'}#poll-thanks", status=303)
    except (Rejected, IntegrityError):
        # IntegrityError: the page was deleted in the last minute, while another process still thought it live.
        return _empty(400)
    except DatabaseError:
        database_unavailable("Insights: events are not being counted because the database is unavailable.")
        return _empty(503)
