"""The site's languages: which there are, what each is called in itself, which way it is written.

English keeps the addresses it always had (`/stories/lillian/`); every other language lives under its code
(`/bn/stories/lillian/`). The language is in the address and nowhere else: no cookie, no session, no guess from
Accept-Language, so one address is one page in one language and every cache can key on the address alone
(docs/languages.md explains the choice of languages).
"""

from django.conf import settings
from django.utils.translation import get_language_info

DEFAULT = settings.LANGUAGE_CODE


def codes():
    """Every language code the site offers, English first."""
    return [code for code, _name in settings.LANGUAGES]


def is_rtl(code):
    return bool(get_language_info(code)["bidi"])


def direction(code):
    return "rtl" if is_rtl(code) else "ltr"


def own_name(code):
    """The language's name in itself (বাংলা, العربية, اردو): what a reader who does not read English looks for."""
    return dict(settings.LANGUAGES)[code]


def prefix(code):
    """The address prefix of a language: "" for English, "/bn" for Bengali."""
    return "" if code == DEFAULT else f"/{code}"


def html_lang(code):
    """BCP 47 for <html lang> and hreflang: en-GB, bn, ar ..."""
    language, _, region = code.partition("-")
    return f"{language}-{region.upper()}" if region else language


def language_of_path(path):
    """The language an address is in: its first segment when that is one of ours, else English."""
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in codes() and first != DEFAULT else DEFAULT
