"""Lists every page translation and flags those whose English source changed since they were last exported."""

from django.core.management.base import BaseCommand

from languages.translator_files import translation_statuses


class Command(BaseCommand):
    help = "List page translations; 'source changed' marks those whose English page was edited since"

    def handle(self, **options):
        for status in translation_statuses():
            translation = status.translation
            flag = "SOURCE CHANGED" if status.source_changed else "up to date with its source"
            done, total = translation.get_progress()[1], translation.get_progress()[0]
            self.stdout.write(
                f"{translation.target_locale.language_code}\t{translation.source.get_source_instance()}\t"
                f"{done}/{total} texts translated\t{flag}"
            )
