"""`manage.py ensure_admin`: the account `make run` signs in with."""

import io

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def ensure_admin(tmp_path, *args):
    out = io.StringIO()
    call_command("ensure_admin", *args, "--password-file", str(tmp_path / "admin-password"), stdout=out)
    return out.getvalue()


def test_a_given_password_is_set_on_a_new_account(tmp_path):
    ensure_admin(tmp_path, "--password", "first-password-123")
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert authenticate(username="admin", password="first-password-123") == admin


def test_a_given_password_replaces_the_password_of_an_existing_account(tmp_path):
    get_user_model().objects.create_superuser("admin", "", "an-old-forgotten-password")
    out = ensure_admin(tmp_path, "--password", "the-new-password-456")
    assert "password is now the one given" in out
    assert authenticate(username="admin", password="the-new-password-456") is not None
    assert authenticate(username="admin", password="an-old-forgotten-password") is None
    assert get_user_model().objects.filter(username="admin").count() == 1


def test_without_a_password_an_existing_account_is_left_alone(tmp_path):
    get_user_model().objects.create_superuser("admin", "", "keep-this-password-1")
    assert "unchanged" in ensure_admin(tmp_path)
    assert authenticate(username="admin", password="keep-this-password-1") is not None


def test_without_a_password_a_new_account_gets_one_generated_once_and_kept(tmp_path):
    out = ensure_admin(tmp_path)
    kept = (tmp_path / "admin-password").read_text().strip()
    assert kept in out
    assert authenticate(username="admin", password=kept) is not None
