from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def campaign_name():
    """The campaign's name (settings.WAGTAIL_SITE_NAME), for the admin's sign-in page and browser tabs."""
    return settings.WAGTAIL_SITE_NAME
