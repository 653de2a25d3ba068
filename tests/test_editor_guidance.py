"""What comms staff see in the admin: field guidance, previews (story and embed card), the full accessibility
checker in preview, and the stories waiting for sign-off on the dashboard."""

import html
import json
import re

import pytest
from django.urls import reverse

from editorial.roles import EDITORS
from films.models import Film, FilmCaptionTrack
from insights.models import InsightsSettings
from pages.models import CampaignSettings, HomePage, KeyPages, StandardPage
from partners.models import Partner, PartnerToolkitPage
from stories.models import StoryIndexPage, StoryPage
from tests.editorial import PASSWORD, edit_url, new_draft_story, staff_user, story_form_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model",
    [
        HomePage,
        StoryIndexPage,
        StoryPage,
        StandardPage,
        CampaignSettings,
        KeyPages,
        Partner,
        PartnerToolkitPage,
        Film,
        FilmCaptionTrack,
        InsightsSettings,
    ],
)
def test_every_field_an_editor_fills_in_has_guidance(model):
    handler = model.get_edit_handler() if hasattr(model, "get_edit_handler") else None
    if handler is None:
        from wagtail.admin.panels import get_edit_handler

        handler = get_edit_handler(model)
    form_class = handler.get_form_class()
    # Wagtail's own promote and settings fields (slug, SEO title, go-live dates...) carry Wagtail's guidance.
    own_fields = {f.name for f in model._meta.get_fields() if getattr(f, "model", None) is model} | {"title"}
    fields = {name: field for name, field in form_class.base_fields.items() if name in own_fields}
    assert fields
    missing = [name for name, field in fields.items() if not (field.help_text or "").strip()]
    assert missing == []
    # Labels in plain English: no technical names an officer would have to look up.
    jargon = [name for name, field in fields.items() if re.search(r"\b(Url|WebVTT|display|count)\b", str(field.label))]
    assert jargon == []


@pytest.fixture
def admin_client(client, demo_site):
    staff_user("boss", superuser=True)
    client.login(username="boss", password=PASSWORD)
    return client


def preview(client, story, mode):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[story.pk])
    assert client.post(url, story_form_data(story)).json()["is_valid"]
    return client.get(url, {"mode": mode})


def test_story_preview_offers_the_page_and_the_embed_card(admin_client):
    story = StoryPage.objects.get(slug="lillian")
    assert story.preview_modes == [("", "Story page"), ("embed", "Embed card")]
    page = html.unescape(preview(admin_client, story, "").content.decode())
    assert '<main id="main"' in page and story.hard_call in page
    card = html.unescape(preview(admin_client, story, "embed").content.decode())
    assert "embed__card" in card and story.summary in card and "tel:" in card
    assert story.hard_call not in card, "the embed card is not the whole story"
    edit_page = admin_client.get(edit_url(story)).content.decode()
    assert "Embed card" in edit_page


def test_preview_carries_the_full_accessibility_checker(admin_client):
    story = StoryPage.objects.get(slug="lillian")
    page = html.unescape(preview(admin_client, story, "").content.decode())
    config = re.search(r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>', page, re.S)
    assert config, "the userbar's checker is missing from the preview"
    options = json.loads(config.group(1))["options"]
    assert options["runOnly"] == ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def test_the_public_page_carries_no_userbar_even_for_signed_in_staff(admin_client):
    response = admin_client.get("/stories/lillian/")
    assert response.status_code == 200
    assert "wagtail-userbar" not in response.content.decode()
    assert "Cookie" not in response.get("Vary", "")


def test_dashboard_lists_stories_waiting_for_sign_off(client, demo_site):
    editor = staff_user("eddie", EDITORS)
    editor.first_name = "Eddie"
    editor.save()
    client.login(username=editor.username, password=PASSWORD)
    assert "No story is waiting for sign-off." in client.get(reverse("wagtailadmin_home")).content.decode()

    story = new_draft_story(title="Awaiting the family")
    client.post(edit_url(story), story_form_data(story, **{"action-submit": "Submit"}))
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = dashboard[dashboard.index("Stories waiting for sign-off") :]
    assert "Awaiting the family" in panel
    assert "Family sign-off" in panel
    assert "Eddie" in panel
