"""The demo pages in every other language of the site, as draft translations awaiting professional review.

Made the way the comms team makes them: wagtail-localize translations of the English pages, their words filled
in through the same PO files a translator returns (languages/translator_files.py), then published so visitors can
reach them. Every page in those languages says it is a draft translation (templates/base.html). Idempotent: a
language whose home page exists is left as it is, so an editor's work is never overwritten.
"""

from django.conf import settings
from wagtail.models import Page

from languages.translator_files import export_po, import_po, translation_for
from stories.models import StoryIndexPage, StoryPage

from .content import translations as content


def pages_to_translate(home):
    """Home, then the story index, then its live stories: each after its parent."""
    index = StoryIndexPage.objects.child_of(home).first()
    pages = [home]
    if index is not None:
        pages.append(index)
        pages.extend(StoryPage.objects.child_of(index).live().order_by("path"))
    return pages


def translate(home):
    """Creates each missing language's demo pages. Returns the language codes translated now."""
    done = []
    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        if Page.objects.filter(depth=home.depth, locale__language_code=code).exists():
            continue
        words = content.for_language(code)
        for page in pages_to_translate(home):
            translation_for(page, code)
            po = export_po(page, code)
            for entry in po:
                entry.msgstr = words.get(entry.msgid, entry.msgstr)
            import_po(po, publish=True)
        done.append(code)
    return done
