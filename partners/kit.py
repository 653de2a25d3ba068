"""Each partner's kit (sharing/kit.py makes the files): which kits exist, and keeping them up to date.

The kits are built off the request path: a task (django-tasks, as Wagtail's own background work) is enqueued after
a story is published or unpublished, the campaign settings (the phone number) are saved, or a partner is added,
changed or removed; `manage.py build_partner_kits` does the same by hand or from cron. Every file's name is a hash
of its inputs, so a build makes only what changed. Pages never build: they link to the files that exist.

django-tasks' default backend runs a task at once, in the caller's thread: that would be the editor's publish
request, and encoding a real film's clip can outlast gunicorn's 30-second timeout. So with that backend the build
runs in a thread of its own started after the commit (KIT_BUILD_IN_BACKGROUND, on except in tests, which want it
done when the publish returns); with a queue backend configured in TASKS, the task goes to its workers. A build cut
short (a worker restarted) is finished by the next one or by the command.
"""

import logging
import threading

from django.conf import settings
from django.db import connections, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend
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


_one_build_at_a_time = threading.Lock()
_build_wanted = threading.Event()


def _build_in_background():
    """One build at a time in this process; a change during a build makes it go round once more."""
    _build_wanted.set()
    if not _one_build_at_a_time.acquire(blocking=False):
        return
    try:
        while _build_wanted.is_set():
            _build_wanted.clear()
            build_partner_kits_task.enqueue()  # the immediate backend runs it here; it logs a failure
    finally:
        _one_build_at_a_time.release()
        connections.close_all()  # this thread's own database connections


def start_build():
    if settings.KIT_BUILD_IN_BACKGROUND and isinstance(build_partner_kits_task.get_backend(), ImmediateBackend):
        threading.Thread(target=_build_in_background, name="partner-kit-build", daemon=True).start()
    else:
        build_partner_kits_task.enqueue()


def schedule_build():
    """After the change is committed, build the kits (never in a visitor's request, nor in the editor's)."""
    transaction.on_commit(start_build)


@receiver(page_published, sender=StoryPage)
@receiver(page_unpublished, sender=StoryPage)
def story_changed(sender, **kwargs):
    schedule_build()


@receiver(post_save, sender=CampaignSettings)
def settings_changed(sender, raw=False, **kwargs):
    if not raw:  # loaddata (restoring a backup) writes rows as they were; the next build or the command follows
        schedule_build()


@receiver(post_save, sender=Partner)
@receiver(post_delete, sender=Partner)
def partner_changed(sender, raw=False, **kwargs):
    if not raw:
        schedule_build()
