"""Writes a page's words for one language to a PO file a translator can work on without admin access."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from languages.translator_files import export_po


class Command(BaseCommand):
    help = "Export a page's words as a PO file for a translator: export_translation_po /stories/lillian/ ar"

    def add_arguments(self, parser):
        parser.add_argument("page", help="the English page: its address (/stories/lillian/) or its id")
        parser.add_argument("language", help="language code, e.g. ar, bn, ur")
        parser.add_argument("-o", "--output", help="file to write (default: <slug>.<language>.po)")

    def handle(self, page, language, output=None, **options):
        codes = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
        if language not in codes:
            raise CommandError(f"Unknown language {language!r}: one of {', '.join(codes)}.")
        source = find_page(page)
        po = export_po(source, language)
        path = Path(output or f"{source.slug}.{language}.po")
        path.write_text(str(po), encoding="utf-8")
        done = sum(1 for entry in po if entry.msgstr and not entry.obsolete)
        total = sum(1 for entry in po if not entry.obsolete)
        self.stdout.write(f"Wrote {path}: {total} texts of “{source.title}”, {done} already translated.")


def find_page(reference):
    from django.conf import settings as django_settings

    english = Page.objects.filter(locale__language_code=django_settings.LANGUAGE_CODE)
    if reference.isdigit():
        page = english.filter(pk=int(reference)).first()
    else:
        path = "/" + reference.strip("/") + "/" if reference.strip("/") else "/"
        page = next((p for p in english.live().specific() if p.url == path), None)
    if page is None:
        raise CommandError(f"No English page {reference!r}.")
    return page
