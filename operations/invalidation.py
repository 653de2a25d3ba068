"""What to expire when content changes: our page cache (all of it) and the CDN (every URL that shows the change)."""

import logging
from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Page, Site

from .page_cache import bump_generation

logger = logging.getLogger(__name__)


def urls_showing(page):
    """Full URLs of everything that shows `page`: itself, its ancestors (story index, home), its embed card and oEmbed
    answers if it is a story, and the sitemap."""
    urls = []
    page_url = page.specific_deferred.get_full_url() if page.url_path else None
    if page_url:
        urls.append(page_url)
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific(defer=True):
        ancestor_url = ancestor.get_full_url()
        if ancestor_url:
            urls.append(ancestor_url)
    root_url = _root_url(page)
    if root_url:
        if page_url and page.specific_class.__name__ == "StoryPage":
            urls.append(f"{root_url}/stories/{page.slug}/embed/")
            for extra in ({}, {"format": "json"}):
                urls.append(f"{root_url}/oembed/?{urlencode({'url': page_url, **extra})}")
        urls.append(f"{root_url}/sitemap.xml")
    return list(dict.fromkeys(urls))


def every_public_url():
    urls = []
    for page in Page.objects.live().public().filter(depth__gt=1).specific(defer=True):
        urls.extend(urls_showing(page))
    return list(dict.fromkeys(urls))


def _root_url(page):
    site = page.get_site() or Site.objects.filter(is_default_site=True).first()
    return site.root_url.rstrip("/") if site else None


def content_changed(urls):
    """Expire our page cache now and again after the transaction commits (so no other process can re-cache the old
    version in between), then ask the CDN to drop the URLs."""
    bump_generation()

    def after_commit():
        bump_generation()
        if urls and getattr(settings, "WAGTAILFRONTENDCACHE", None):
            try:
                purge_urls_from_cache(urls)
            except Exception:  # noqa: BLE001 - a CDN hiccup must not fail a publish; its TTL still bounds staleness
                logger.exception("CDN purge failed")

    transaction.on_commit(after_commit)
