"""A story's media leave public reach when the story is unpublished (a family withdrawing consent), and come back if
it is published again.

Media are plain files at predictable addresses (`/media/...` locally, the bucket or its CDN on S3), served without
asking Django, so unpublishing the page alone left the film, captions, portrait and every rendition public. On
unpublish, every file of the story (its film's videos, captions and poster, its portrait and share image with all
their renditions) is moved through the storage API, so the same code works on local media and on S3,
to `withdrawn/<digest><extension>`, where the digest is an HMAC of its old name under SECRET_KEY: no one without the
key can work the new address out (and bucket listings are not public), so it is out of reach even in a bucket whose
policy lets anyone read every object; we can work it out again to restore the file. Its share cards are deleted
(they are drawn again from the rest if the story comes back). The local media view also refuses
that prefix outright. (Rotating SECRET_KEY loses the way back: the files stay in `withdrawn/`.)

The old addresses answer 404 at once at the origin; the CDN is asked to purge them with the page, and browsers keep a
copy at most `MEDIA_BROWSER_MAX_AGE` (60 s, settings). Publishing the story again moves the
files back to their addresses.

Files a live page still uses (a poster or portrait shared with another live story) are left where they are.
"""

import hashlib
import hmac
import logging
from pathlib import PurePosixPath

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.urls import reverse

from pages.links import absolute_url
from stories.models import StoryPage

logger = logging.getLogger(__name__)

WITHDRAWN_PREFIX = "withdrawn/"
SHARE_CARDS = "share-cards/"


def withdrawn_name(name):
    """Where a withdrawn file is kept: an address only the holder of SECRET_KEY can work out from its old one."""
    digest = hmac.new(settings.SECRET_KEY.encode(), name.encode(), hashlib.sha256).hexdigest()
    return f"{WITHDRAWN_PREFIX}{digest}{PurePosixPath(name).suffix}"


def _image_files(image):
    if image is None:
        return []
    return [image.file.name, *(rendition.file.name for rendition in image.renditions.all())]


def _in_use_elsewhere(story):
    """Images and films that a live page other than `story` shows: never withdrawn with it."""
    others = StoryPage.objects.live().exclude(pk=story.pk)
    images = set(others.values_list("portrait_id", flat=True)) | set(others.values_list("share_image_id", flat=True))
    films = set(others.values_list("film_id", flat=True))
    posters = set(others.filter(film__isnull=False).values_list("film__poster_id", flat=True))
    return images | posters, films


def story_files(story):
    """Storage names of every file that shows this story and nothing live besides."""
    shared_images, shared_films = _in_use_elsewhere(story)
    names = []
    film = story.film if story.film_id not in shared_films else None
    if film is not None:
        for field in (film.video, film.video_webm, film.captions, film.audio_described_video):
            if field:
                names.append(field.name)
        names += [track.file.name for track in film.caption_tracks.all() if track.file]
        if film.poster_id not in shared_images:
            names += _image_files(film.poster)
    for image_id, image in ((story.portrait_id, story.portrait), (story.share_image_id, story.share_image)):
        if image_id not in shared_images:
            names += _image_files(image)
    names += share_cards(story)
    return sorted(set(names))


def share_cards(story):
    try:
        _, files = default_storage.listdir("share-cards")
    except (FileNotFoundError, OSError):
        return []
    return [f"{SHARE_CARDS}{name}" for name in files if name.startswith(f"story-{story.slug}-")]


def public_urls(story, names):
    """Absolute addresses a CDN may hold for these files, and for the film's captions view."""
    urls = [absolute_url(default_storage.url(name)) for name in names]
    if story.film_id:
        film = story.film
        languages = ["en"] + list(film.caption_tracks.values_list("language", flat=True))
        urls += [absolute_url(reverse("films:captions", args=[film.pk, language])) for language in languages]
    return urls


def _move(source, target):
    with default_storage.open(source, "rb") as handle:
        saved = default_storage.save(target, handle)
    if saved != target:  # a leftover from an earlier withdrawal: keep one copy, at the name we look for
        default_storage.delete(saved)
    default_storage.delete(source)


def withdraw_story_media(story):
    """Moves the story's files out of public reach; returns the public addresses they had, for the CDN purge."""
    names = story_files(story)
    for name in names:
        if name.startswith(WITHDRAWN_PREFIX) or not default_storage.exists(name):
            continue
        try:
            if name.startswith(SHARE_CARDS):
                default_storage.delete(name)  # drawn from the rest: drawn again if the story comes back
            else:
                _move(name, withdrawn_name(name))
        except OSError:
            logger.exception("Could not withdraw a media file of an unpublished story")
    # Share cards are remembered as existing (sharing/cards.py): forget them, so they are drawn again if needed.
    cache.delete_many([f"share-card:{name}" for name in names if name.startswith(SHARE_CARDS)])
    return public_urls(story, names)


def restore_story_media(story):
    """Moves a republished story's withdrawn files back to their addresses."""
    for name in story_files(story):
        withdrawn = withdrawn_name(name)
        if default_storage.exists(name) or not default_storage.exists(withdrawn):
            continue
        try:
            _move(withdrawn, name)
        except OSError:
            logger.exception("Could not restore a media file of a republished story")
