"""{% language_switcher %}, {% hreflang_links %} and the attributes of <html> for the active language."""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from languages import alternates, catalog

register = template.Library()


@register.simple_tag
def html_lang():
    return catalog.html_lang(translation.get_language() or catalog.DEFAULT)


@register.simple_tag
def og_locale():
    """Open Graph's form of the language: en_GB, ar, bn ..."""
    return html_lang().replace("-", "_")


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


@register.filter
def translated_setting(value):
    """A campaign-settings wording (the anonymity line) in the page's language when the catalog has it."""
    return gettext(value) if value else value


@register.simple_tag
def is_draft_translation():
    """True on pages in a language whose translations are not yet professionally reviewed (REVIEWED_LANGUAGES)."""
    language = translation.get_language() or catalog.DEFAULT
    return language != catalog.DEFAULT and language not in settings.REVIEWED_LANGUAGES


@register.simple_tag
def english_url(page=None):
    """This page in English when it has a live English version, else the English home page."""
    for link in alternates.page_alternates(page) if page is not None else []:
        if link.code == catalog.DEFAULT:
            return link.url
    return "/"


@register.simple_tag
def default_caption_language(film):
    """The captions a film starts with: the page's language when the film has captions in it, else English ("en")."""
    language = (translation.get_language() or catalog.DEFAULT).split("-")[0]
    if language != "en" and film is not None and any(t.language == language for t in film.caption_tracks.all()):
        return language
    return "en"
