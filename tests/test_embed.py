"""The embeddable story card: frameable by anyone (and only it), no cookie, nothing third-party, the CTA."""

from html.parser import HTMLParser

import pytest
from django.test import Client
from django.utils.html import escape

from stories.models import StoryPage
from tests.helpers import tel_links, third_party_assets


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []
        self.scripts = []
        self.inline_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            self.links.append(attrs)
        if tag == "script" and attrs.get("type") != "application/json":  # a JSON data block is never run
            self.scripts.append(attrs.get("src"))
            self.inline_script = self.inline_script or not attrs.get("src")


@pytest.fixture
def client():
    return Client(enforce_csrf_checks=True)


@pytest.mark.django_db
def test_embed_may_be_framed_by_any_site_and_says_so_for_the_csp(client, demo_site):
    response = client.get("/stories/lillian/embed/")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response.headers
    # Frameable from anywhere: frame-ancestors * here, 'none' everywhere else.
    assert "frame-ancestors *" in response["Content-Security-Policy"].split("; ")
    assert "public" in response["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/stories/lillian/", "/partner-toolkit/", "/oembed/?url=x"])
def test_every_other_route_refuses_framing(client, demo_site, path):
    response = client.get(path)
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"].split("; ")


@pytest.mark.django_db
def test_embed_sets_no_cookie_and_loads_nothing_third_party(client, demo_site):
    response = client.get("/stories/archie/embed/")
    html = response.content.decode()
    assert response.cookies == {} and "Set-Cookie" not in response.headers
    assert third_party_assets(html) == []
    parser = LinkParser()
    parser.feed(html)
    # The coming CSP forbids inline scripts: the card's only script is a static file of ours.
    assert not parser.inline_script and parser.scripts == ["/static/js/site.js"]
    assert 'style="' not in html and "<style" not in html


@pytest.mark.django_db
def test_embed_shows_the_story_and_the_call_to_action_from_the_setting(client, campaign_settings):
    campaign_settings.phone_display = "0800 123 456"
    campaign_settings.phone_tel = "0800123456"
    campaign_settings.save()
    html = client.get("/stories/archie/embed/").content.decode()
    assert tel_links(html) == ["tel:0800123456"]
    assert "0800 123 456" in html and "100% anonymous. Always." in html
    story = StoryPage.objects.get(slug="archie")
    assert escape(story.summary) in html and "Becky" in html and "Archie" in html
    parser = LinkParser()
    parser.feed(html)
    new_tab = [link for link in parser.links if link.get("target") == "_blank"]
    film = [link for link in new_tab if link["href"].endswith("/stories/archie/")]
    assert len(film) == 1 and "noopener" in film[0]["rel"]
    assert "opens in a new tab" in html
    # The online form as well as the phone, leaving the frame and sending no referrer.
    form = [link for link in new_tab if link.get("class") == "form-link"]
    assert [link["href"] for link in form] == [campaign_settings.online_form_url]
    assert "noreferrer" in form[0]["rel"]
    assert len(new_tab) == 2


@pytest.mark.django_db
def test_unknown_draft_or_private_stories_have_no_card(client, demo_site):
    assert client.get("/stories/no-such-story/embed/").status_code == 404
    story = StoryPage.objects.get(slug="godwin")
    story.unpublish()
    assert client.get("/stories/godwin/embed/").status_code == 404
    assert client.post("/stories/lillian/embed/").status_code in {403, 405}  # CSRF or method: never served
