"""robots.txt, /.well-known/security.txt (RFC 9116) and /favicon.ico."""

import datetime
import logging

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from pages.links import absolute_url

PLAIN = "text/plain; charset=utf-8"
logger = logging.getLogger(__name__)


def _text(lines, max_age):
    response = HttpResponse("\n".join(lines) + "\n", content_type=PLAIN)
    patch_cache_control(response, public=True, max_age=max_age)
    return response


@require_safe
def robots_txt(request):
    """Lets crawlers read the public site and names the sitemap.

    It does not name the admin's path: robots.txt is public, and would tell anyone where to guess passwords. Admin
    answers carry `X-Robots-Tag: noindex, nofollow` instead (operations/privacy_headers.py).
    """
    return _text(
        [
            "User-agent: *",
            "Allow: /",
            "",
            f"Sitemap: {absolute_url('/sitemap.xml')}",
        ],
        max_age=86400,
    )


def security_expires(now=None):
    """SECURITY_TXT_EXPIRES if set (the day a person reviews the file), else 180 days ahead, at midnight UTC.

    RFC 9116 asks for less than a year ahead; a generated date that moves forward keeps the file valid
    as long as the site runs with a contact that someone reads.
    """
    day = None
    if settings.SECURITY_TXT_EXPIRES:
        try:
            day = datetime.date.fromisoformat(settings.SECURITY_TXT_EXPIRES)
        except ValueError:
            logger.error("SECURITY_TXT_EXPIRES is not an ISO date (YYYY-MM-DD); using 180 days ahead")
    if day is None:
        day = (now or timezone.now()).astimezone(datetime.UTC).date() + datetime.timedelta(days=180)
    return datetime.datetime.combine(day, datetime.time(0, 0), tzinfo=datetime.UTC)


@require_safe
def security_txt(request):
    lines = []
    if settings.SECURITY_CONTACT == settings.SECURITY_CONTACT_PLACEHOLDER:
        lines.append("# Placeholder contact: set SECURITY_CONTACT to the team's real address before launch.")
    lines += [
        f"Contact: {settings.SECURITY_CONTACT}",
        f"Expires: {security_expires().strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: en",
        f"Canonical: {absolute_url('/.well-known/security.txt')}",
    ]
    if settings.SECURITY_POLICY_URL:
        lines.append(f"Policy: {settings.SECURITY_POLICY_URL}")
    return _text(lines, max_age=3600)


# Browsers ask for /favicon.ico whatever the page says (and the embed card's partners' pages never say): a 404
# there is a console error on every first visit. The file is static/favicon.ico (scripts/make_favicon.py).
FAVICON = settings.BASE_DIR / "static" / "favicon.ico"


@require_safe
def favicon(request):
    response = HttpResponse(FAVICON.read_bytes(), content_type="image/vnd.microsoft.icon")
    patch_cache_control(response, public=True, max_age=7 * 86400)
    return response
