"""`home_url` (this language's home page) and `site_messages` (site.js's words) in every template, error pages
included: neither reads the database."""

from django.utils import translation

from . import catalog
from .messages import site_messages


def language_context(request):
    return without_request()


def without_request():
    """The same, for the error pages rendered without a request (and so without context processors)."""
    language = translation.get_language() or catalog.DEFAULT
    return {"home_url": catalog.prefix(language) + "/", "site_messages": site_messages()}
