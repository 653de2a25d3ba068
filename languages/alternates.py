"""The same page in every language it exists in: for the language switcher, hreflang links and the sitemap."""

import logging
from dataclasses import dataclass

from django.db import DatabaseError
from wagtail.models import Page

from pages.links import absolute_url

from . import catalog

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Alternate:
    code: str  # our language code (en-gb, bn ...)
    hreflang: str  # BCP 47 (en-GB, bn ...)
    name: str  # the language's name in itself
    direction: str  # ltr or rtl
    url: str  # site-relative
    is_page: bool  # True: this page in that language; False: that language's home page (no translation yet)

    @property
    def absolute(self):
        return absolute_url(self.url)


def home_url(code):
    return catalog.prefix(code) + "/"


def _alternate(code, url, is_page):
    return Alternate(code, catalog.html_lang(code), catalog.own_name(code), catalog.direction(code), url, is_page)


def translations_of(page):
    """{language code: live, public translation} for `page`, itself included."""
    found = {}
    for translation in page.get_translations(inclusive=True).live().public().select_related("locale"):
        found[translation.locale.language_code] = translation
    return found


def page_alternates(page):
    """Only the languages `page` is live in (hreflang and the sitemap: never point at a page that is not this one)."""
    if page is None or not getattr(page, "id", None):
        return []
    translations = translations_of(page)
    result = []
    for code in catalog.codes():
        translation = translations.get(code)
        url = translation.get_url() if translation is not None else None
        if url:
            result.append(_alternate(code, url, True))
    return result


def live_languages():
    """The languages whose home page is live; every language when the database cannot say (the 500 page)."""
    try:
        homes = Page.objects.filter(depth=2).live().values_list("locale__language_code", flat=True)
        live = set(homes)
    except DatabaseError:
        logger.warning("Language list read without the database")
        return catalog.codes()
    return [code for code in catalog.codes() if code in live] or catalog.codes()


def home_links(codes):
    return [_alternate(code, home_url(code), False) for code in codes]


def switcher_links(page=None):
    """One link per language: to this page in that language if it exists, else to that language's home page."""
    by_code = {}
    if page is not None and getattr(page, "id", None):
        try:
            by_code = {alternate.code: alternate for alternate in page_alternates(page)}
        except DatabaseError:
            by_code = {}
    return [by_code.get(code) or _alternate(code, home_url(code), False) for code in live_languages()]
