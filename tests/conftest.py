"""Shared fixtures: a temporary media folder for every test, and the demo site."""

import os

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in the test thread; Django's ORM must still be usable there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def clear_cache():
    """Every cache, the full-page cache included: no test sees another's pages."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def demo_site(db):
    """The demo content exactly as `make run` loads it."""
    call_command("load_demo_content", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    from pages.models import HomePage

    return HomePage.objects.get()


@pytest.fixture
def campaign_settings(demo_site):
    from wagtail.models import Site

    from pages.models import CampaignSettings

    return CampaignSettings.for_site(Site.objects.get(is_default_site=True))
