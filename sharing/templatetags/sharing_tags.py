"""`{% share_meta %}` for every page's head and `{% share_links page %}` under each story."""

import logging
from urllib.parse import urlencode

from django import template

from pages import call_to_action
from pages.links import absolute_url, page_url, relative_to_site
from sharing import cards
from sharing.share_links import share_links_for

register = template.Library()
logger = logging.getLogger(__name__)
SITE_NAME = "Hard calls save lives"


def _cta(context):
    return context.get("cta") or call_to_action.without_database()["cta"]


def _share_image(page, cta):
    try:
        return cards.share_image_for(page, cta)
    except Exception:  # noqa: BLE001
        # A missing portrait, a database or storage outage (S3 raises its own errors) must never break the page.
        logger.warning("Share image unavailable", exc_info=True)
        return None


def _is_story(page):
    return page is not None and hasattr(page.specific, "hard_call")


@register.inclusion_tag("components/share_meta.html", takes_context=True)
def share_meta(context, title=None):
    """Description, canonical URL, Open Graph and Twitter card tags, all absolute from SITE_URL."""
    page = context.get("page")
    cta = _cta(context)
    if page is not None and not hasattr(page, "get_url_parts"):
        page = None  # a template variable called `page` that is not a Wagtail page
    if page is not None:
        title = title or page.seo_title or page.title
    story = _is_story(page)
    url = page_url(page) if page is not None else ""
    # The 500 page renders without a request and must not touch storage: it gets no image.
    image = _share_image(page, cta) if context.get("request") is not None else None
    return {
        "site_name": SITE_NAME,
        "title": title or SITE_NAME,
        "description": cards.description_for(page),
        "url": url,
        "type": "article" if story else "website",
        "image": image,
        "oembed_url": absolute_url("/oembed/?" + urlencode({"url": url, "format": "json"})) if story and url else "",
    }


@register.filter
def site_relative(url):
    """Our own absolute URL as a path, so the page loads it from whatever origin served the page."""
    return relative_to_site(url)


@register.inclusion_tag("components/share_links.html", takes_context=True)
def share_links(context, story):
    return {**share_links_for(story, _cta(context)), "heading_id": "share-heading"}
