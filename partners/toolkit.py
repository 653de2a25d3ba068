"""Per-story material for the partner toolkit page: post text, hashtag, short address, embed code, image."""

from urllib.parse import urlencode

from pages import cta as cta_values
from pages.share import page_url
from pages.templatetags.share_tags import share_text
from stories.embed import embed_html
from stories.models import StoryPage

from .short_links import short_address


def partner_link(url, partner):
    """The story's address carrying the partner's code, so insights can count visits it brought."""
    return f"{url}?{urlencode({'via': partner.code})}"


def story_kits(partners, cta=None):
    cta = cta or cta_values.without_database()
    kits = []
    for story in StoryPage.objects.live().public().select_related("portrait", "share_image").order_by("path"):
        url = page_url(story)
        short = short_address(story)
        kits.append(
            {
                "story": story,
                "url": url,
                "short_url": short,
                "post_text": f"{share_text(story, cta)} {cta['hashtag']} {short or url}",
                "hashtag": cta["hashtag"],
                "embed_code": str(embed_html(story)),
                "share_image": story.get_share_image(),
                "partner_links": [(partner, partner_link(url, partner)) for partner in partners],
            }
        )
    return kits
