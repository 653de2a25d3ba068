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
# Tests sign in many times from one address; the throttling tests switch it on.
LOGIN_THROTTLE_ENABLED = False

# SQLite tests use a file, not memory: with an in-memory database Django hands the live server's request threads the
# test's one connection, and the admin's concurrent requests (preview, autosave, editing sessions) then fail with
# "database table is locked". With a file each thread has its own connection and waits its turn (timeout, WAL).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    import os
    import tempfile

    # One file per test process (checkouts and runs side by side never share one); the run deletes it at its end.
    test_db = Path(tempfile.gettempdir()) / f"campaign-test-{os.getpid()}.sqlite3"  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(test_db)}  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {}).update(  # noqa: F405
        # IMMEDIATE: a transaction takes the write lock when it begins, so two threads never deadlock upgrading a
        # read to a write (SQLite answers that "database is locked" at once, without waiting for the timeout).
        {
            "timeout": 30,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF",
        }
    )

# The partner kit is built when a change commits, in the same thread, so a test finds it made (partners/kit.py).
KIT_BUILD_IN_BACKGROUND = False

# Tests that make Redis unreachable in-process must not hold the test process's exit for it (operations/page_cache.py);
# the processes the fault tests start run with the production settings and do wait.
PAGE_CACHE_OWED_EXPIRY_WAIT = 0
