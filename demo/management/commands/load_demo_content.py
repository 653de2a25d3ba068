"""`manage.py load_demo_content`: the demo site (demo/loader.py). Safe to run more than once."""

from django.core.management.base import BaseCommand
from django.db import transaction

from demo.loader import load
from stories.models import StoryPage


class Command(BaseCommand):
    help = "Load the demo pages, stories and settings (safe to run more than once)."

    @transaction.atomic
    def handle(self, *args, **options):
        load()
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: {StoryPage.objects.count()} stories."))
