"""Back up all content and media into a folder (see operations/backup.py and docs/publishing-a-story.md)."""

from django.core.management.base import BaseCommand, CommandError

from operations.backup import backup


class Command(BaseCommand):
    help = "Export all content (data.json) and media (media/) into OUT_DIR, a new or empty folder."

    def add_arguments(self, parser):
        parser.add_argument("out_dir")

    def handle(self, out_dir, **options):
        try:
            manifest = backup(out_dir)
        except ValueError as error:
            raise CommandError(str(error)) from error
        for name in manifest["missing_files"]:
            self.stderr.write(f"Missing from storage, not backed up: {name}")
        self.stdout.write(
            self.style.SUCCESS(f"Backed up {manifest['objects']} objects and {len(manifest['files'])} files.")
        )
