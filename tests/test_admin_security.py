"""Admin hardening: throttled logins that store no address, a second factor for every staff account, no caching."""

import logging
import os
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "a-long-staff-passphrase"  # noqa: S105


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)


def log_in(client, username="editor", password=PASSWORD):
    return client.post(reverse("wagtailadmin_login"), {"username": username, "password": password})


def current_token(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):0{device.digits}d}"


@pytest.fixture
def throttling(settings, caplog):
    settings.LOGIN_THROTTLE_ENABLED = True
    settings.LOGIN_THROTTLE_FAILURES = 3
    settings.LOGIN_THROTTLE_USERNAME_FAILURES = 10
    caplog.set_level(logging.DEBUG)
    return caplog


def from_network(address, user_agent="Mozilla/5.0 (Linux; Android 14) Mobile"):
    return Client(REMOTE_ADDR=address, headers={"user-agent": user_agent})


def test_guessing_from_one_network_is_stopped_even_with_the_right_password(editor, throttling):
    guesser = from_network("203.0.113.9")
    assert [log_in(guesser, password=f"guess-{i}").status_code for i in range(3)] == [200, 200, 200]
    response = log_in(guesser)  # the right password now: too late from this network
    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many attempts to sign in" in html and 'href="tel:0800555111"' in html
    assert int(response["Retry-After"]) == 15 * 60
    # Another address in the same /24 is the same network.
    assert log_in(from_network("203.0.113.200")).status_code == 429
    assert "_auth_user_id" not in guesser.session


def test_a_stranger_cannot_lock_an_editor_out(editor, throttling):
    stranger = from_network("203.0.113.9")
    for i in range(10):
        log_in(stranger, password=f"guess-{i}")
    assert log_in(stranger).status_code == 429
    # The editor, from their own network, signs in at once.
    office = from_network("198.51.100.7")
    response = log_in(office)
    assert response.status_code == 302
    assert office.session["_auth_user_id"] == str(editor.pk)


def test_guessing_from_many_networks_slows_the_username_but_never_locks_it(editor, throttling):
    for network in range(12):  # a botnet: two guesses from each of twelve networks
        for guess in range(2):
            log_in(from_network(f"192.0.{network}.1"), password=f"guess-{network}-{guess}")
    office = from_network("198.51.100.7")
    # One attempt a minute per network: a typo now makes the editor wait a minute, not a quarter of an hour ...
    assert log_in(office, password="typo").status_code == 200
    assert log_in(office).status_code == 429
    # ... and the right password first time gets straight in.
    home = from_network("100.64.1.1")
    assert log_in(home).status_code == 302


def test_a_few_failures_do_not_lock_out(client, editor, throttling):
    log_in(client, password="wrong-password")
    response = log_in(client)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_throttling_stores_and_logs_no_address_and_no_user_agent(editor, throttling):
    from django.core.cache import cache
    from django.db import connection

    client = from_network("203.0.113.9", user_agent="Mozilla/5.0 identifying-browser")
    for i in range(4):
        log_in(client, password=f"wrong-{i}")
    log_in(from_network("2001:db8:77::5"))
    # Not in the cache (keys are keyed hashes, values counts) ...
    cached = repr(cache._cache) + repr(list(cache._cache.keys()))
    for secret in ("203.0.113", "2001:db8", "identifying-browser"):
        assert secret not in cached
    # ... nor in any table ...
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - our own table names
            dumped = repr(cursor.fetchall())
            assert "203.0.113" not in dumped and "identifying-browser" not in dumped, table
    # ... nor in any log line.
    for record in throttling.records:
        assert "203.0.113" not in record.getMessage() and "identifying-browser" not in record.getMessage()


def test_no_public_password_form_outside_the_admin(client, editor):
    assert client.get("/_util/login/").status_code == 404
    assert client.post("/_util/login/", {"username": "editor", "password": PASSWORD}).status_code == 404
    assert client.get("/_util/authenticate_with_password/1/1/").status_code == 404


def test_password_reset_is_off(client, editor, mailoutbox):
    assert client.get("/admin/password_reset/").status_code == 404
    response = client.post("/admin/password_reset/", {"email": "editor@example.org"})
    assert response.status_code == 404
    assert mailoutbox == []
    assert "password_reset" not in client.get(reverse("wagtailadmin_login")).content.decode()


@pytest.fixture
def two_factor(settings):
    settings.WAGTAIL_2FA_REQUIRED = True


def test_staff_without_a_second_factor_is_sent_to_set_one_up(client, editor, two_factor):
    assert log_in(client).status_code == 302
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtail_2fa_device_new"))
    for name in ("wagtailadmin_pages:add_subpage", "wagtailsnippets:index", "wagtailusers_users:index"):
        args = (1,) if name.endswith("add_subpage") else ()
        assert client.get(reverse(name, args=args)).status_code == 302
    # The setup page itself works on this Wagtail version and shows a QR code to scan.
    setup = client.get(reverse("wagtail_2fa_device_new"))
    assert setup.status_code == 200
    assert b"otp_token" in setup.content


def test_staff_with_a_device_must_enter_a_code_before_the_admin(client, editor, two_factor):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    log_in(client)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtail_2fa_auth"))

    wrong = client.post(reverse("wagtail_2fa_auth"), {"otp_token": "000000"})
    assert wrong.status_code == 200  # form shown again with an error
    assert client.get(reverse("wagtailadmin_home")).status_code == 302

    # django-otp also slows down code guessing: after a wrong code the device refuses the next one for a second.
    device.refresh_from_db()
    device.throttle_reset()
    right = client.post(reverse("wagtail_2fa_auth"), {"otp_token": current_token(device)})
    assert right.status_code == 302, right.context["form"].errors
    home = client.get(reverse("wagtailadmin_home"))
    assert home.status_code == 200
    assert home["Cache-Control"] == "private, no-store"


def test_admin_responses_are_never_cached(client, editor):
    client.force_login(editor)
    for url in (reverse("wagtailadmin_home"), reverse("wagtailadmin_explore_root"), reverse("wagtailadmin_login")):
        response = client.get(url)
        assert response["Cache-Control"] == "private, no-store", url
        assert "X-Page-Cache" not in response
    client.logout()
    assert client.get(reverse("wagtailadmin_login"))["Cache-Control"] == "private, no-store"


def test_admin_path_comes_from_the_environment():
    code = (
        "import django; django.setup(); from django.urls import reverse; "
        "print(reverse('wagtailadmin_home'), reverse('wagtail_2fa_auth'))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "campaign_site.settings.test", "ADMIN_PATH": "backstage-7f3"}
    output = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert output.split() == ["/backstage-7f3/", "/backstage-7f3/2fa/auth"]
