"""The embeddable story card at /stories/<slug>/embed/ and the iframe code that partners paste.

This is the only route any site may frame. It sets no cookie, loads nothing from another origin and speaks
WordPress's embed protocol (height and link messages carrying the secret from the URL fragment), so it also
works inside WordPress's sandboxed iframe.
"""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.html import format_html
from django.utils.translation import gettext
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from pages.links import absolute_url, page_url
from stories.models import StoryPage

DEFAULT_WIDTH = 480
DEFAULT_HEIGHT = 640
MIN_WIDTH = 200
MIN_HEIGHT = 200


def live_story(slug):
    """The live, public story with this slug in the language of the address (`/ar/stories/<slug>/embed/` is Arabic)
    that may be embedded: one with placeholder text still in it has no card yet."""
    story = (
        StoryPage.objects.live()
        .public()
        .filter(slug=slug, locale__language_code=translation.get_language())
        .select_related("portrait")
        .first()
    )
    if story is None or not story.ready_to_share:
        raise Http404("No such story")
    return story


def embed_url(story):
    """The card in the story's own language (English unprefixed, others under their code)."""
    with translation.override(story.locale.language_code):
        return absolute_url(reverse("story-embed", args=[story.slug]))


def embed_title(story):
    return gettext("%(title)s: a story from Hard calls save lives") % {"title": story.title}


def embed_html(story, width=DEFAULT_WIDTH, height=DEFAULT_HEIGHT):
    """The code a partner pastes: a titled iframe, and a quote with a link shown where iframes are not allowed.

    The classes and the blockquote follow WordPress's own embeds, so WordPress shows the link until the card
    reports its height, then swaps in the card.
    """
    url = page_url(story)
    return format_html(
        '<blockquote class="wp-embedded-content"><a href="{url}">{title}</a>: {summary}</blockquote>'
        '<iframe class="wp-embedded-content" src="{src}" width="{width}" height="{height}" title="{iframe_title}" '
        'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation" '
        'loading="lazy" style="border:0;max-width:100%"></iframe>',
        url=url,
        title=story.title,
        summary=story.summary,
        src=embed_url(story),
        width=width,
        height=height,
        iframe_title=embed_title(story),
    )


@xframe_options_exempt
@require_safe
def story_embed(request, slug):
    story = live_story(slug)
    # The only route any site may frame: `xframe_options_exempt` also gives it a frameable CSP (operations/privacy.py).
    response = render(request, "sharing/embed_card.html", {"story": story, "story_url": page_url(story)})
    patch_cache_control(response, public=True, max_age=300)
    return response
