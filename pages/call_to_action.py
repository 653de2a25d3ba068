"""What every page shows around its content: the call-to-action (phone number, online form, anonymity line, quick
exit) and the links to the key pages (stories, anonymity, support, accessibility, privacy), from the site settings.

Pages read them from the database. The 500 page must render with the database down, so the last values seen are
also kept in the cache and in this process (`without_database`).
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import translation
from wagtail.models import Page

from .models import CampaignSettings, KeyPages

CACHE_KEY = "campaign:call-to-action"
FIELDS = (
    "phone_display",
    "phone_tel",
    "online_form_url",
    "youth_service_url",
    "anonymity_line",
    "hashtag",
    "quick_exit_url",
)

logger = logging.getLogger(__name__)
_last_known = {}


def values_from(campaign_settings):
    return {field: getattr(campaign_settings, field) for field in FIELDS}


def key_page_urls(key_pages, request=None):
    """{"stories": "/stories/", "anonymity": ..., ...} for the key pages chosen in the settings that are live."""
    ids = {name: getattr(key_pages, f"{name}_page_id") for name in KeyPages.NAMES}
    pages = Page.objects.live().in_bulk([page_id for page_id in ids.values() if page_id])
    urls = {}
    for name, page_id in ids.items():
        page = pages.get(page_id)
        # The page in the visitor's language when it has a live translation (Wagtail's `localized`), else itself.
        page = page.localized if page is not None else None
        url = page.get_url(request) if page is not None else None
        if url:
            urls[name] = url
    return urls


def remember(values):
    """Keeps the values where the 500 page can find them without the database."""
    if _last_known == values:
        return
    _last_known.clear()
    _last_known.update(values)
    try:
        cache.set(CACHE_KEY, values, None)
    except Exception:  # noqa: BLE001 - the cache being down must never break a save or a page
        logger.warning("Could not store the call-to-action in the cache")


def without_database():
    """The template context for error pages: from the cache, else this process, else the environment defaults."""
    try:
        cached = cache.get(CACHE_KEY)
    except Exception:  # noqa: BLE001
        cached = None
    known = cached or _last_known
    return {
        "cta": {**settings.CRIMESTOPPERS_DEFAULTS, **known.get("cta", {})},
        "key_pages": known.get("key_pages", {}),
    }


def cta_for(request):
    """The call-to-action for this request's site, or the last known copy if the database cannot be read."""
    try:
        return values_from(CampaignSettings.for_request(request))
    except (DatabaseError, AttributeError):
        return without_database()["cta"]


def context_processor(request):
    """`cta` and `key_pages` in every template."""
    try:
        values = {
            "cta": values_from(CampaignSettings.for_request(request)),
            "key_pages": key_page_urls(KeyPages.for_request(request), request),
        }
    except (DatabaseError, AttributeError):
        # No database, or no site for this host: the number must still show.
        logger.warning("Call-to-action read from the fallback copy")
        return without_database()
    if translation.get_language() == settings.LANGUAGE_CODE:
        remember(values)  # the 500 page's copy holds the English addresses, whatever language was served last
    return values


@receiver(post_save, sender=CampaignSettings)
def remember_call_to_action(sender, instance, **kwargs):
    known = without_database()
    remember({**known, "cta": values_from(instance)})
