from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "sharing"
    verbose_name = "Sharing: share cards and links, embed card, oEmbed, short addresses, partner toolkit"
