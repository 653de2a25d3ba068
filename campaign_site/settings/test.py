"""Tests: fast hashing, local memory cache, media in a temporary folder (set by conftest)."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105 - tests only
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SERVE_MEDIA = True

# Serve static files straight from the source folders (no collectstatic before tests).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405

# Other apps' admin tests sign in without a second factor; the 2FA tests switch it on (tests/test_admin_security.py),
# and tests/test_deploy_settings.py checks production keeps it on.
WAGTAIL_2FA_REQUIRED = False
# Django's test client logs in without a request, which axes refuses; the throttling tests switch it on.
AXES_ENABLED = False

# The partner kit is built when a change commits, in the same thread, so a test finds it made (partners/kit.py).
KIT_BUILD_IN_BACKGROUND = False
