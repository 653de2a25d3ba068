"""Security headers on public, embed and admin responses, and Django's deployment checklist on production settings."""

import os
import subprocess
import sys

import pytest
from django.test import Client

from tests.servers import ROOT


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ")}


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/stories/", "/stories/lillian/", "/no-such-page/", "/healthz"])
def test_public_responses_carry_the_strict_policy(client, demo_site, url):
    response = client.get(url)
    csp = directives(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["img-src"] == ["'self'", "data:"]
    assert csp["media-src"] == ["'self'"]
    assert csp["frame-src"] == ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "browsing-topics=()", "payment=()", "usb=()"):
        assert feature in permissions
    assert "interest-cohort" not in permissions  # retired name; browsing-topics replaced it


@pytest.mark.django_db
def test_public_pages_need_nothing_the_policy_forbids(client, demo_site):
    """No inline script or style, no third-party asset: what the page loads must be allowed by its own policy."""
    from tests.helpers import third_party_assets

    html = client.get("/stories/lillian/").content.decode()
    assert "<script>" not in html and "<style" not in html and " style=" not in html and " onclick=" not in html
    assert third_party_assets(html) == []


@pytest.mark.django_db
def test_the_embed_card_may_be_framed_anywhere_even_from_the_cache(client, demo_site):
    for expected_cache in ("miss", "hit"):
        response = client.get("/stories/lillian/embed/")
        assert response["X-Page-Cache"] == expected_cache
        assert directives(response)["frame-ancestors"] == ["*"]
        assert "X-Frame-Options" not in response
        assert directives(response)["script-src"] == ["'self'"]
    # ...and only the embed: the story page itself stays unframeable.
    assert directives(client.get("/stories/lillian/"))["frame-ancestors"] == ["'none'"]


@pytest.mark.django_db
def test_media_origin_is_allowed_when_media_come_from_a_bucket(settings):
    from operations.privacy_headers import public_directives

    settings.AWS_STORAGE_BUCKET_NAME = "hardcalls-media"
    settings.AWS_S3_CUSTOM_DOMAIN = "media.hardcalls.example.org"
    csp = public_directives()
    assert csp["img-src"] == ["'self'", "data:", "https://media.hardcalls.example.org"]
    assert csp["media-src"] == ["'self'", "https://media.hardcalls.example.org"]
    assert csp["script-src"] == ["'self'"]


@pytest.mark.django_db
def test_admin_gets_the_looser_policy_it_needs_and_no_caching(client, admin_user):
    client.force_login(admin_user)
    for url in ("/admin/login/", "/admin/"):
        response = client.get(url)
        csp = directives(response)
        assert "'unsafe-inline'" in csp["script-src"]  # Wagtail's admin has inline scripts
        assert "'unsafe-eval'" not in csp["script-src"]
        assert csp["frame-ancestors"] == ["'self'"]
        assert response["Cache-Control"] == "private, no-store"
        assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_hsts_is_sent_over_https_when_configured(settings, demo_site):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = Client().get("/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert "Strict-Transport-Security" not in Client().get("/")  # never over plain http


def run_production(code, **env):
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS"))
    }
    environment.update(
        {
            "DJANGO_SETTINGS_MODULE": "campaign_site.settings.production",
            "SECRET_KEY": "a-production-like-secret-key-with-enough-length-and-variety-0123456789-abcdef",
            "ALLOWED_HOSTS": "hardcalls.example.org",
            **env,
        }
    )
    return subprocess.run([sys.executable, *code], cwd=ROOT, env=environment, capture_output=True, text=True)


def test_check_deploy_reports_nothing_for_the_production_settings():
    result = run_production(["manage.py", "check", "--deploy", "--fail-level", "WARNING"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_settings_keep_the_admin_locked_down():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.WAGTAIL_2FA_REQUIRED, s.LOGIN_THROTTLE_ENABLED, s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, "
        "s.SESSION_COOKIE_SAMESITE, s.CSRF_COOKIE_SECURE, s.CSRF_COOKIE_HTTPONLY, s.SECURE_SSL_REDIRECT, "
        "s.SECURE_HSTS_SECONDS > 0, s.DEBUG)"
    )
    result = run_production(["-c", code])
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "True", "True", "Strict", "True", "True", "True", "True", "False"]


def test_production_refuses_to_start_without_a_secret_key():
    result = run_production(["manage.py", "check"], SECRET_KEY="")
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr
