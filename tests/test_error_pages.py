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
