from django.contrib import messages
from django.utils.text import get_text_list
from wagtail import hooks

from stories.publish_guards import PUBLISH_CHECK_HOOK

from .short_links import short_address_problems

# A story cannot go live without a short address that leads nowhere else (stories/publish_guards.py runs it).
hooks.register(PUBLISH_CHECK_HOOK, short_address_problems)


@hooks.register("after_publish_page")
def say_when_a_published_story_is_not_offered_for_sharing(request, page):
    """The editor learns at once why a live story has no share links (StoryPage.ready_to_share)."""
    story = page.specific
    fields = getattr(story, "placeholder_shared_fields", None)
    if not fields:
        return
    labels = [str(story._meta.get_field(field).verbose_name) for field in fields]
    messages.warning(
        request,
        f"“{story.title}” is live, but not offered for sharing yet: its {get_text_list(labels, 'and')} still "
        "hold placeholder text. Replace it and publish again to add its share links, share card, embed card and "
        "partner toolkit post.",
    )
