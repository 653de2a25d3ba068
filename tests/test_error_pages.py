"""Error pages keep the call-to-action; the 500 page needs no database."""

import pytest
from django.db import connections
from django.test import Client, override_settings
from django.urls import path

from pages import call_to_action
from tests.helpers import tel_links


def boom(request):
    raise RuntimeError("deliberate failure for the test")


urlpatterns = [path("boom/", boom)]
handler500 = "campaign_site.error_views.server_error"


@override_settings(ROOT_URLCONF=__name__)
def test_500_page_shows_the_number_without_touching_the_database():
    # No `db` fixture: pytest-django makes any database access in this test raise.
    response = Client(raise_request_exception=False).get("/boom/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "Sorry, something went wrong" in html
    assert tel_links(html) and all(link == "tel:0800555111" for link in tel_links(html))
    assert "Traceback" not in html and "RuntimeError" not in html
    assert response.cookies == {}


@pytest.mark.django_db
def test_500_page_uses_the_last_saved_setting(campaign_settings):
    campaign_settings.phone_display = "0800 222 333"
    campaign_settings.phone_tel = "0800222333"
    campaign_settings.save()
    assert call_to_action.without_database()["cta"]["phone_tel"] == "0800222333"
    with override_settings(ROOT_URLCONF=__name__):
        html = Client(raise_request_exception=False).get("/boom/").content.decode()
    assert "tel:0800222333" in tel_links(html)


@override_settings(ROOT_URLCONF=__name__)
def test_500_page_renders_when_the_database_is_unreachable(settings):
    # Point the connection at an address where nothing listens; never stop the shared server.
    connection = connections["default"]
    original = dict(connection.settings_dict)
    try:
        connection.close()
        connection.settings_dict.update(
            {
                "ENGINE": "django.db.backends.postgresql",
                "HOST": "127.0.0.1",
                "PORT": "1",
                "NAME": "none",
                "USER": "none",
                "OPTIONS": {"connect_timeout": 1},
            }
        )
        response = Client(raise_request_exception=False).get("/boom/")
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(original)
    assert response.status_code == 500
    assert "tel:" in response.content.decode()


def assert_site_error_page(response, status, heading):
    html = response.content.decode()
    assert response.status_code == status
    assert f"<h1>{heading}</h1>" in html
    assert tel_links(html) and all(link == "tel:0800555111" for link in tel_links(html))
    # The CSP allows no inline style: none is there to be blocked.
    assert 'style="' not in html and "<style" not in html
    assert "{%" not in html and "{{" not in html
    assert "Content-Security-Policy" in response.headers
    assert response.cookies == {}
    return html


@pytest.mark.django_db
def test_400_page_for_a_bad_host(demo_site, settings):
    settings.ALLOWED_HOSTS = ["hardcalls.example.org"]
    response = Client(raise_request_exception=False).get("/", HTTP_HOST="evil.example")
    assert_site_error_page(response, 400, "Sorry, we could not read that request")


@pytest.mark.django_db
def test_403_page_for_a_failed_csrf_check_does_not_ask_for_cookies(demo_site):
    # A sign-in form posted without its token (an expired tab, or a forged request from another site).
    response = Client(enforce_csrf_checks=True).post("/admin/login/", {"username": "x", "password": "y"})
    html = assert_site_error_page(response, 403, "Sorry, you cannot do that here")
    # Django's own page asks the visitor to enable cookies; public pages set none, so ours does not.
    assert "enable cookies" not in html.lower() and "cookies are required" not in html.lower()
    assert "reload the page and try again" in html


@pytest.mark.django_db
def test_405_page_for_a_method_a_view_does_not_accept(demo_site):
    response = Client().post("/robots.txt")
    assert_site_error_page(response, 405, "Sorry, you cannot do that here")
    assert response["Allow"] == "GET, HEAD"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/stories/lillian/", "/oembed/", "/events/", "/robots.txt", "/admin/login/"])
@pytest.mark.parametrize("method", ["TRACE", "TRACK"])
def test_trace_is_refused_everywhere(demo_site, path, method):
    response = Client().generic(method, path, HTTP_X_SECRET="echo-me")
    assert_site_error_page(response, 405, "Sorry, you cannot do that here")
    assert "echo-me" not in response.content.decode()
