"""Deletes imported figures, for example after trying the evaluation out with the invented sample data."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from evaluation.models import OutcomeFigure, PollResult


class Command(BaseCommand):
    help = (
        "Delete every outcome figure (--outcomes), every poll result (--poll), or both. Needs --yes. "
        "Borough choices and partner links are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("--outcomes", action="store_true", help="Delete every outcome figure.")
        parser.add_argument("--poll", action="store_true", help="Delete every poll result.")
        parser.add_argument("--yes", action="store_true", help="Confirm: this cannot be undone.")

    def handle(self, *args, outcomes, poll, yes, **options):
        if not (outcomes or poll):
            raise CommandError("Say what to delete: --outcomes, --poll, or both.")
        if not yes:
            raise CommandError("This deletes figures for good; add --yes to confirm.")
        with transaction.atomic():
            deleted_outcomes = OutcomeFigure.objects.all().delete()[0] if outcomes else 0
            deleted_poll = PollResult.objects.all().delete()[0] if poll else 0
        self.stdout.write(f"Deleted {deleted_outcomes:,} outcome figures and {deleted_poll:,} poll results.")
