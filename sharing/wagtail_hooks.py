from wagtail import hooks

from stories.publish_guards import PUBLISH_CHECK_HOOK

from .short_links import short_address_problems

# A story cannot go live without a short address that leads nowhere else (stories/publish_guards.py runs it).
hooks.register(PUBLISH_CHECK_HOOK, short_address_problems)
