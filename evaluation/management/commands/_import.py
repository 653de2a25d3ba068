"""What `import_outcomes` and `import_poll_waves` share: open the file, run the importer, report every problem."""

from django.core.management.base import BaseCommand, CommandError

from evaluation.importers import ImportRefused


class ImportCommand(BaseCommand):
    importer = None

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to the CSV file.")

    def handle(self, *args, file, **options):
        try:
            with open(file, "rb") as stream:
                result = type(self).importer(stream)
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        except ImportRefused as refused:
            raise CommandError(
                f"{file} was not imported; nothing was changed.\n" + "\n".join(refused.problems)
            ) from None
        self.stdout.write(self.style.SUCCESS(f"{result} (from {file})"))
