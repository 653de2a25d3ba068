"""The demo loader is idempotent and keeps editors' changes."""

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page

from pages.models import CampaignSettings, HomePage, StandardPage
from stories.models import StoryIndexPage, StoryPage


def snapshot():
    return sorted(Page.objects.values_list("url_path", "content_type__model"))


@pytest.mark.django_db
def test_loading_twice_gives_the_same_pages_and_no_duplicates(demo_site):
    first = snapshot()
    images = get_image_model().objects.count()
    call_command("load_demo_content", without_translations=True, verbosity=0)
    assert snapshot() == first
    assert get_image_model().objects.count() == images
    assert HomePage.objects.count() == 1
    assert StoryIndexPage.objects.count() == 1
    assert StoryPage.objects.count() == 5
    assert StandardPage.objects.count() == 4
    assert CampaignSettings.objects.count() == 1


@pytest.mark.django_db
def test_loading_again_keeps_editors_changes(demo_site):
    story = StoryPage.objects.get(slug="lillian")
    story.summary = "Edited by the comms team."
    story.save_revision().publish()
    call_command("load_demo_content", without_translations=True, verbosity=0)
    assert StoryPage.objects.get(slug="lillian").summary == "Edited by the comms team."


@pytest.mark.django_db
def test_the_site_root_is_the_campaign_home(demo_site):
    from wagtail.models import Site

    assert Site.objects.get(is_default_site=True).root_page.specific == demo_site
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()


@pytest.mark.django_db
def test_portraits_are_labelled_placeholders(demo_site):
    for story in StoryPage.objects.all():
        assert story.portrait_alt.startswith("Placeholder portrait, not a photograph of")
        assert story.portrait is not None
