"""`{% share_meta %}` for every page's head and `{% share_links page %}` under each story."""

import logging
from urllib.parse import urlencode

from django import template
from django.template.loader import render_to_string

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


def _shareable_story(page):
    """A story whose own words may go into share metadata (none of its shared text is a placeholder)."""
    return _is_story(page) and page.specific.ready_to_share


@register.inclusion_tag("components/share_meta.html", takes_context=True)
def share_meta(context, title=None):
    """Description, canonical URL, Open Graph and Twitter card tags, all absolute from SITE_URL."""
    page = context.get("page")
    cta = _cta(context)
    if page is not None and not hasattr(page, "get_url_parts"):
        page = None  # a template variable called `page` that is not a Wagtail page
    if page is not None:
        title = title or page.seo_title or page.title
    if _is_story(page) and not page.specific.ready_to_share:
        title = SITE_NAME  # the campaign's own words until the story's are no longer placeholders
    story = _shareable_story(page)
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


@register.simple_tag(takes_context=True)
def share_links(context, story):
    """The share links under a story; nothing for a story not yet ready to share (placeholder text left)."""
    if not story.ready_to_share:
        return ""
    values = {**share_links_for(story, _cta(context)), "heading_id": "share-heading"}
    return render_to_string("components/share_links.html", values)
