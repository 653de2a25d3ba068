"""Absolute addresses built from SITE_URL, never from the request's Host header.

Share metadata, the embed code, oEmbed, the sitemap and the toolkit all publish our addresses to other sites;
they must name the site's real address even when a request arrived under another host name.
"""

from urllib.parse import urlsplit

from django.conf import settings


def absolute_url(url):
    """Makes a site-relative URL absolute with the configured site address (SITE_URL)."""
    if not url:
        return ""
    if urlsplit(url).scheme:
        return url
    return settings.SITE_URL.rstrip("/") + "/" + url.lstrip("/")


def relative_to_site(url):
    """Strips SITE_URL from one of our absolute URLs; other URLs (a CDN, S3) are returned as they are."""
    base = settings.SITE_URL.rstrip("/")
    return url[len(base) :] if url.startswith(base + "/") else url


def page_url(page):
    """The page's absolute public URL built from SITE_URL."""
    parts = page.get_url_parts()
    if parts is None:
        return ""
    return absolute_url(parts[2])


def rebase(url):
    """Replaces the scheme and host of an absolute URL by SITE_URL's (Wagtail builds them from the Site)."""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return absolute_url(path)
