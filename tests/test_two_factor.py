"""The admin's second sign-in step names the device it checks a code against (django-otp >= 1.7.1 insists).

Codes come from the device's real key and the real TOTP algorithm; the clock is held still so a code cannot roll
over to the next 30-second step in the middle of a test.
"""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.exceptions import NON_FIELD_ERRORS
from django.test import Client
from django.urls import resolve, reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from operations.two_factor import NamedDeviceLoginView

PASSWORD = "a-long-staff-passphrase"  # noqa: S105
START = datetime(2026, 11, 2, 10, 0, 5, tzinfo=UTC)  # 5 s into a 30 s step


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.fixture
def editor(db, settings):
    settings.WAGTAIL_2FA_REQUIRED = True
    return get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)


def code_for(device):
    device.refresh_from_db()
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):0{device.digits}d}"


def wrong_code_for(device):
    """A code the device accepts in none of the steps it tolerates (the current one and one either side)."""
    device.refresh_from_db()
    accepted = {
        f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift + shift):0{device.digits}d}"
        for shift in range(-device.tolerance - 1, device.tolerance + 2)
    }
    return next(code for code in (f"{n:06d}" for n in range(1000)) if code not in accepted)


def signed_in_client():
    client = Client()
    response = client.post(reverse("wagtailadmin_login"), {"username": "editor", "password": PASSWORD})
    assert response.status_code == 302
    return client


def is_verified(client):
    return client.get(reverse("wagtailadmin_home")).status_code == 200


def test_the_admin_second_step_is_the_named_device_form():
    assert resolve(reverse("wagtail_2fa_auth")).func.view_class is NamedDeviceLoginView


def test_the_right_code_from_the_only_device_signs_in(editor, clock):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    client = signed_in_client()
    page = client.get(reverse("wagtail_2fa_auth"))
    assert page.status_code == 200
    assert b'name="otp_token"' in page.content
    assert b'name="otp_device"' not in page.content  # one device: nothing to choose

    response = client.post(reverse("wagtail_2fa_auth"), {"otp_token": code_for(device)})
    assert response.status_code == 302
    assert is_verified(client)


def test_a_wrong_code_is_refused_and_counted_against_the_device(editor, clock):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    client = signed_in_client()
    wrong = wrong_code_for(device)

    response = client.post(reverse("wagtail_2fa_auth"), {"otp_token": wrong})
    assert response.status_code == 200
    assert response.context["form"].has_error(NON_FIELD_ERRORS, "invalid_token")
    assert b"Invalid code" in response.content
    assert not is_verified(client)
    device.refresh_from_db()
    assert device.throttling_failure_count == 1


def test_a_code_already_used_is_refused_in_another_session(editor, clock):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    code = code_for(device)
    first = signed_in_client()
    assert first.post(reverse("wagtail_2fa_auth"), {"otp_token": code}).status_code == 302
    assert is_verified(first)

    # Someone who saw the code (over a shoulder, or a phishing page) and knows the password tries it at once.
    second = signed_in_client()
    replay = second.post(reverse("wagtail_2fa_auth"), {"otp_token": code})
    assert replay.status_code == 200
    assert replay.context["form"].has_error(NON_FIELD_ERRORS, "invalid_token")
    assert not is_verified(second)

    # The device still works: the next step's code is accepted (after the one-second wait the failure earned).
    clock.shift(timedelta(seconds=30))
    assert second.post(reverse("wagtail_2fa_auth"), {"otp_token": code_for(device)}).status_code == 302
    assert is_verified(second)


def test_with_several_devices_the_code_is_checked_against_the_one_chosen(editor, clock):
    phone = TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)
    tablet = TOTPDevice.objects.create(user=editor, name="Tablet", confirmed=True)
    TOTPDevice.objects.create(user=editor, name="Not yet set up", confirmed=False)
    client = signed_in_client()
    page = client.get(reverse("wagtail_2fa_auth"))
    assert b'name="otp_device"' in page.content
    assert b"Phone" in page.content and b"Tablet" in page.content
    assert b"Not yet set up" not in page.content

    # The phone's code with the tablet named: refused, and only the tablet counts a failure.
    response = client.post(
        reverse("wagtail_2fa_auth"), {"otp_token": code_for(phone), "otp_device": tablet.persistent_id}
    )
    assert response.context["form"].has_error(NON_FIELD_ERRORS, "invalid_token")
    phone.refresh_from_db()
    tablet.refresh_from_db()
    assert (phone.throttling_failure_count, tablet.throttling_failure_count) == (0, 1)

    response = client.post(
        reverse("wagtail_2fa_auth"), {"otp_token": code_for(phone), "otp_device": phone.persistent_id}
    )
    assert response.status_code == 302
    assert is_verified(client)


def test_another_users_device_cannot_be_named(editor, clock):
    TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)
    TOTPDevice.objects.create(user=editor, name="Tablet", confirmed=True)
    other = get_user_model().objects.create_superuser("other", "other@example.org", PASSWORD)
    others_device = TOTPDevice.objects.create(user=other, name="Other's phone", confirmed=True)
    client = signed_in_client()

    response = client.post(
        reverse("wagtail_2fa_auth"), {"otp_token": code_for(others_device), "otp_device": others_device.persistent_id}
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("otp_device")
    assert not is_verified(client)
