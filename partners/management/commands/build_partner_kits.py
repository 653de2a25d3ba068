from django.core.management.base import BaseCommand

from partners.kit import build_partner_kits


class Command(BaseCommand):
    help = (
        "Makes the partner kit's missing files (posters, social images, captioned clips, briefs, zips) in media "
        "storage. Only what changed is made: run it after publishing, or from cron."
    )

    def handle(self, *args, **options):
        made = build_partner_kits()
        self.stdout.write(f"Partner kits up to date ({made} files made now).")
