"""Restore a folder made by `backup_site` into an empty, migrated database."""

from django.core.management.base import BaseCommand, CommandError

from operations.backup import restore


class Command(BaseCommand):
    help = "Load IN_DIR (made by backup_site) into this site's database and media storage. Run migrate first."

    def add_arguments(self, parser):
        parser.add_argument("in_dir")
        parser.add_argument(
            "--replace", action="store_true", help="Delete the content already in the database and load the backup."
        )

    def handle(self, in_dir, replace=False, **options):
        try:
            manifest = restore(in_dir, replace=replace)
        except (ValueError, FileNotFoundError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(f"Restored {manifest['objects']} objects and {len(manifest['files'])} files.")
        )
