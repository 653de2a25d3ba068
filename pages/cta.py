"""The call-to-action values (phone number, online form, anonymity line, quick exit) from the one site setting.

Pages read them from the database through `CampaignSettings`. The 500 page must render with
the database down, so the last saved values are also kept in the cache and in this process.
"""

import logging

from django.conf import settings
from django.core.cache import cache

CACHE_KEY = "campaign:call-to-action"
FIELDS = ("phone_display", "phone_tel", "online_form_url", "anonymity_line", "hashtag", "quick_exit_url")

logger = logging.getLogger(__name__)
_last_known = {}


def values_from(campaign_settings):
    return {field: getattr(campaign_settings, field) for field in FIELDS}


def remember(values):
    """Keeps the values where the 500 page can find them without the database."""
    _last_known.update(values)
    try:
        cache.set(CACHE_KEY, values, None)
    except Exception:  # the cache being down must never break a save or a page
        logger.warning("Could not store the call-to-action in the cache")


def without_database():
    """The call-to-action for error pages: cache, then this process, then the environment defaults."""
    try:
        cached = cache.get(CACHE_KEY)
    except Exception:
        cached = None
    return {**settings.CRIMESTOPPERS_DEFAULTS, **_last_known, **(cached or {})}
