"""Admin hardening: throttled logins that store no address, a second factor for every staff account, no caching."""

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
def throttling(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3


def test_repeated_failed_logins_lock_the_account_even_with_the_right_password(client, editor, throttling):
    for _ in range(3):
        response = log_in(client, password="wrong-password")
    assert response.status_code == 429
    # The right password, from another address and another browser: still refused, the lock is on the account.
    response = log_in(Client(headers={"user-agent": "Another browser"}, REMOTE_ADDR="10.9.8.7"))
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_throttling_stores_no_address_and_no_user_agent(client, editor, throttling):
    from axes.models import AccessAttempt, AccessLog

    client.post(
        reverse("wagtailadmin_login"),
        {"username": "editor", "password": "wrong"},
        HTTP_USER_AGENT="Mozilla/5.0 identifying browser",
        REMOTE_ADDR="203.0.113.9",
    )
    attempt = AccessAttempt.objects.get()
    assert attempt.username == "editor"
    assert attempt.ip_address is None
    assert attempt.user_agent in ("", "<unknown>")  # axes' placeholder, not the browser's string
    assert "wrong" not in attempt.post_data  # the password is masked
    log_in(client)
    assert AccessLog.objects.count() == 0


def test_a_few_failures_do_not_lock_out(client, editor, throttling):
    log_in(client, password="wrong-password")
    response = log_in(client)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


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
