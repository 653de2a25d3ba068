"""Expire cached pages when anything that appears on them changes."""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from films.models import Film, FilmCaptionTrack
from partners.models import Partner, PartnerToolkitPage
from sharing.kit import kit_files_made
from stories.models import StoryPage

from .invalidation import content_changed, every_public_url, urls_showing
from .withdrawal import restore_story_media, withdraw_story_media


@receiver(page_published)
def page_changed(sender, instance, **kwargs):
    if isinstance(instance, StoryPage):
        restore_story_media(instance)  # a story published again after a withdrawal
    content_changed(urls_showing(instance))


@receiver(page_unpublished)
def page_withdrawn(sender, instance, **kwargs):
    # A family withdrawing consent: the story's film, captions, portrait and renditions leave public reach with it,
    # and so do its translations (each one's own unpublish comes back through here; they share the media, which is
    # withdrawn once no translation is live).
    if isinstance(instance, StoryPage):
        for translation in instance.get_translations().live().specific():
            translation.unpublish(user=kwargs.get("user"))
    media_urls = withdraw_story_media(instance) if isinstance(instance, StoryPage) else []
    content_changed(urls_showing(instance) + media_urls)


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


# Shown on pages without being pages: site settings (the phone number and form link are on every page, the poll on
# every story), films and their captions, partners (the toolkit), images (portraits, posters, share cards), and
# redirects (short addresses, which the page cache stores). They change rarely, so expiring every page is simpler and
# safer than tracking where each appears.
SHOWN_ON_PAGES = (Film, FilmCaptionTrack, Partner, Redirect)
BOOKKEEPING_FIELDS = {"file_size", "file_hash"}


@receiver(post_save)
@receiver(post_delete)
def shown_content_changed(sender, instance, raw=False, update_fields=None, created=False, **kwargs):
    # `raw`: loaddata (restoring a backup) is writing rows as they were; the tree may be half there.
    # Wagtail records an image's size and hash the first time it is rendered, and creates a site's settings with
    # their defaults the first time they are read: bookkeeping, nothing visible changed.
    if raw or (update_fields and set(update_fields) <= BOOKKEEPING_FIELDS):
        return
    if created and isinstance(instance, BaseSiteSetting):
        return
    if isinstance(instance, (BaseSiteSetting, *SHOWN_ON_PAGES, get_image_model())):
        content_changed(every_public_url())


@receiver(kit_files_made)
def partner_kit_made(sender, **kwargs):
    """The partner kit is built after the change that caused it (partners/kit.py): the toolkit page, which links to
    the new files, is rendered again."""
    urls = [url for page in PartnerToolkitPage.objects.live() for url in urls_showing(page)]
    content_changed(urls)
