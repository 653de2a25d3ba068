"""oEmbed 1.0 provider at /oembed/ for the story pages (https://oembed.com/).

`url` (required) must be one of our live story pages that is ready to share (no placeholder text in what a card
shows: `StoryPage.ready_to_share`); `maxwidth`/`maxheight` are positive whole numbers; `format` is json (empty
means json; xml is not offered); `lang` (optional) asks for the story's translation into that language, which the
address's prefix (`/ar/stories/...`) also names. Answers: 200 rich JSON, 400 malformed parameters or an unsupported
format, 404 not one of our stories, not in that language or not ready to share. The spec suggests 501 for an
unsupported format, but our public endpoints never answer 5xx (a 5xx is what monitoring pages someone for); 400
says the same thing to a consumer: not this request. Never a 500: every input is checked before it reaches the
database.

Nothing a visitor sends creates files or rows without bound: the thumbnail is the share card or the portrait in
one of PORTRAIT_BOXES, so `maxwidth`/`maxheight` pick one of a few fixed renditions, never a new size per request.
"""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Site

from languages import catalog
from pages import call_to_action
from pages.links import absolute_url
from stories.models import StoryPage

from . import cards, embed

CACHE_AGE = 3600
MAX_URL_LENGTH = 2000
# A Wagtail path is slugs separated by slashes; anything else cannot be one of our pages.
PATH_PATTERN = re.compile(r"^/(?:[A-Za-z0-9_-]+/)*[A-Za-z0-9_-]*$")
DIMENSION_PATTERN = re.compile(r"^[0-9]{1,6}$")
PROVIDER_NAME = "Hard calls save lives"
# The only thumbnails offered: the share card itself (1200x630) when it fits, else the portrait within the largest
# of these boxes that fits. Each box is one rendition per portrait, made once, whatever sizes consumers ask for.
PORTRAIT_BOXES = ((600, 600), (300, 300), (150, 150))


class BadRequest(Exception):
    pass


def error(status, message):
    return HttpResponse(message + "\n", status=status, content_type="text/plain; charset=utf-8")


def dimension(request, name):
    value = request.GET.get(name)
    if value is None or value == "":
        return None
    if not DIMENSION_PATTERN.match(value) or int(value) < 1:
        raise BadRequest(f"{name} must be a positive whole number.")
    return int(value)


def story_for_url(url):
    """The live, public story page that `url` names, or Http404."""
    if len(url) > MAX_URL_LENGTH or any(ord(c) < 32 or ord(c) == 127 for c in url):
        raise BadRequest("url is not a valid address.")
    try:
        parts = urlsplit(url)
        host, port = parts.hostname, parts.port  # .port raises ValueError when out of range
    except ValueError as exc:
        raise BadRequest("url is not a valid address.") from exc
    ours = urlsplit(settings.SITE_URL)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise BadRequest("url must be an absolute http or https address.")
    if host != ours.hostname or port != ours.port:
        raise Http404("Not one of our pages")
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    if not PATH_PATTERN.match(path):
        raise Http404("Not one of our pages")
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise Http404("No site")
    # /ar/stories/lillian/ is the Arabic story: its path inside the Arabic translation of the site's root page.
    language = catalog.language_of_path(path)
    root = site.root_page
    if language != catalog.DEFAULT:
        path = path[len(catalog.prefix(language)) :]
        root = root.get_translation_or_none(Locale.objects.filter(language_code=language).first())
        if root is None:
            raise Http404("Not one of our stories")
    url_path = root.url_path + path.lstrip("/")
    story = StoryPage.objects.live().public().filter(url_path=url_path).select_related("portrait").first()
    if story is None:
        raise Http404("Not one of our stories")
    if not story.ready_to_share:
        raise Http404("This story is not ready to be shared yet")
    return story


def in_language(story, language):
    """`?lang=ar`: the story's live translation in that language (404 when it has none)."""
    if not language:
        return story
    if language not in catalog.codes():
        raise BadRequest(f"lang must be one of {', '.join(catalog.codes())}.")
    found = story.get_translations(inclusive=True).live().public().filter(locale__language_code=language).first()
    if found is None:
        raise Http404("This story is not published in that language")
    if not found.specific.ready_to_share:
        raise Http404("This story is not ready to be shared yet")
    return found.specific


def size(maxwidth, maxheight):
    width = embed.DEFAULT_WIDTH if maxwidth is None else min(embed.DEFAULT_WIDTH, maxwidth)
    height = embed.DEFAULT_HEIGHT if maxheight is None else min(embed.DEFAULT_HEIGHT, maxheight)
    if width < embed.MIN_WIDTH or height < embed.MIN_HEIGHT:
        # The spec lets a provider say it has nothing to fit: the card cannot be read smaller than this.
        raise Http404("The card cannot fit in that space")
    return width, height


def thumbnail_box(maxwidth, maxheight):
    """The largest of PORTRAIT_BOXES within the limits asked for, or None when even the smallest is too big."""
    for box_width, box_height in PORTRAIT_BOXES:
        if box_width <= (maxwidth or box_width) and box_height <= (maxheight or box_height):
            return box_width, box_height
    return None


def thumbnail(story, cta, maxwidth, maxheight):
    """The share card if it fits the limits asked for, else the portrait within the largest fixed box that fits."""
    image = cards.share_image_for(story, cta)
    if image.width <= (maxwidth or image.width) and image.height <= (maxheight or image.height):
        return image.url, image.width, image.height
    box = thumbnail_box(maxwidth, maxheight)
    if story.portrait is None or box is None:
        return None
    rendition = story.portrait.get_rendition(f"max-{box[0]}x{box[1]}|format-jpeg")
    return absolute_url(rendition.url), rendition.width, rendition.height


def answer(story, cta, width, height, maxwidth, maxheight):
    data = {
        "version": "1.0",
        "type": "rich",
        "html": str(embed.embed_html(story, width, height)),
        "width": width,
        "height": height,
        "title": story.title,
        # The campaign wrote the card's words; the mothers are its subject, not its authors.
        "author_name": PROVIDER_NAME,
        "author_url": absolute_url(catalog.prefix(translation.get_language() or catalog.DEFAULT) + "/"),
        "provider_name": PROVIDER_NAME,
        "provider_url": absolute_url("/"),
        "cache_age": CACHE_AGE,
    }
    try:
        found = thumbnail(story, cta, maxwidth, maxheight)
    except OSError:  # a missing image file: answer without a thumbnail rather than fail
        found = None
    if found is None:
        return data
    url, thumb_width, thumb_height = found
    # The spec: thumbnail_url, _width and _height come together, and within maxwidth/maxheight.
    data.update(thumbnail_url=url, thumbnail_width=thumb_width, thumbnail_height=thumb_height)
    return data


@require_safe
def oembed(request):
    fmt = request.GET.get("format") or "json"
    if fmt != "json":
        return error(400, "Only format=json is offered.")
    url = request.GET.get("url", "")
    if not url:
        return error(400, "The url parameter is required.")
    try:
        maxwidth = dimension(request, "maxwidth")
        maxheight = dimension(request, "maxheight")
        story = in_language(story_for_url(url), request.GET.get("lang", ""))
        width, height = size(maxwidth, maxheight)
    except BadRequest as exc:
        return error(400, str(exc))
    except Http404 as exc:
        return error(404, str(exc))
    # The card's words in the story's language, whatever language the request's own address is in.
    with translation.override(story.locale.language_code):
        data = answer(story, call_to_action.cta_for(request), width, height, maxwidth, maxheight)
    response = JsonResponse(data)
    # Consumers on other sites read this with fetch() as well as from their servers.
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=CACHE_AGE)
    return response


# The page cache keys an answer on these parameters only (operations/page_cache.py); any other is ignored.
oembed.page_cache_query = ("url", "format", "maxwidth", "maxheight", "lang")
