"""Visitor safety in the HTML every public page sends: quick exit, content notes, anonymity links, leaving notes."""

import re
from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError
from django.test import Client, override_settings

from stories.models import DEFAULT_CONTENT_NOTE, StoryPage
from tests.test_public_pages import NOT_FOUND, PUBLIC_PAGES

DEFAULT_EXIT = "https://www.bbc.co.uk/weather"


class Links(HTMLParser):
    """Every <a>: its attributes, its text, and the class of every element it sits in."""

    def __init__(self):
        super().__init__()
        self.links = []
        self._open = []  # (tag, classes)
        self._current = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            self._current = {**attrs, "text": "", "within": " ".join(c for _, c in self._open)}
            self.links.append(self._current)
        if tag not in {"br", "img", "source", "meta", "link", "input"}:
            self._open.append((tag, attrs.get("class") or ""))

    def handle_endtag(self, tag):
        if tag == "a":
            self._current = None
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                del self._open[index:]
                break

    def handle_data(self, data):
        if self._current is not None:
            self._current["text"] += data


def links(html):
    parser = Links()
    parser.feed(html)
    return parser.links


def text_of(link):
    return re.sub(r"\s+", " ", link["text"]).strip()


@pytest.fixture
def client():
    return Client()


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PAGES + [NOT_FOUND])
def test_every_page_starts_with_the_quick_exit_and_puts_the_anonymity_link_beside_each_call(client, demo_site, path):
    html = client.get(path).content.decode()
    found = links(html)
    # The skip link first, then the quick exit: the second stop for keyboard users.
    assert found[0]["href"] == "#main"
    exit_link = found[1]
    assert exit_link["href"] == DEFAULT_EXIT
    assert "noreferrer" in exit_link["rel"] and exit_link["target"] == "_top"
    assert text_of(exit_link) == "Emergency: Exit this page"
    assert "quick-exit" in exit_link["within"]

    for place in ["site-header", "cta-bar", "site-footer"]:
        near_call = [link for link in found if place in link["within"]]
        assert any(link["href"].startswith("tel:") for link in near_call), place
        assert any(link["href"] == "/your-anonymity/" for link in near_call), place
    assert "100% anonymous. Always. Read how your anonymity is protected." in [text_of(link) for link in found]
    cta_block = [link for link in found if "cta" in link["within"].split()]
    assert any(link["href"].startswith("tel:") for link in cta_block), path
    assert any(link["href"] == "/your-anonymity/" for link in cta_block), path


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PAGES + [NOT_FOUND])
def test_links_to_crimestoppers_say_the_visitor_leaves_for_a_site_with_cookies(client, demo_site, path):
    to_crimestoppers = [
        link for link in links(client.get(path).content.decode()) if "crimestoppers-uk.org" in link["href"]
    ]
    assert to_crimestoppers, path
    for link in to_crimestoppers:
        assert "leave this site" in text_of(link) and "cookies" in text_of(link), (path, text_of(link))
        assert "noreferrer" in link["rel"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PAGES + [NOT_FOUND])
def test_only_the_first_image_loads_eagerly(client, demo_site, path):
    images = re.findall(r"<img\b[^>]*>", client.get(path).content.decode())
    assert len([img for img in images if 'loading="lazy"' not in img]) <= 1, path


@pytest.mark.django_db
def test_the_quick_exit_destination_is_the_site_setting(client, campaign_settings):
    campaign_settings.quick_exit_url = "https://www.example.org/news"
    campaign_settings.full_clean()
    campaign_settings.save()
    for path in PUBLIC_PAGES + [NOT_FOUND]:
        exit_link = links(client.get(path).content.decode())[1]
        assert exit_link["href"] == "https://www.example.org/news", path


@pytest.mark.django_db
def test_the_quick_exit_destination_must_be_https(campaign_settings):
    campaign_settings.quick_exit_url = "http://www.example.org/"
    with pytest.raises(ValidationError) as error:
        campaign_settings.full_clean()
    assert "quick_exit_url" in error.value.message_dict


@override_settings(ROOT_URLCONF="tests.test_error_pages")  # its /boom/ route raises
def test_the_500_page_has_the_quick_exit_without_the_database():
    response = Client(raise_request_exception=False).get("/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    found = links(html)
    assert found[1]["href"] == DEFAULT_EXIT
    # No page served yet in this process, so no key page is known: the promise stays, as text.
    assert '<span class="anonymity-link anonymity-link--bar">100% anonymous. Always.</span>' in html


@pytest.mark.django_db
def test_the_500_page_links_to_the_anonymity_page_the_site_last_showed(demo_site):
    assert Client().get("/").status_code == 200
    with override_settings(ROOT_URLCONF="tests.test_error_pages"):
        response = Client(raise_request_exception=False).get("/boom/")
    assert response.status_code == 500
    found = links(response.content.decode())
    assert any(link["href"] == "/your-anonymity/" and "cta-bar" in link["within"] for link in found)


@pytest.mark.django_db
def test_content_note_comes_before_the_film_and_the_story_and_the_call_stays(client, demo_site):
    html = client.get("/stories/lillian/").content.decode()
    note = html.index('class="content-note"')
    assert DEFAULT_CONTENT_NOTE.replace("'", "&#x27;") in html
    assert note < html.index('class="film"') < html.index('class="story__narrative"')
    assert note < html.index('class="story__hard-call"')
    # A warning, not a gate: the story and every call link are in the page as sent.
    assert "Lillian had to call her aunty to tell her." in html
    assert html.count('href="tel:0800555111"') >= 4
    assert 'href="#cta-heading"' in html and 'id="cta-heading"' in html
    assert 'href="/support/"' in html[note : html.index('class="story__facts"')]


@pytest.mark.django_db
def test_editors_can_change_or_remove_the_content_note(client, demo_site):
    story = StoryPage.objects.get(slug="archie")
    story.content_note = "This story describes a knife attack, and a mother's text to her son."
    story.save_revision().publish()
    assert "a knife attack, and a mother&#x27;s text to her son" in client.get("/stories/archie/").content.decode()
    story.content_note = ""
    story.save_revision().publish()
    html = client.get("/stories/archie/").content.decode()
    assert 'class="content-note"' not in html and "on his way home from a friend" in html


@pytest.mark.django_db
def test_anonymity_page_says_quick_exit_does_not_erase_history_and_how_to_clear_it(client, demo_site):
    html = client.get("/your-anonymity/").content.decode()
    assert "Exit this page" in html and "Shift key 3" in html
    assert "does not erase your browsing history" in html
    assert "Clearing your browsing history" in html
    assert "private or incognito window" in html


@pytest.mark.django_db
def test_accessibility_statement_follows_the_public_sector_form_and_claims_no_untested_audit(client, demo_site):
    html = client.get("/accessibility/").content.decode()
    for heading in [
        "How accessible this website is",
        "Feedback and contact information",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Technical information about this website&#x27;s accessibility",
        "Compliance status",
        "How we tested this website",
        "Preparation of this accessibility statement",
    ]:
        assert f">{heading}</h" in html, heading
    assert "axe-core" in html and "320 pixels" in html
    assert "No manual audit and no testing with disabled people has been done yet." in html
    assert html.count("Placeholder text for the comms team") >= 4


@pytest.mark.django_db
def test_print_stylesheet_is_linked_for_print_only(client, demo_site):
    html = client.get("/stories/lillian/").content.decode()
    assert '<link rel="stylesheet" href="/static/css/print.css" media="print">' in html
