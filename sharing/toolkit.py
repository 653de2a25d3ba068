"""Per-story material for the partner toolkit page: post text, hashtag, short address, embed code, image."""

from urllib.parse import urlencode

from django.utils import translation

from pages.links import page_url
from stories.models import StoryPage

from .cards import share_image_for
from .embed import embed_html
from .share_links import share_text
from .short_links import short_address


def partner_link(url, partner):
    """The story's address carrying the partner's code, so insights can count visits it brought."""
    return f"{url}?{urlencode({'via': partner.code})}"


def story_kits(partners, cta):
    """One kit per live story in the page's language that is ready to share; `partners` are the organisations whose
    own links are listed."""
    kits = []
    stories = StoryPage.objects.live().public().filter(locale__language_code=translation.get_language())
    for story in stories.select_related("portrait", "share_image").order_by("path"):
        if not story.ready_to_share:
            continue  # its post would carry placeholder text into real social posts
        url = page_url(story)
        short = short_address(story)
        kits.append(
            {
                "story": story,
                "url": url,
                "short_url": short,
                "post_text": f"{share_text(story, cta)} {cta['hashtag']} {short or url}",
                "hashtag": cta["hashtag"],
                # HTML built (and escaped) once by embed_html; the template shows it as text (components/toolkit_story).
                "embed_code": embed_html(story),
                "share_image": share_image_for(story, cta),
                "partner_links": [(partner, partner_link(url, partner)) for partner in partners],
            }
        )
    return kits
