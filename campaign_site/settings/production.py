"""Production (and `make run`, which serves the site the way production does)."""

from .base import *  # noqa: F403
from .base import BASE_DIR, CACHES, REDIS_URL, SECRET_KEY, SILENCED_SYSTEM_CHECKS, require
from .env import env_bool, env_int, env_str

SECRET_KEY = require("SECRET_KEY", SECRET_KEY)

# HTTPS settings are on unless the environment turns them off (make run on http://127.0.0.1 does).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = env_bool("COOKIE_SECURE", True)
CSRF_COOKIE_SECURE = env_bool("COOKIE_SECURE", True)
# HSTS is only ever sent over HTTPS, so a year by default is harmless for `make run` on plain http.
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", False)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Preloading is a decision for whoever owns the domain (HSTS_PRELOAD); until then the check's reminder is noise.
SILENCED_SYSTEM_CHECKS = SILENCED_SYSTEM_CHECKS + ([] if SECURE_HSTS_PRELOAD else ["security.W021"])

# Without Redis, gunicorn's workers still need ONE page cache, or a publish would expire it in one worker only.
if not REDIS_URL:
    CACHES["pages"] = {
        "BACKEND": "operations.cache_backends.UncompressedFileCache",
        "LOCATION": env_str("PAGE_CACHE_DIR", str(BASE_DIR / ".local" / "page-cache")),
        "TIMEOUT": env_int("PAGE_CACHE_SECONDS", 600),
        "OPTIONS": {"MAX_ENTRIES": 2000},
    }
