"""Forget the endpoint's memo of live pages and partner codes when they change (in this process at once,
in other worker processes within a minute)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from partners.models import Partner

from .guards import live_page_ids
from .vocabulary import partner_codes


@receiver(page_published)
@receiver(page_unpublished)
def forget_live_pages(sender, **kwargs):
    live_page_ids.forget()


@receiver(post_save, sender=Partner)
@receiver(post_delete, sender=Partner)
def forget_partners(sender, **kwargs):
    partner_codes.forget()
