"""Each partner's kit (sharing/kit.py makes the files): which kits exist, and keeping them up to date.

The kits are built off the request path: a task (django-tasks, as Wagtail's own background work) is enqueued after
a story is published or unpublished, the campaign settings (the phone number) are saved, or a partner is added,
changed or removed; `manage.py build_partner_kits` does the same by hand or from cron. Every file's name is a hash
of its inputs, so a build makes only what changed. Pages never build: they link to the files that exist.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django_tasks import task
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished

from pages import call_to_action
from pages.models import CampaignSettings
from sharing.kit import build_kit, kit_for, ready_stories
from stories.models import StoryPage

from .models import Partner

logger = logging.getLogger(__name__)


def site_cta():
    """The call-to-action of the default site, as the public pages show it."""
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return call_to_action.values_from(CampaignSettings.for_site(site))


def partner_kit(partner, cta=None, stories=None):
    """One partner's kit; `partner` None gives the generic kit without a code."""
    cta = cta or site_cta()
    if partner is None:
        return kit_for(cta, None, None, stories)
    return kit_for(cta, partner.code, partner.name, stories)


def all_kits(cta=None):
    """The generic kit, then one per partner."""
    cta = cta or site_cta()
    stories = ready_stories()
    return [partner_kit(None, cta, stories)] + [partner_kit(p, cta, stories) for p in Partner.objects.all()]


def build_partner_kits():
    """Makes every missing file of every kit. Returns how many files were made."""
    return sum(len(build_kit(kit)) for kit in all_kits())


@task()
def build_partner_kits_task():
    return build_partner_kits()


def schedule_build():
    """After the change is committed, build the kits in the task backend (never in a visitor's request)."""
    transaction.on_commit(lambda: build_partner_kits_task.enqueue())


@receiver(page_published, sender=StoryPage)
@receiver(page_unpublished, sender=StoryPage)
def story_changed(sender, **kwargs):
    schedule_build()


@receiver(post_save, sender=CampaignSettings)
def settings_changed(sender, **kwargs):
    schedule_build()


@receiver(post_save, sender=Partner)
@receiver(post_delete, sender=Partner)
def partner_changed(sender, **kwargs):
    schedule_build()
