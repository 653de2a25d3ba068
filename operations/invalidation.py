"""What to expire when content changes: our page cache (all of it) and the CDN (every URL that shows the change)."""

import logging
from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.utils import PurgeBatch, purge_urls_from_cache
from wagtail.models import Page, Site

from stories.models import EMBED_CARD_PATH

from .page_cache import bump_generation

logger = logging.getLogger(__name__)


def cdn_configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def urls_showing(page):
    """Full URLs a CDN may hold that show `page`: the paths its type caches (Wagtail's `get_cached_paths`; a story
    adds its embed card) for itself and its ancestors (story index, home), the oEmbed answers describing a page that
    has an embed card, and the sitemap. None without a CDN: there is nothing to purge, so nothing is worked out."""
    if not cdn_configured():
        return []
    page = page.specific_deferred
    batch = PurgeBatch()
    if page.url_path:
        batch.add_page(page)
    batch.add_pages(page.get_ancestors().filter(depth__gt=1).specific(defer=True))
    root_url = _root_url(page)
    if root_url:
        page_url = page.get_full_url(batch) if page.url_path else None
        if page_url and EMBED_CARD_PATH in page.get_cached_paths():
            for extra in ({}, {"format": "json"}):
                batch.add_url(f"{root_url}/oembed/?{urlencode({'url': page_url, **extra})}")
        batch.add_url(f"{root_url}/sitemap.xml")
    return sorted(batch.urls)


def every_public_url():
    if not cdn_configured():
        return []
    urls = set()
    for page in Page.objects.live().public().filter(depth__gt=1).specific(defer=True):
        urls.update(urls_showing(page))
    return sorted(urls)


def _root_url(page):
    site = page.get_site() or Site.objects.filter(is_default_site=True).first()
    return site.root_url.rstrip("/") if site else None


def content_changed(urls):
    """Expire our page cache now and again after the transaction commits (so no other process can re-cache the old
    version in between), then ask the CDN to drop the URLs."""
    bump_generation()

    def after_commit():
        bump_generation()
        if urls and cdn_configured():
            try:
                purge_urls_from_cache(urls)
            except Exception:  # noqa: BLE001 - a CDN hiccup must not fail a publish; its TTL still bounds staleness
                logger.exception("CDN purge failed")

    transaction.on_commit(after_commit)
