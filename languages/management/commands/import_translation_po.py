"""Imports a translator's PO file: all or nothing, saved as a draft of the translated page to review in the admin."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from languages.translator_files import TranslatorFileError, import_po, read_po


class Command(BaseCommand):
    help = "Import a translator's PO file (from export_translation_po) into the translated page, as a draft"

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--publish", action="store_true", help="publish at once instead of saving a draft")

    def handle(self, file, publish=False, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No file {file}.")
        try:
            page = import_po(read_po(path.read_text(encoding="utf-8")), publish=publish)
        except TranslatorFileError as exc:
            raise CommandError(str(exc)) from exc
        state = "published" if publish else "saved as a draft for review in the admin"
        self.stdout.write(f"Imported {path} into “{page.title}” ({page.locale.language_code}): {state}.")
