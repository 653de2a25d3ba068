"""sitemap.xml, robots.txt and /.well-known/security.txt."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.test import Client
from django.utils import timezone

from stories.models import StoryPage

SITE = "https://hardcalls.example.org"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def sitemap_locations():
    response = Client().get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    return [loc.text for loc in root.findall("s:url/s:loc", NS)]


@pytest.mark.django_db
def test_sitemap_lists_every_live_public_page_with_absolute_urls(demo_site):
    locations = sitemap_locations()
    for path in ["/", "/stories/", "/stories/lillian/", "/stories/archie/", "/your-anonymity/", "/partner-toolkit/"]:
        assert SITE + path in locations
    assert all(location.startswith(SITE + "/") for location in locations)
    assert len(locations) == len(set(locations))


@pytest.mark.django_db
def test_sitemap_leaves_out_drafts_and_private_pages(demo_site):
    from wagtail.models import PageViewRestriction

    StoryPage.objects.get(slug="godwin").unpublish()
    PageViewRestriction.objects.create(
        page=StoryPage.objects.get(slug="dwayne"), restriction_type="password", password="x-secret-1"
    )
    locations = sitemap_locations()
    assert SITE + "/stories/godwin/" not in locations
    assert SITE + "/stories/dwayne/" not in locations
    assert SITE + "/stories/lillian/" in locations


@pytest.mark.django_db
def test_robots_names_the_sitemap_and_not_the_admin(demo_site, settings):
    settings.ADMIN_PATH = "staff-door"
    response = Client().get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    lines = text.splitlines()
    assert "User-agent: *" in lines
    assert f"Sitemap: {SITE}/sitemap.xml" in lines
    # robots.txt is public: naming the admin's path there would tell anyone where to guess passwords.
    assert "staff-door" not in text and "admin" not in text and "Disallow" not in text


@pytest.mark.django_db
def test_admin_pages_ask_not_to_be_indexed(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def security_fields(text):
    return dict(line.split(": ", 1) for line in text.splitlines() if line and not line.startswith("#"))


@pytest.mark.django_db
def test_security_txt_has_contact_and_an_expiry_under_a_year(settings):
    settings.SECURITY_CONTACT = "mailto:security@hardcalls.example.org"
    response = Client().get("/.well-known/security.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    fields = security_fields(response.content.decode())
    assert fields["Contact"] == "mailto:security@hardcalls.example.org"
    expires = datetime.datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%S%z")
    assert timezone.now() + datetime.timedelta(days=30) < expires < timezone.now() + datetime.timedelta(days=365)
    assert fields["Canonical"] == SITE + "/.well-known/security.txt"
    assert "Placeholder" not in response.content.decode()


@pytest.mark.django_db
def test_security_txt_labels_the_placeholder_and_honours_a_set_expiry(settings):
    settings.SECURITY_CONTACT = settings.SECURITY_CONTACT_PLACEHOLDER
    settings.SECURITY_TXT_EXPIRES = "2027-03-01"
    text = Client().get("/.well-known/security.txt").content.decode()
    assert text.startswith("# Placeholder contact")
    assert security_fields(text)["Expires"] == "2027-03-01T00:00:00Z"
    settings.SECURITY_TXT_EXPIRES = "next spring"  # a typo must not break the file
    assert Client().get("/.well-known/security.txt").status_code == 200
