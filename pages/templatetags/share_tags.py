"""`{% share_meta %}` for every page's head and `{% share_links page %}` under each story."""

import logging
from urllib.parse import quote, urlencode

from django import template

from pages import cta as cta_values
from pages import share

register = template.Library()
logger = logging.getLogger(__name__)
SITE_NAME = "Hard calls save lives"


def _cta(context):
    return context.get("cta") or cta_values.without_database()


def _share_image(page, cta):
    try:
        if page is not None and hasattr(page.specific, "get_share_image"):
            return page.specific.get_share_image()
        return share.campaign_share_image(cta)
    except Exception:
        # A missing portrait, a database or storage outage (S3 raises its own errors) must never break the page.
        logger.warning("Share image unavailable", exc_info=True)
        return None


@register.inclusion_tag("components/share_meta.html", takes_context=True)
def share_meta(context, title=None):
    """Description, canonical URL, Open Graph and Twitter card tags, all absolute from SITE_URL."""
    page = context.get("page")
    cta = _cta(context)
    if page is not None and not hasattr(page, "get_url_parts"):
        page = None  # a template variable called `page` that is not a Wagtail page
    if page is not None:
        title = title or page.seo_title or page.title
    story = page is not None and hasattr(page.specific, "get_share_image") and hasattr(page.specific, "hard_call")
    url = share.page_url(page) if page is not None else ""
    # The 500 page renders without a request and must not touch storage: it gets no image.
    image = _share_image(page, cta) if context.get("request") is not None else None
    return {
        "site_name": SITE_NAME,
        "title": title or SITE_NAME,
        "description": share.description_for(page),
        "url": url,
        "type": "article" if story else "website",
        "image": image,
        "oembed_url": share.absolute_url("/oembed/?" + urlencode({"url": url, "format": "json"}))
        if story and url
        else "",
    }


@register.filter
def site_relative(url):
    """Our own absolute URL as a path, so the page loads it from whatever origin served the page."""
    return share.relative_to_site(url)


def share_text(story, cta):
    """The suggested words for a post about a story (the link and hashtag are added by each network)."""
    return f"{story.summary} Call Crimestoppers free and 100% anonymously on {cta['phone_display']}."


def share_links_for(story, cta, url=None):
    """Plain links to share a story: no third-party script runs until the visitor chooses a network."""
    url = url or share.page_url(story)
    hashtag = cta["hashtag"]
    text = share_text(story, cta)
    return {
        "url": url,
        "title": story.title,
        "text": f"{text} {hashtag}",
        "whatsapp": "https://wa.me/?" + urlencode({"text": f"{text} {hashtag} {url}"}, quote_via=quote),
        "x": "https://x.com/intent/post?"
        + urlencode({"text": text, "url": url, "hashtags": hashtag.lstrip("#")}, quote_via=quote),
        "facebook": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url, "hashtag": hashtag}),
        "email": "mailto:?"
        + urlencode({"subject": story.title, "body": f"{text} {hashtag}\n\n{url}"}, quote_via=quote),
    }


@register.inclusion_tag("components/share_links.html", takes_context=True)
def share_links(context, story):
    return {**share_links_for(story, _cta(context)), "heading_id": "share-heading"}
