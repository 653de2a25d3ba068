"""`manage.py load_demo_content`: the demo site (demo/loader.py). Safe to run more than once."""

from django.core.management.base import BaseCommand
from django.db import transaction

from demo.loader import load
from stories.models import StoryPage


class Command(BaseCommand):
    help = "Load the demo pages, stories and settings (safe to run more than once)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--without-translations",
            action="store_true",
            help="English only: leave out the draft translations into the site's other languages",
        )

    @transaction.atomic
    def handle(self, *args, without_translations=False, **options):
        home = load(translations=not without_translations)
        stories = StoryPage.objects.filter(locale=home.locale).count()
        languages = home.get_translations(inclusive=True).count()
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: {stories} stories, in {languages} languages."))
