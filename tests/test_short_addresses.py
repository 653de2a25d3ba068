"""Short addresses (/lillian) answer 301 to the story, and comms staff can change them in the admin."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect

from demo.loader import load as load_demo
from stories.models import StoryPage

SLUGS = ["lillian", "dwayne", "godwin", "archie", "fifth-story"]


@pytest.mark.django_db
@pytest.mark.parametrize("slug", SLUGS)
def test_short_address_is_a_permanent_redirect_to_the_story(demo_site, slug):
    response = Client().get(f"/{slug}")
    assert response.status_code == 301
    assert response["Location"].endswith(f"/stories/{slug}/")
    assert Client().get(f"/{slug}/").status_code == 301  # with a trailing slash too
    assert "Set-Cookie" not in response.headers


@pytest.mark.django_db
def test_demo_loader_creates_them_once_and_keeps_editors_changes(demo_site):
    redirect = Redirect.objects.get(old_path="/lillian")
    redirect.redirect_page = StoryPage.objects.get(slug="archie")
    redirect.save()
    load_demo()
    assert Redirect.objects.filter(old_path="/lillian").count() == 1
    assert Redirect.objects.get(old_path="/lillian").redirect_page.slug == "archie"
    assert Redirect.objects.count() == len(SLUGS)


@pytest.mark.django_db
def test_editing_a_short_address_in_the_admin_takes_effect(demo_site):
    admin = get_user_model().objects.create_superuser("editor", "editor@example.invalid", "a-long-password-1")
    client = Client()
    client.force_login(admin)
    redirect = Redirect.objects.get(old_path="/archie")
    godwin = StoryPage.objects.get(slug="godwin")
    response = client.post(
        reverse("wagtailredirects:edit", args=[redirect.pk]),
        {"old_path": "/becky", "site": "", "is_permanent": "on", "redirect_page": godwin.pk, "redirect_link": ""},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    visitor = Client()
    # The old address no longer leads to a story (Django's slash-appending then finds nothing).
    assert visitor.get("/archie", follow=True).status_code == 404
    moved = visitor.get("/becky")
    assert moved.status_code == 301 and moved["Location"].endswith("/stories/godwin/")


@pytest.mark.django_db
def test_a_new_short_address_added_in_the_admin_works(demo_site):
    admin = get_user_model().objects.create_superuser("editor", "editor@example.invalid", "a-long-password-1")
    client = Client()
    client.force_login(admin)
    story = StoryPage.objects.get(slug="dwayne")
    response = client.post(
        reverse("wagtailredirects:add"),
        {"old_path": "/dwayne-radio", "site": "", "is_permanent": "on", "redirect_page": story.pk, "redirect_link": ""},
    )
    assert response.status_code == 302
    assert Client().get("/dwayne-radio")["Location"].endswith("/stories/dwayne/")


@pytest.mark.django_db
def test_a_short_address_keeps_the_partner_code_and_nothing_else(demo_site):
    # A poster's QR code opens /lillian?via=CODE: the story must still carry the code for the anonymous counters.
    response = Client().get("/lillian?via=example-borough&utm_source=poster&name=someone")
    assert response.status_code == 301
    assert response["Location"] == "/stories/lillian/?via=example-borough"
    for query in ("via=Not%20A%20Code", "via=", "via=x" * 40, "other=1"):
        assert Client().get(f"/lillian?{query}")["Location"] == "/stories/lillian/", query
