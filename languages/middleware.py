"""Activates the language named by the address, and only by the address.

Django's LocaleMiddleware would also read a language cookie and Accept-Language, and adds `Vary: Accept-Language`
to every English answer: that would set the visitor's choice aside from the URL and make each page vary by
browser, so the page cache (operations/page_cache.py) could not share it. Here the first path segment decides
(`/ar/...` Arabic, anything else English); the answer says which in Content-Language.
"""

from django.utils import translation

from .catalog import language_of_path


class LanguageFromPathMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = language_of_path(request.path_info)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        try:
            response = self.get_response(request)
            response.headers.setdefault("Content-Language", language)
            return response
        finally:
            translation.deactivate()
