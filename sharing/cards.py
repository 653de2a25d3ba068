"""Share cards: the 1200x630 image every page offers to social networks (og:image).

Share cards are drawn with Pillow (a portrait beside the campaign's words, or the campaign card alone) and
stored once in the default storage under a name that changes when their inputs change, so S3 and local
media both work and nothing is redrawn per request.
"""

import hashlib
import logging
from dataclasses import dataclass
from io import BytesIO

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.html import strip_tags
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont, ImageOps

from pages.links import absolute_url
from stories.models import SHARE_IMAGE_SIZE

SHARE_WIDTH, SHARE_HEIGHT = SHARE_IMAGE_SIZE
PORTRAIT_WIDTH = 480  # the portrait's share of the card; the words take the rest
CARD_VERSION = "1"  # bump to redraw every card after changing the drawing code
BACKGROUND = (11, 12, 12)
HIGHLIGHT = (255, 221, 0)
WHITE = (255, 255, 255)
# The campaign's words about the families, as the demo's fact register has them ("campaign.share_description" and
# "campaign.card_line" in demo/content/facts.toml, with the launch article's sentences behind them).
DEFAULT_DESCRIPTION = (
    "Five mothers who lost their sons to violence and knife crime tell of the hard calls they had to make. "
    "Know something? Call Crimestoppers, 100% anonymously."
)
CAMPAIGN_CARD_LINE = "Five mothers tell of the calls they had to make when they lost their sons."

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ShareImage:
    """An image ready for og:image: absolute URL, pixel size and alt text."""

    url: str
    width: int
    height: int
    alt: str
    name: str = ""  # its name in the default storage (the partner kit's zip reads the file)


def not_ready_story(specific):
    """A story with placeholder text still in what sharing shows: it is described and pictured as the campaign."""
    return getattr(specific, "ready_to_share", True) is False


def description_for(page):
    """The best one-paragraph description a page has, falling back to the campaign's."""
    if page is None:
        return DEFAULT_DESCRIPTION
    specific = page.specific
    if not_ready_story(specific):
        return DEFAULT_DESCRIPTION
    for candidate in (
        getattr(specific, "get_meta_description", lambda: "")(),
        specific.search_description,
        getattr(specific, "introduction", ""),
        strip_tags(getattr(specific, "premise", "") or ""),
    ):
        if candidate and candidate.strip():
            return " ".join(candidate.split())
    return DEFAULT_DESCRIPTION


def _font(size):
    return ImageFont.load_default(size=size)


def _wrap(draw, text, font, width):
    lines, line = [], ""
    for word in text.split():
        attempt = f"{line} {word}".strip()
        if draw.textlength(attempt, font=font) <= width or not line:
            line = attempt
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def draw_card(headline, line, cta, portrait=None, size=(SHARE_WIDTH, SHARE_HEIGHT)):
    """Returns JPEG bytes of a card: the portrait beside the words (landscape, the 1200x630 share card) or above
    them (square and portrait sizes of the partner kit), and the call-to-action at the bottom."""
    width, height = size
    canvas = PILImage.new("RGB", size, BACKGROUND)
    if width > height:
        left, top, text_width = 64, 56, width - 64 - 56
        if portrait is not None:
            canvas.paste(ImageOps.fit(portrait.convert("RGB"), (PORTRAIT_WIDTH, height)), (0, 0))
            left = PORTRAIT_WIDTH + 56
            text_width = width - left - 56
        scale = 1
    else:
        # Taller than wide: the portrait across the top, the words beneath at a size that reads on a phone.
        scale = width / SHARE_WIDTH * 1.25
        left, text_width = 64, width - 128
        words_height = int(height * 0.5) if height > width else int(height * 0.56)
        top = height - words_height + 40
        if portrait is not None:
            canvas.paste(ImageOps.fit(portrait.convert("RGB"), (width, height - words_height)), (0, 0))
        else:
            top = 96
    draw = ImageDraw.Draw(canvas)

    def px(value):
        return round(value * scale)

    draw.text((left, top), "HARD CALLS SAVE LIVES", fill=HIGHLIGHT, font=_font(px(28)))
    y = top + px(64)
    headline_font = _font(px(52))
    for text in _wrap(draw, headline, headline_font, text_width)[:3]:
        draw.text((left, y), text, fill=WHITE, font=headline_font)
        y += px(64)
    y += px(16)
    line_font = _font(px(30))
    for text in _wrap(draw, line, line_font, text_width)[:4]:
        draw.text((left, y), text, fill=WHITE, font=line_font)
        y += px(40)
    call = f"Call Crimestoppers {cta['phone_display']}"
    band_top = height - px(164)
    if height >= 1.7 * width:
        band_top -= 240  # stories and reels cover their lowest part with buttons: keep the number above them
    draw.rectangle([left, band_top, width - 56, band_top + px(64)], fill=HIGHLIGHT)
    draw.text((left + 20, band_top + px(12)), call, fill=BACKGROUND, font=_font(px(38)))
    draw.text((left, band_top + px(86)), f"{cta['anonymity_line']}  {cta['hashtag']}", fill=WHITE, font=_font(px(28)))
    buffer = BytesIO()
    canvas.save(buffer, format="JPEG", quality=85, optimize=True, progressive=True)
    return buffer.getvalue()


def stored_card(prefix, inputs, draw):
    """Saves the card once per distinct inputs and returns its storage name."""
    digest = hashlib.sha256(repr((CARD_VERSION, inputs)).encode()).hexdigest()[:16]
    name = f"share-cards/{prefix}-{digest}.jpg"
    # Remember that the file exists: on S3 each exists() is a request, and every page view asks.
    cache_key = f"share-card:{name}"
    try:
        if cache.get(cache_key):
            return name
    except Exception:  # the cache being down must not break a page
        logger.warning("Cache unavailable for share cards")
    if not default_storage.exists(name):
        name = default_storage.save(name, ContentFile(draw()))
    try:
        cache.set(cache_key, True, 24 * 3600)
    except Exception:
        logger.warning("Cache unavailable for share cards")
    return name


def campaign_share_image(cta):
    """The campaign card for the home page, standard pages and anything without its own image."""
    headline = "Calling about knife crime may be hard. There are harder calls."
    line = CAMPAIGN_CARD_LINE
    inputs = (headline, line, cta["phone_display"], cta["anonymity_line"], cta["hashtag"])
    name = stored_card("campaign", inputs, lambda: draw_card(headline, line, cta))
    return ShareImage(
        url=absolute_url(default_storage.url(name)),
        width=SHARE_WIDTH,
        height=SHARE_HEIGHT,
        alt=f"Hard calls save lives. Call Crimestoppers anonymously on {cta['phone_display']}.",
        name=name,
    )


def story_share_image(story, cta):
    """A story's card: its portrait (cropped by Wagtail around the focal point) beside its names and line."""
    rendition = story.portrait.get_rendition(f"fill-{PORTRAIT_WIDTH}x{SHARE_HEIGHT}|format-jpeg")
    headline = story.share_heading
    inputs = (rendition.file.name, headline, story.summary, cta["phone_display"], cta["anonymity_line"], cta["hashtag"])

    def draw():
        with rendition.file.open("rb") as handle:
            portrait = PILImage.open(handle)
            portrait.load()
        return draw_card(headline, story.summary, cta, portrait)

    name = stored_card(f"story-{story.slug}", inputs, draw)
    return ShareImage(
        url=absolute_url(default_storage.url(name)),
        width=SHARE_WIDTH,
        height=SHARE_HEIGHT,
        alt=f"{story.title}: {story.summary} Call Crimestoppers anonymously on {cta['phone_display']}.",
        name=name,
    )


def override_share_image(image, alt):
    """An editor's uploaded share image, cropped to exactly 1200x630 (uploads are checked to be big enough)."""
    rendition = image.get_rendition(f"fill-{SHARE_WIDTH}x{SHARE_HEIGHT}|format-jpeg")
    return ShareImage(
        url=absolute_url(rendition.url),
        width=rendition.width,
        height=rendition.height,
        alt=alt,
        name=rendition.file.name,
    )


def share_image_for(page, cta):
    """The 1200x630 image for a page's og:image: a story's own share image, else a card drawn from its portrait,
    else the campaign card. `page` may be None (pages that are not Wagtail pages)."""
    specific = page.specific if page is not None else None
    if not_ready_story(specific):
        return campaign_share_image(cta)
    own_image = getattr(specific, "share_image", None)
    if own_image is not None:
        return override_share_image(own_image, f"{specific.title}: {specific.summary}")
    if getattr(specific, "portrait", None) is not None and hasattr(specific, "son_name"):
        return story_share_image(specific, cta)
    return campaign_share_image(cta)
