from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "sharing"
    verbose_name = "Sharing: share cards and links, embed card, oEmbed, short addresses, partner toolkit"

    def ready(self):
        from . import short_links  # noqa: F401  (gives a story its short address when first published)
