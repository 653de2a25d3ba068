"""`home_url` (this language's home page) and `site_messages` (site.js's words) in every template, error pages
included: neither reads the database."""

from django.utils import translation

from . import catalog
from .messages import site_messages


def language_context(request):
    language = translation.get_language() or catalog.DEFAULT
    return {"home_url": catalog.prefix(language) + "/", "site_messages": site_messages()}
