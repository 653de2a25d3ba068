"""Share cards: the 1200x630 image every page offers to social networks (og:image).

Share cards are drawn with Pillow (a portrait beside the campaign's words, or the campaign card alone) and
stored once in the default storage under a name that changes when their inputs change, so S3 and local
media both work and nothing is redrawn per request.
"""

import hashlib
import logging
import re
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext, gettext_noop
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont, ImageOps, features

from languages import catalog
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
CAMPAIGN_CARD_LINE = gettext_noop("Five mothers tell of the calls they had to make when they lost their sons.")

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


# Scripts Pillow's default font cannot draw, each with a font from Debian's fonts-noto-core (installed by
# `make share-card-fonts`; used on the server only, visitors download no font). Drawn with libraqm (bundled in
# Pillow's wheels), which shapes Arabic and Urdu joining letters and Bengali conjuncts and orders right-to-left text.
SCRIPT_FONTS = {
    "ar": ("NotoSansArabic-Regular.ttf", 1.0),
    "ur": ("NotoNastaliqUrdu-Regular.ttf", 0.8),  # Nastaliq is tall: smaller, with more room between lines
    "bn": ("NotoSansBengali-Regular.ttf", 0.9),
}
FONT_DIRS = [Path(settings.SHARE_CARD_FONT_DIR), Path("/usr/share/fonts/truetype/noto")]
LATIN_LETTER = re.compile(r"[A-Za-z0-9@#%&+]")
SCRIPT_LETTER = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff\u0980-\u09ff\u0964\u0965]")


def _font(size):
    return ImageFont.load_default(size=size)


def script_font_file(language):
    """The font file for a language Pillow's default font cannot draw; None when none is needed or none is found."""
    if language not in SCRIPT_FONTS:
        return None
    name = SCRIPT_FONTS[language][0]
    return next((folder / name for folder in FONT_DIRS if (folder / name).is_file()), None)


def can_draw(language):
    """True when the card can be drawn in this language: Latin scripts always, others with their font and raqm."""
    if language not in SCRIPT_FONTS:
        return True
    return script_font_file(language) is not None and features.check("raqm")


class Lettering:
    """Draws a line mixing a script (Arabic, Urdu, Bengali) with Latin words (names, Crimestoppers, the number).

    The script's Noto font has no Latin letters, and Pillow has no font fallback, so the text is cut into runs of
    one kind: script runs shaped by raqm in the script's font, Latin runs in the default font, laid out in the
    line's direction (runs right to left in Arabic and Urdu, each Latin run itself left to right).
    """

    def __init__(self, language, size):
        self.rtl = catalog.is_rtl(language)
        file = script_font_file(language)
        scale = SCRIPT_FONTS.get(language, (None, 1.0))[1]
        self.script = (
            ImageFont.truetype(str(file), round(size * scale), layout_engine=ImageFont.Layout.RAQM) if file else None
        )
        self.latin = _font(size)
        self.size = size
        self.line_height = round(size * (1.9 if language == "ur" else 1.3))

    def runs(self, text):
        """[(text, is_latin, space_before)] in logical order: a new run wherever the script changes; spaces and
        punctuation stay with the run before them."""
        found = []
        space = False
        for char in text:
            if char.isspace():
                space = True
                continue
            kind = True if LATIN_LETTER.match(char) else False if SCRIPT_LETTER.match(char) else None
            if found and (kind is None or kind == found[-1][1]):
                found[-1][0] += (" " if space else "") + char
            else:
                found.append([char, bool(kind) if kind is not None else self.script is None, space and bool(found)])
            space = False
        if self.script is None:
            return [(" ".join(run for run, _latin, _space in found), True, False)] if found else []
        return [tuple(run) for run in found]

    def _direction(self, latin):
        return "ltr" if latin or not self.rtl else "rtl"

    def width(self, draw, text):
        gap = self.latin.getlength(" ")
        return sum(self.run_width(draw, run, latin) + (gap if space else 0) for run, latin, space in self.runs(text))

    def run_width(self, draw, run, latin):
        if latin:
            return draw.textlength(run, font=self.latin)
        return draw.textlength(run, font=self.script, direction=self._direction(False))

    def wrap(self, draw, text, width):
        lines, line = [], ""
        for word in text.split():
            attempt = f"{line} {word}".strip()
            if self.width(draw, attempt) <= width or not line:
                line = attempt
            else:
                lines.append(line)
                line = word
        if line:
            lines.append(line)
        return lines

    def draw(self, draw, xy, text, fill, box_width):
        """Draws one line from the start edge of a box `box_width` wide at x (its right edge in right-to-left
        text), every run on one baseline `size` below y."""
        x, y = xy
        baseline = y + self.size
        gap = self.latin.getlength(" ")
        cursor = x + box_width if self.rtl else x
        for run, latin, space in self.runs(text):
            if space:
                cursor += -gap if self.rtl else gap
            run_width = self.run_width(draw, run, latin)
            left = cursor - run_width if self.rtl else cursor
            if latin:
                draw.text((left, baseline), run, fill=fill, font=self.latin, anchor="ls")
            else:
                font, direction = self.script, self._direction(False)
                draw.text((left, baseline), run, fill=fill, font=font, anchor="ls", direction=direction)
            cursor = left if self.rtl else cursor + run_width


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


def draw_card(headline, line, cta, portrait=None, size=(SHARE_WIDTH, SHARE_HEIGHT), language=catalog.DEFAULT):
    """Returns JPEG bytes of a card: the portrait beside the words (landscape, the 1200x630 share card) or above
    them (square and portrait sizes of the partner kit), and the call-to-action at the bottom.

    In a language Pillow's default font cannot draw (Arabic, Urdu, Bengali) the words are shaped with that
    script's font (Lettering); right-to-left words start at the right edge of their box.
    """
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

    with translation.override(language):
        brand = gettext("Hard calls save lives")
        call = f"{gettext('Call Crimestoppers')} {cta['phone_display']}"
        promise = gettext(cta["anonymity_line"])
    band_top = height - px(164)
    if height >= 1.7 * width:
        band_top -= 240  # stories and reels cover their lowest part with buttons: keep the number above them
    if language in SCRIPT_FONTS:
        brand_letters, headline_letters, line_letters = (
            Lettering(language, px(28)),
            Lettering(language, px(48)),
            Lettering(language, px(30)),
        )
        brand_letters.draw(draw, (left, top - px(4)), brand, HIGHLIGHT, text_width)
        y = top + px(56)
        for text in headline_letters.wrap(draw, headline, text_width)[:2]:
            headline_letters.draw(draw, (left, y), text, WHITE, text_width)
            y += headline_letters.line_height
        y += px(8)
        for text in line_letters.wrap(draw, line, text_width)[:3]:
            if y > band_top - px(46):
                break
            line_letters.draw(draw, (left, y), text, WHITE, text_width)
            y += line_letters.line_height
        draw.rectangle([left, band_top, width - 56, band_top + px(64)], fill=HIGHLIGHT)
        Lettering(language, px(30)).draw(draw, (left + 20, band_top + px(12)), call, BACKGROUND, text_width - 40)
        last = f"{promise}  {cta['hashtag']}"
        if brand_letters.width(draw, last) > text_width:
            last = promise  # the hashtag gives way rather than run into the portrait
        brand_letters.draw(draw, (left, band_top + px(82)), last, WHITE, text_width)
    else:
        draw.text((left, top), brand.upper(), fill=HIGHLIGHT, font=_font(px(28)))
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
        draw.rectangle([left, band_top, width - 56, band_top + px(64)], fill=HIGHLIGHT)
        draw.text((left + 20, band_top + px(12)), call, fill=BACKGROUND, font=_font(px(38)))
        draw.text((left, band_top + px(86)), f"{promise}  {cta['hashtag']}", fill=WHITE, font=_font(px(28)))
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


def share_heading(story):
    """StoryPage.share_heading in the active language: "Lillian, mother of Quamari", else the story's title."""
    if story.mother_of:
        return story.mother_name + gettext(", mother of %(son)s") % {"son": story.son_name}
    return story.title


def card_language():
    """The active language if a card can be drawn in it here, else English (a card of boxes helps no one)."""
    language = translation.get_language() or catalog.DEFAULT
    if can_draw(language):
        return language
    logger.warning("No font to draw share cards in %s: drawing them in English", language)
    return catalog.DEFAULT


def card_prefix(prefix, language):
    return prefix if language == catalog.DEFAULT else f"{prefix}-{language}"


def campaign_share_image(cta):
    """The campaign card for the home page, standard pages and anything without its own image, in the page's
    language."""
    language = card_language()
    with translation.override(language):
        headline = gettext("Calling about knife crime may be hard. There are harder calls.")
        line = gettext(CAMPAIGN_CARD_LINE)
        alt = gettext("Hard calls save lives. Call Crimestoppers anonymously on %(phone)s.") % {
            "phone": cta["phone_display"]
        }
    inputs = (headline, line, cta["phone_display"], cta["anonymity_line"], cta["hashtag"])
    if language != catalog.DEFAULT:
        inputs = (*inputs, language)
    name = stored_card(
        card_prefix("campaign", language), inputs, lambda: draw_card(headline, line, cta, language=language)
    )
    return ShareImage(
        url=absolute_url(default_storage.url(name)), width=SHARE_WIDTH, height=SHARE_HEIGHT, alt=alt, name=name
    )


def story_share_image(story, cta):
    """A story's card: its portrait (cropped by Wagtail around the focal point) beside its names and line."""
    rendition = story.portrait.get_rendition(f"fill-{PORTRAIT_WIDTH}x{SHARE_HEIGHT}|format-jpeg")
    language = card_language()
    with translation.override(language):
        headline = share_heading(story)
        call = gettext("Call Crimestoppers anonymously on %(phone)s.") % {"phone": cta["phone_display"]}
    inputs = (rendition.file.name, headline, story.summary, cta["phone_display"], cta["anonymity_line"], cta["hashtag"])
    if language != catalog.DEFAULT:
        inputs = (*inputs, language)

    def draw():
        with rendition.file.open("rb") as handle:
            portrait = PILImage.open(handle)
            portrait.load()
        return draw_card(headline, story.summary, cta, portrait, language=language)

    name = stored_card(card_prefix(f"story-{story.slug}", language), inputs, draw)
    return ShareImage(
        url=absolute_url(default_storage.url(name)),
        width=SHARE_WIDTH,
        height=SHARE_HEIGHT,
        alt=f"{story.title}: {story.summary} {call}",
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
