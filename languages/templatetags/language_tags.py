"""{% language_switcher %}, {% hreflang_links %} and the attributes of <html> for the active language."""

from django import template
from django.utils import translation

from languages import alternates, catalog

register = template.Library()


@register.simple_tag
def html_lang():
    return catalog.html_lang(translation.get_language() or catalog.DEFAULT)


@register.simple_tag
def html_dir():
    return catalog.direction(translation.get_language() or catalog.DEFAULT)


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Every language named in itself, each linking to this page in it (or to its home page)."""
    current = translation.get_language() or catalog.DEFAULT
    if context.get("without_database"):  # the 500 page: every language's home page, no query
        return {"links": alternates.home_links(catalog.codes()), "current": current}
    return {"links": alternates.switcher_links(context.get("page")), "current": current}


@register.inclusion_tag("components/hreflang_links.html", takes_context=True)
def hreflang_links(context):
    """<link rel="alternate" hreflang> for each language this page is live in, and x-default (English)."""
    links = alternates.page_alternates(context.get("page"))
    if len(links) < 2:
        return {"links": [], "default": None}
    default = next((link for link in links if link.code == catalog.DEFAULT), None)
    return {"links": links, "default": default}
