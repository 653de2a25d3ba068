"""Share links under each story: plain links to each network with the hashtag, no third-party script."""

from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client

from tests.helpers import third_party_assets

SITE = "https://hardcalls.example.org"
STORY = SITE + "/stories/godwin/"


class ShareParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inside = False
        self.links = []
        self.buttons = []
        self.section = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and "data-share" in attrs:
            self.inside = True
            self.section = attrs
        if self.inside and tag == "a":
            self.links.append(attrs["href"])
        if self.inside and tag == "li" and ("data-share-copy" in attrs or "data-share-native" in attrs):
            self.buttons.append(attrs)

    def handle_endtag(self, tag):
        if tag == "section":
            self.inside = False


@pytest.fixture
def share(settings, demo_site):
    settings.SITE_URL = SITE
    html = Client().get("/stories/godwin/").content.decode()
    parser = ShareParser()
    parser.feed(html)
    return parser, html


@pytest.mark.django_db
def test_each_network_gets_the_story_address_and_hashtag(share):
    parser, html = share
    by_host = {urlsplit(link).netloc or urlsplit(link).scheme: link for link in parser.links}
    assert set(by_host) == {"wa.me", "x.com", "www.facebook.com", "mailto"}
    whatsapp = parse_qs(urlsplit(by_host["wa.me"]).query)["text"][0]
    assert STORY in whatsapp and "#HardCallsSaveLives" in whatsapp and "0800 555 111" in whatsapp
    x = parse_qs(urlsplit(by_host["x.com"]).query)
    assert x["url"] == [STORY] and x["hashtags"] == ["HardCallsSaveLives"]
    facebook = parse_qs(urlsplit(by_host["www.facebook.com"]).query)
    assert facebook["u"] == [STORY] and facebook["hashtag"] == ["#HardCallsSaveLives"]
    email = parse_qs(urlsplit(by_host["mailto"]).query)
    assert STORY in email["body"][0] and "#HardCallsSaveLives" in email["body"][0]
    assert email["subject"] == ["Godwin's story"]
    # The networks are only links: nothing from them loads with the page.
    assert third_party_assets(html) == []
    assert "facebook.com" not in "".join(third_party_assets(html))


@pytest.mark.django_db
def test_script_only_buttons_start_hidden(share):
    parser, _ = share
    assert len(parser.buttons) == 2
    assert all("hidden" in button for button in parser.buttons)
    assert parser.section["data-share-url"] == STORY


@pytest.mark.django_db
def test_links_follow_the_hashtag_setting(settings, campaign_settings):
    settings.SITE_URL = SITE
    campaign_settings.hashtag = "#CallItIn"
    campaign_settings.save()
    parser = ShareParser()
    parser.feed(Client().get("/stories/godwin/").content.decode())
    assert any("hashtags=CallItIn" in link for link in parser.links)
    assert not any("HardCallsSaveLives" in link for link in parser.links)
