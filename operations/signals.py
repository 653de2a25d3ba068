"""Expire cached pages when anything that appears on them changes."""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from pages.models import CampaignSettings

from .invalidation import content_changed, every_public_url, urls_showing


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    content_changed(urls_showing(instance))


# The old addresses must go from the CDN too, and are only known before the change. Signals for the "before" and
# "after" of one change can carry different Python objects for the same page, hence this note keyed by page id.
_urls_before = {}


@receiver(pre_page_move)
def page_moving(sender, instance, **kwargs):
    _urls_before[instance.pk] = urls_showing(instance)


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    content_changed(_urls_before.pop(instance.pk, []) + urls_showing(instance))


@receiver(pre_delete)
def page_deleting(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live:
        _urls_before[instance.pk] = urls_showing(instance)


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        content_changed(_urls_before.pop(instance.pk, []))


@receiver(post_save, sender=CampaignSettings)
def campaign_settings_changed(sender, instance, **kwargs):
    # The phone number and form link are on every page.
    content_changed(every_public_url())
