"""Short addresses (/lillian) for radio, TV and print: permanent Wagtail redirects that comms staff edit.

A story's short address is its `short_address` field (Promote tab). Left empty, the story's slug or her son's name,
whichever is free, is chosen when the story is first published; every address the story has had keeps working (a
poster printed last month still leads to it). A story cannot go live without one: `short_address_problems` is one of
the story publish checks (registered in sharing/wagtail_hooks.py).
"""

import logging
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.text import slugify
from wagtail.contrib.redirects.middleware import RedirectMiddleware
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page
from wagtail.signals import page_published

from pages.links import absolute_url
from sharing.channels import CHANNEL_FORMAT
from stories.models import SHORT_ADDRESS_VALIDATOR, StoryPage
from stories.publish_guards import Problem

FIELD, LABEL = "short_address", "Short address"
logger = logging.getLogger(__name__)
# Where each short address leads, for the 500 page when the database cannot be read (see `lead_without_database`).
KNOWN_KEY = "short-addresses:known"
_last_known = {}


def _path(name):
    return Redirect.normalise_path(f"/{name}")


def _clash(story, name):
    """What already answers at /name, if it is not this story: a redirect elsewhere, or a top-level page."""
    for redirect in Redirect.objects.filter(old_path=_path(name), site=None).select_related("redirect_page"):
        if redirect.redirect_page_id != story.pk:
            target = redirect.redirect_page or redirect.redirect_link or "another address"
            return f"/{name} already leads to “{target}”."
    top_level = Page.objects.filter(depth=3, slug=name).exclude(pk=story.pk).first()
    if top_level:
        return f"/{name} is the address of the page “{top_level.title}”."
    return None


def _valid(name):
    try:
        SHORT_ADDRESS_VALIDATOR(name)
    except ValidationError:
        return False
    return True


def candidates(story):
    """The names tried when the editor leaves the field empty: the story's slug, then her son's name."""
    names = [story.slug, slugify(story.son_name or "")]
    return [name for name in dict.fromkeys(names) if name and _valid(name)]


def chosen_short_address(story):
    """The name the story will have: its field, or the first free candidate; "" when there is none."""
    if story.short_address:
        return story.short_address
    return next((name for name in candidates(story) if _clash(story, name) is None), "")


def is_translation(story):
    """Short addresses are English (/lillian); a translation is reached from its English story's language switcher."""
    return story.locale_id is not None and story.locale.language_code != settings.LANGUAGE_CODE


def short_address_problems(story):
    """A publish check: the story must have a short address that leads nowhere else (translations have none)."""
    if is_translation(story):
        return []
    if story.short_address:
        clash = _clash(story, story.short_address)
        return [Problem(f"{clash} Choose another short address.", FIELD, LABEL)] if clash else []
    if chosen_short_address(story):
        return []
    tried = ", ".join(f"/{name}" for name in candidates(story)) or "the slug and her son's name"
    return [
        Problem(
            f"Give the story a short address in the Promote tab: {tried} cannot be used.",
            FIELD,
            LABEL,
        )
    ]


def ensure_short_address(story, path=None):
    """Creates /<name> → the story once. An existing redirect for that path is left as editors made it."""
    old_path = Redirect.normalise_path(path or f"/{story.slug}")
    redirect, _ = Redirect.objects.get_or_create(
        old_path=old_path, site=None, defaults={"redirect_page": story, "is_permanent": True}
    )
    return redirect


def short_address(story):
    """The story's short address as an absolute URL ("" when it has none): its field's, else its shortest."""
    paths = list(Redirect.objects.filter(redirect_page=story, is_permanent=True).values_list("old_path", flat=True))
    if story.short_address and _path(story.short_address) in paths:
        return absolute_url(_path(story.short_address))
    shortest = min(paths, key=len, default=None)
    return absolute_url(shortest) if shortest else ""


@receiver(page_published, sender=StoryPage)
def give_published_story_its_short_address(sender, instance, revision=None, **kwargs):
    """On publish, the story's short address leads to it; an empty field is filled in with the name chosen."""
    if is_translation(instance):
        return
    name = chosen_short_address(instance)
    if not name:
        return  # the publish checks refuse this; only code that skips them gets here
    ensure_short_address(instance, _path(name))
    if instance.short_address != name:
        # Shown in the Promote tab from now on: on the page and in the revision just published (the editor's form).
        StoryPage.objects.filter(pk=instance.pk).update(short_address=name)
        instance.short_address = name
        if revision is not None:
            revision.content[FIELD] = name
            type(revision).objects.filter(pk=revision.pk).update(content=revision.content)


# --- Short addresses while the database is down -----------------------------------------------------------------
# A poster's /lillian must lead to the story even when PostgreSQL is down. The page cache keeps redirects it has
# answered, but only for its lifetime and until the next publish; this map of every site-wide permanent redirect is
# kept in the cache with no expiry (and in this process) whenever one changes, and the 500 page reads it.


def remember_short_addresses():
    global _last_known  # noqa: PLW0603 - this process's copy, for when the cache is down too
    known = {}
    for redirect in Redirect.objects.filter(site=None, is_permanent=True).select_related("redirect_page"):
        link = redirect.link
        if link:
            known[redirect.old_path] = link
    _last_known = known
    try:
        cache.set(KNOWN_KEY, known, None)
    except Exception:  # noqa: BLE001 - the cache being down must never break a save
        logger.warning("Could not store the short addresses in the cache")


@receiver(post_save, sender=Redirect)
@receiver(post_delete, sender=Redirect)
@receiver(page_published)
def short_addresses_changed(sender, raw=False, **kwargs):
    if not raw:
        transaction.on_commit(remember_short_addresses)


def lead_without_database(path):
    """Where the short address `path` leads, from the last known map; None when it is not one."""
    try:
        known = cache.get(KNOWN_KEY)
    except Exception:  # noqa: BLE001
        known = None
    return (known or _last_known).get(Redirect.normalise_path(path))


class ShortAddressRedirectMiddleware(RedirectMiddleware):
    """Wagtail's redirects, keeping the `?via=` channel: a poster's QR code opens /lillian?via=CODE, and the story
    it leads to must still carry the code for the anonymous counters. Nothing else in the query string is kept."""

    def process_response(self, request, response):
        return carry_channel(request, super().process_response(request, response))


def carry_channel(request, response):
    """A redirect with the request's `?via=` code added to where it leads, if the code is well formed. Also used by
    the page cache, which keeps the bare redirect and answers each scan with its own code."""
    via = request.GET.get("via", "")
    if response.status_code in (301, 302) and CHANNEL_FORMAT.match(via) and "?" not in response["Location"]:
        response["Location"] = f"{response['Location']}?{urlencode({'via': via})}"
    return response
