"""Every public page: status, the call-to-action from the one setting, no cookie, nothing third-party."""

import re

import pytest
from django.test import Client

from tests.helpers import tel_links, third_party_assets

PUBLIC_PAGES = [
    "/",
    "/stories/",
    "/stories/lillian/",
    "/stories/dwayne/",
    "/stories/godwin/",
    "/stories/archie/",
    "/stories/fifth-story/",
    "/your-anonymity/",
    "/support/",
    "/accessibility/",
    "/privacy/",
]
NOT_FOUND = "/no-such-page/"


@pytest.fixture
def client():
    # enforce_csrf_checks: behave like a real browser, so a page that needed a CSRF cookie would show it.
    return Client(enforce_csrf_checks=True)


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PAGES + [NOT_FOUND])
def test_public_page_status_cta_and_privacy(client, demo_site, path):
    response = client.get(path)
    assert response.status_code == (404 if path == NOT_FOUND else 200)
    html = response.content.decode()
    assert "tel:0800555111" in tel_links(html)
    assert "0800 555 111" in html
    assert "Crimestoppers anonymously on" in html
    assert "https://crimestoppers-uk.org/give-information/forms/give-information-anonymously" in html
    assert "100% anonymous. Always." in html
    assert response.cookies == {} and "Set-Cookie" not in response.headers
    assert response["Referrer-Policy"] == "no-referrer"
    assert third_party_assets(html) == []


@pytest.mark.django_db
def test_changing_the_setting_changes_every_page(client, campaign_settings):
    campaign_settings.phone_display = "0800 123 456"
    campaign_settings.phone_tel = "0800123456"
    campaign_settings.anonymity_line = "Nobody will know it was you."
    campaign_settings.full_clean()
    campaign_settings.save()
    for path in PUBLIC_PAGES + [NOT_FOUND]:
        html = client.get(path).content.decode()
        assert set(tel_links(html)) == {"tel:0800123456"}, path
        assert 'call-link__number">0800 123 456<' in html, path
        assert 'call-link__number">0800 555 111<' not in html, path
        assert "Nobody will know it was you." in html, path


@pytest.mark.django_db
def test_call_link_appears_in_header_end_of_story_and_phone_bar(client, demo_site):
    html = client.get("/stories/lillian/").content.decode()
    assert html.count('href="tel:0800555111"') >= 4  # header, end of story, footer, fixed bar
    assert 'class="cta-bar"' in html
    assert 'class="call-link call-link--header"' in html


@pytest.mark.django_db
def test_story_page_shows_the_family_and_the_hard_call(client, demo_site):
    html = client.get("/stories/lillian/").content.decode()
    assert "Lillian and Quamari" in html
    assert "The hard call" in html
    assert "Lillian had to call her aunty to tell her." in html
    assert "<picture>" in html and "format-avif" in html and "format-webp" in html


@pytest.mark.django_db
def test_home_lists_the_five_stories_with_portraits(client, demo_site):
    html = client.get("/").content.decode()
    for mother_and_son in ["Lillian", "Quamari", "Dwayne", "Godwin Lawson", "Becky", "Archie"]:
        assert mother_and_son in html
    assert html.count('class="story-card"') == 5
    assert html.count('loading="eager"') == 1, "only the first image on a page loads eagerly"
    assert 'href="/your-anonymity/"' in html


@pytest.mark.django_db
def test_unknown_facts_are_labelled_as_placeholders(client, demo_site):
    for slug in ["dwayne", "godwin", "archie", "fifth-story"]:
        html = client.get(f"/stories/{slug}/").content.decode()
        assert "Placeholder text for the comms team" in html, slug
    fifth = client.get("/stories/fifth-story/").content.decode()
    assert "Name to be confirmed" in fifth


@pytest.mark.django_db
def test_public_posts_are_text_not_widgets(client, demo_site):
    html = client.get("/stories/archie/").content.decode()
    assert 'class="public-post"' in html
    assert "<iframe" not in html
    # The only script is our own module (beside its words as data: a JSON block, never run).
    assert re.findall(r"<script[^>]*>", html) == [
        '<script type="module" src="/static/js/site.js">',
        '<script id="site-messages" type="application/json">',
    ]
