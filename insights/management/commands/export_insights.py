"""Writes the insights counters as CSV to standard output: the same rows as the dashboard's download."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from insights.reports import write_csv


def iso_date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"Not a date (use YYYY-MM-DD): {value}") from None


class Command(BaseCommand):
    help = "Write the anonymous insights counters as CSV to standard output (all days unless --start/--end)."

    def add_arguments(self, parser):
        parser.add_argument("--start", type=iso_date, help="First day, YYYY-MM-DD (inclusive).")
        parser.add_argument("--end", type=iso_date, help="Last day, YYYY-MM-DD (inclusive).")

    def handle(self, *args, start=None, end=None, **options):
        if start and end and start > end:
            raise CommandError("--start must be on or before --end.")
        write_csv(self.stdout, start, end)
