"""The admin marks every page in a language not yet professionally reviewed, and says when its English changed."""

from django.conf import settings
from django.contrib import messages
from wagtail import hooks
from wagtail.models import Page

from .translator_files import source_changed_since


@hooks.register("before_edit_page")
def mark_draft_translation(request, page):
    language = page.locale.language_code
    if request.method != "GET" or language == settings.LANGUAGE_CODE:
        return None
    if language not in settings.REVIEWED_LANGUAGES:
        messages.warning(
            request,
            "Draft translation awaiting professional review: visitors see it labelled so, in the language and in "
            "English. Export it for a translator with `manage.py export_translation_po` (docs/languages.md).",
        )
    english = Page.objects.filter(translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE)
    source = _translation_source(english.first())
    if source is not None and source_changed_since(source, english.first()):
        messages.warning(
            request, "The English page has changed since this translation was made: update it before publishing."
        )
    return None


def _translation_source(english_page):
    from wagtail_localize.models import TranslationSource

    if english_page is None:
        return None
    return TranslationSource.objects.filter(object_id=english_page.translation_key).order_by("-last_updated_at").first()
