"""Short addresses (/lillian) for radio, TV and print: permanent Wagtail redirects that comms staff edit."""

from wagtail.contrib.redirects.models import Redirect

from pages.links import absolute_url


def ensure_short_address(story, path=None):
    """Creates /<slug> → the story once. An existing redirect for that path is left as editors made it."""
    old_path = Redirect.normalise_path(path or f"/{story.slug}")
    redirect, _ = Redirect.objects.get_or_create(
        old_path=old_path, site=None, defaults={"redirect_page": story, "is_permanent": True}
    )
    return redirect


def short_address(story):
    """The story's shortest permanent address as an absolute URL, or "" when it has none."""
    paths = Redirect.objects.filter(redirect_page=story, is_permanent=True).values_list("old_path", flat=True)
    shortest = min(paths, key=len, default=None)
    return absolute_url(shortest) if shortest else ""
