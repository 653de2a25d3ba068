"""Prints the evaluation's figures: the JSON object the issue defines, or one of the CSV tables the admin offers."""

import json

from django.core.management.base import BaseCommand

from evaluation.figures import evaluate
from evaluation.report import TABLES, as_json, write_csv


class Command(BaseCommand):
    help = (
        "Print the campaign evaluation to standard output: --format json (the default) prints one JSON object; "
        "--format csv prints one table (--table summary, weekly, poll or funnel)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument(
            "--table", choices=list(TABLES), default="summary", help="The CSV table (with --format csv)."
        )

    def handle(self, *args, format, table, **options):
        evaluation = evaluate()
        if format == "json":
            self.stdout.write(json.dumps(as_json(evaluation), indent=2))
        else:
            write_csv(self.stdout, evaluation, table)
