"""PO files for translators who never sign in to the admin, built on wagtail-localize.

The comms team exports one page for one language (`export_translation_po`), sends the file to a professional
translator, and imports what comes back (`import_translation_po`). The file carries wagtail-localize's translation
id, so an import finds its page by itself; it is all or nothing and names the line of any entry it cannot place.
The imported words are saved as a draft of the translated page for the comms team to review and publish in the
admin (or published at once with `--publish`). Translators can also use wagtail-localize's own "Download PO" and
"Upload PO" in the admin's translation editor: the same format.
"""

from dataclasses import dataclass

import polib
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringNotUsedInContext,
    Translation,
    TranslationSource,
    UnknownContext,
    UnknownString,
)


class TranslatorFileError(Exception):
    """Nothing was imported; the message names the line(s) of the problem."""


@dataclass(frozen=True)
class SourceStatus:
    translation: Translation
    source_changed: bool  # the English page has a newer revision than the words the translation was made from


def locale_for(language_code):
    return Locale.objects.get_or_create(language_code=language_code)[0]


def translation_for(page, language_code):
    """The wagtail-localize translation of `page` into the language, made (from the page as it is now) if new."""
    source, created = TranslationSource.get_or_create_from_instance(page.specific)
    if not created and source_changed_since(source, page):
        # Export the English as it is now: translators work from the current wording.
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale_for(language_code), defaults={"enabled": True}
    )
    return translation


def source_changed_since(source, page):
    """True when the English page was edited after the words this translation source holds were taken."""
    latest = page.specific.latest_revision_created_at or page.last_published_at
    return bool(latest and source.last_updated_at and latest > source.last_updated_at)


def export_po(page, language_code):
    """The page's words, with any translation already made, as a PO file (polib.POFile)."""
    translation = translation_for(page, language_code)
    po = translation.export_po()
    page_title = page.specific.title
    po.metadata["Language"] = language_code
    po.metadata["X-Page"] = f"{page_title} ({page.url_path})"
    po.metadata["PO-Revision-Date"] = timezone.now().strftime("%Y-%m-%d %H:%M%z")
    return po


def read_po(text):
    try:
        return polib.pofile(text)
    except (OSError, ValueError) as exc:
        raise TranslatorFileError(f"Not a PO file: {exc}") from exc


def describe(po, problem):
    """ "line 12: ..." for one of wagtail-localize's import warnings."""
    entries = list(po)
    entry = entries[problem.index] if problem.index < len(entries) else None
    where = f"line {entry.linenum}" if entry is not None else f"entry {problem.index + 1}"
    if isinstance(problem, UnknownString):
        return f'{where}: the English "{problem.string[:80]}" is not on the page (changed since the export?)'
    if isinstance(problem, UnknownContext):
        return f'{where}: "{problem.context}" is not a part of this page'
    if isinstance(problem, StringNotUsedInContext):
        return f'{where}: the English "{problem.string[:80]}" is not used in "{problem.context}"'
    return f"{where}: {problem!r}"


def import_po(po, user=None, publish=False):
    """Imports a translator's PO file into its page's translation; returns the translated page.

    Raises TranslatorFileError (nothing changed) when the file names no translation of ours or when any entry does
    not match the page's words.
    """
    translation_id = po.metadata.get("X-WagtailLocalize-TranslationID")
    translation = Translation.objects.filter(uuid=translation_id).first() if translation_id else None
    if translation is None:
        raise TranslatorFileError(
            "This file does not say which page it translates (no X-WagtailLocalize-TranslationID header from "
            "export_translation_po)."
        )
    with transaction.atomic():
        problems = translation.import_po(po, user=user, tool_name="PO file")
        if problems:
            # Leaving the block by an exception rolls back what import_po already wrote.
            raise TranslatorFileError("Nothing was imported. " + "; ".join(describe(po, p) for p in problems))
        # Saved as a draft revision, then published here from a fresh copy if asked: wagtail-localize would publish
        # when the outermost transaction commits, from the copy it holds, whose tree counts may be stale by then
        # (a page translated before its children would lose them from the tree).
        existing = Page.objects.filter(
            translation_key=translation.source.object_id, locale=translation.target_locale
        ).first()
        live_revision = existing.specific.live_revision if existing is not None and existing.live else None
        translation.save_target(user=user, publish=False)
        page = Page.objects.get(translation_key=translation.source.object_id, locale=translation.target_locale)
        if publish:
            page.specific.get_latest_revision().publish(user=user)
            page.refresh_from_db()
        elif live_revision is not None:
            # wagtail-localize writes the new words into the page's own row as well as a draft revision, which
            # would put them live unreviewed: the row goes back to what was published, the draft stays for review.
            draft = page.specific.get_latest_revision()
            published = live_revision.as_object()
            published.has_unpublished_changes = True
            published.latest_revision = draft
            published.save(clean=False)
    return page.specific


def translation_statuses():
    """Every page translation, with whether its English source changed since it was last exported or synced."""
    statuses = []
    for translation in Translation.objects.select_related("source", "target_locale").filter(enabled=True):
        try:
            page = Page.objects.get(translation_key=translation.source.object_id, locale=translation.source.locale)
        except Page.DoesNotExist:
            continue
        statuses.append(SourceStatus(translation, source_changed_since(translation.source, page)))
    return statuses
