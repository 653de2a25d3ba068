"""The partner kit: every file a partner needs, per partner code, stored once in media storage.

For a partner code (or none: the generic kit) the kit holds the campaign poster and, for each story its family has
confirmed (`StoryPage.confirmed_by_family`), A4 and A3 posters whose QR code opens the story's short address with
`?via=<code>`, social images in four sizes with alt text and post text, the captioned clip and its poster frame;
plus the one-page brief and one zip of it all.

Each file's storage name ends in a hash of everything it is made from (the story's fields, the portrait, the
call-to-action settings, the address, the code, the drawing code's version). A change to any of them gives new
names, so a stale file is never served; `build_kit` makes whatever is missing. Building runs off the request path
(partners/kit.py: a task on publish and on a settings or partner change, and `manage.py build_partner_kits`);
pages only ask whether a file exists (remembered in the cache) and link to it.
"""

import hashlib
import logging
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.dispatch import Signal
from django.utils.text import slugify
from PIL import Image as PILImage

from languages import catalog
from pages.links import absolute_url, page_url
from stories.models import StoryPage

from . import clips, posters
from .cards import draw_card, share_image_for
from .share_links import share_text
from .short_links import short_address

KIT_VERSION = "1"  # bump to make every file again after changing the drawing code
PREFIX = "partner-kit"
SOCIAL_SIZES = {  # name: (width, height, what it is for)
    "square": (1080, 1080, "square post (Instagram, Facebook, X)"),
    "portrait": (1080, 1350, "portrait post (Instagram, Facebook)"),
    "story": (1080, 1920, "story or reel (Instagram, TikTok, WhatsApp status)"),
}
PAPERS = ("A4", "A3")
CAMPAIGN_HEADING = "Calling about knife crime may be hard. There are harder calls."
CAMPAIGN_LINES = ("Five mothers whose sons were killed tell of the first calls they had to make.",)

logger = logging.getLogger(__name__)

# Sent with `names` after a build made new files: pages that list the kit must be rendered again.
kit_files_made = Signal()


@dataclass
class KitFile:
    """One file of the kit. `make` returns its bytes; it is called only by `ensure` (the builder)."""

    label: str
    filename: str  # its name inside the zip and when downloaded
    name: str  # its name in the default storage
    make: Callable = field(repr=False, compare=False)
    width: int | None = None
    height: int | None = None
    alt: str = ""
    post_text: str = ""

    @property
    def url(self):
        return absolute_url(default_storage.url(self.name))

    @property
    def ready(self):
        return stored(self.name)

    def ensure(self):
        """Makes the file if it is missing. Returns True when it was made now."""
        made = False
        if not default_storage.exists(self.name):
            saved = default_storage.save(self.name, ContentFile(self.make()))
            made = True
            if saved != self.name:  # someone else saved it first: keep theirs, it is the same content
                default_storage.delete(saved)
        remember_stored(self.name)
        return made


def stored(name):
    """Whether a kit file exists, remembered in the cache (on S3 every exists() is a request)."""
    key = f"partner-kit:{name}"
    try:
        if cache.get(key):
            return True
    except Exception:  # noqa: BLE001 - the cache being down must not break a page
        logger.warning("Cache unavailable for the partner kit")
    if default_storage.exists(name):
        remember_stored(name)
        return True
    return False


def remember_stored(name):
    try:
        cache.set(f"partner-kit:{name}", True, 24 * 3600)
    except Exception:  # noqa: BLE001
        logger.warning("Cache unavailable for the partner kit")


def _digest(*inputs):
    return hashlib.sha256(repr((KIT_VERSION, inputs)).encode()).hexdigest()[:16]


def _name(folder, stem, inputs, extension):
    return f"{PREFIX}/{folder}/{stem}-{_digest(*inputs)}.{extension}"


def with_code(url, code):
    """A link carrying a partner's code, so the anonymous counters can say which partner brought the visit."""
    return f"{url}?{urlencode({'via': code})}" if code else url


def cta_inputs(cta):
    return (cta["phone_display"], cta["anonymity_line"], cta["hashtag"], cta.get("online_form_url", ""))


def ready_stories():
    """Live stories the families have confirmed: the only stories the kit offers. English only: posters, images and
    clips are made in English (their fonts and captions), so a story's translations add nothing to the kit."""
    stories = StoryPage.objects.live().public().filter(locale__language_code=catalog.DEFAULT)
    stories = stories.select_related("portrait", "film").order_by("path")
    return [story for story in stories if story.confirmed_by_family]


def story_address(story):
    """The address a poster prints and its QR code opens: the short address, else the story's own."""
    return short_address(story) or page_url(story)


def _printed(url):
    return url.split("://", 1)[-1]


def _portrait_bytes(story, spec="max-1600x1600|format-jpeg"):
    rendition = story.portrait.get_rendition(spec)
    with rendition.file.open("rb") as handle:
        return rendition.file.name, handle.read()


def _portrait_key(story):
    image = story.portrait
    return (image.file.name, image.focal_point_x, image.focal_point_y, image.focal_point_width)


# --- Posters ---


def poster_files(cta, code, story=None):
    """The A4 and A3 posters of a story (or of the campaign when `story` is None) for one code (None: generic)."""
    if story is None:
        address = absolute_url("/")
        content_inputs = (CAMPAIGN_HEADING, CAMPAIGN_LINES)
        stem, label = "campaign", "Campaign poster"

        def content():
            return posters.PosterContent(CAMPAIGN_HEADING, CAMPAIGN_LINES, with_code(address, code), _printed(address))

    else:
        address = story_address(story)
        lines = (story.summary, f"The hard call: {story.hard_call}", posters.CAMPAIGN_LINE)
        content_inputs = (story.pk, story.title, lines, _portrait_key(story))
        stem, label = story.slug, f"Poster: {story.title}"

        def content():
            _, image = _portrait_bytes(story)
            return posters.PosterContent(story.title, lines, with_code(address, code), _printed(address), image)

    files = []
    for paper in PAPERS:
        inputs = ("poster", paper, content_inputs, address, code, cta_inputs(cta))
        suffix = f"-{code}" if code else ""
        files.append(
            KitFile(
                label=f"{label} ({paper})",
                filename=f"poster-{stem}-{paper.lower()}{suffix}.pdf",
                name=_name("posters", f"{stem}-{paper.lower()}{suffix}", inputs, "pdf"),
                make=lambda paper=paper: posters.poster_pdf(content(), cta, paper),
            )
        )
    return files


# --- Social images ---


def social_alt(story, cta):
    headline = f"{story.mother_display}, mother of {story.son_name}"
    return (
        f"{story.portrait_alt} Beside it: “{headline}. {story.summary}” Call Crimestoppers {cta['phone_display']}. "
        f"{cta['anonymity_line']} {cta['hashtag']}"
    )


def post_text(story, cta, code):
    """The suggested words for a partner's post: the story's line, the number, the hashtag, the short link."""
    return f"{share_text(story, cta)} {cta['hashtag']} {with_code(story_address(story), code)}"


def social_files(story, cta, code):
    """The square, portrait and story images plus the existing 1200x630 share card, each with alt and post text."""
    headline = f"{story.mother_display}, mother of {story.son_name}"
    alt, text = social_alt(story, cta), post_text(story, cta, code)
    files = []
    for key, (width, height, purpose) in SOCIAL_SIZES.items():
        inputs = ("social", width, height, headline, story.summary, _portrait_key(story), cta_inputs(cta))

        def make(width=width, height=height):
            _, image = _portrait_bytes(story)
            return draw_card(headline, story.summary, cta, PILImage.open(BytesIO(image)), (width, height))

        files.append(
            KitFile(
                label=f"{width}×{height} {purpose}",
                filename=f"{story.slug}-{key}-{width}x{height}.jpg",
                name=_name("social", f"{story.slug}-{key}", inputs, "jpg"),
                make=make,
                width=width,
                height=height,
                alt=alt,
                post_text=text,
            )
        )
    card = share_image_for(story, cta)  # drawn (or cropped) and stored by sharing/cards.py, as every page uses it

    def card_again():
        # Only if the stored card went missing behind the cache's back: sharing/cards.py draws and saves it again.
        cache.delete(f"share-card:{card.name}")
        with default_storage.open(share_image_for(story, cta).name, "rb") as handle:
            return handle.read()

    files.append(
        KitFile(
            label=f"{card.width}×{card.height} link preview (share card)",
            filename=f"{story.slug}-share-card-{card.width}x{card.height}.jpg",
            name=card.name,
            make=card_again,
            width=card.width,
            height=card.height,
            alt=card.alt,
            post_text=text,
        )
    )
    return files


# --- The captioned clip ---


def clip_files(story, cta):
    """The captioned MP4 and its poster frame, or [] when the story has no self-hosted film with captions."""
    film = story.film
    if film is None or not film.video or not film.captions:
        return []
    inputs = ("clip", clips.CLIP_VERSION, film.video.name, film.captions.name, cta_inputs(cta))
    mp4_name = _name("clips", story.slug, inputs, "mp4")
    poster_name = mp4_name.removesuffix(".mp4") + "-poster.jpg"

    def encode():
        with tempfile.TemporaryDirectory() as tmp:
            source, out, frame = Path(tmp) / "film", Path(tmp) / "clip.mp4", Path(tmp) / "poster.jpg"
            with film.video.open("rb") as handle:
                source.write_bytes(handle.read())
            with film.captions.open("rb") as handle:
                captions_text = handle.read().decode("utf-8-sig")
            clips.encode_clip(source, captions_text, cta, out, frame)
            if not default_storage.exists(poster_name):
                default_storage.save(poster_name, ContentFile(frame.read_bytes()))
            return out.read_bytes()

    clip = KitFile(
        label="Film clip with English captions (MP4, 1080×1080)",
        filename=f"{story.slug}-clip-captioned.mp4",
        name=mp4_name,
        make=encode,
        width=1080,
        height=1080,
        alt=f"{film.title}, with English captions burned in.",
        post_text=post_text(story, cta, None),
    )

    def poster_frame():
        clip.ensure()  # the frame is taken from the encoded clip
        with default_storage.open(poster_name, "rb") as handle:
            return handle.read()

    frame = KitFile(
        label="Poster frame of the clip (JPEG)",
        filename=f"{story.slug}-clip-poster.jpg",
        name=poster_name,
        make=poster_frame,
        width=1080,
        height=1080,
        alt=f"A frame of {film.title}, with its caption.",
    )
    return [clip, frame]


# --- One partner's kit ---


@dataclass
class StoryKit:
    story: object
    posters: list
    social: list
    clip: list
    post_text: str


@dataclass
class Kit:
    code: str | None
    partner_name: str
    campaign_posters: list
    stories: list
    brief: KitFile
    zip: KitFile

    def files(self):
        found = [*self.campaign_posters]
        for story_kit in self.stories:
            found += [*story_kit.posters, *story_kit.social, *story_kit.clip]
        return [*found, self.brief]


def brief_file(cta, code, partner_name, stories):
    links = [("Campaign", with_code(absolute_url("/"), code))]
    links += [(story.title, with_code(story_address(story), code)) for story in stories]
    content = posters.BriefContent(partner_name, tuple(links))
    inputs = ("brief", content, cta_inputs(cta))
    stem = code or "generic"
    return KitFile(
        label="One-page brief for partners (PDF)",
        filename=f"partner-brief-{stem}.pdf",
        name=_name("briefs", stem, inputs, "pdf"),
        make=lambda: posters.brief_pdf(content, cta),
    )


def _zip(files):
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for kit_file in files:
            if not stored(kit_file.name):
                continue  # a clip still being encoded: the next build adds it
            compress = zipfile.ZIP_DEFLATED if kit_file.filename.endswith((".pdf", ".txt")) else zipfile.ZIP_STORED
            with default_storage.open(kit_file.name, "rb") as handle:
                archive.writestr(kit_file.filename, handle.read(), compress_type=compress)
        archive.writestr("README.txt", _readme(files), compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _readme(files):
    lines = ["Hard calls save lives: partner kit", "", "Every image with its text alternative and suggested post:", ""]
    for kit_file in files:
        lines.append(kit_file.filename)
        if kit_file.alt:
            lines.append(f"  Alt text: {kit_file.alt}")
        if kit_file.post_text:
            lines.append(f"  Suggested post: {kit_file.post_text}")
    return "\n".join(lines) + "\n"


def kit_for(cta, code=None, partner_name=None, stories=None):
    """The kit for a partner code (None: the generic kit without a code). Computes names only; makes nothing."""
    stories = ready_stories() if stories is None else stories
    partner_name = partner_name or "partners of the campaign"
    story_kits = [
        StoryKit(
            story=story,
            posters=poster_files(cta, code, story),
            social=social_files(story, cta, code),
            clip=clip_files(story, cta),
            post_text=post_text(story, cta, code),
        )
        for story in stories
    ]
    campaign = poster_files(cta, code)
    brief = brief_file(cta, code, partner_name, stories)
    kit = Kit(code, partner_name, campaign, story_kits, brief, zip=None)
    members = kit.files()
    stem = slugify(code or "generic")
    kit.zip = KitFile(
        label="Everything in one zip",
        filename=f"hard-calls-save-lives-kit-{stem}.zip",
        name=_name("zips", stem, ("zip", [(f.filename, f.name, f.alt, f.post_text) for f in members]), "zip"),
        make=lambda: _zip(members),
    )
    return kit


def build_kit(kit):
    """Makes every missing file of a kit, the zip last. Returns the names of the files made now; when there are
    any, `kit_files_made` tells the page cache that the pages listing them changed."""
    made = []
    for kit_file in [*kit.files(), kit.zip]:
        try:
            if kit_file.ensure():
                made.append(kit_file.name)
        except Exception:
            logger.exception("Could not make the partner kit file %s", kit_file.filename)
            raise
    if made:
        kit_files_made.send(sender=Kit, names=made)
    return made
