"""Production (and `make run`, which serves the site the way production does)."""

from .base import *  # noqa: F403
from .base import SECRET_KEY, require
from .env import env_bool, env_int

SECRET_KEY = require("SECRET_KEY", SECRET_KEY)

# HTTPS settings are on unless the environment turns them off (make run on http://127.0.0.1 does).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = env_bool("COOKIE_SECURE", True)
CSRF_COOKIE_SECURE = env_bool("COOKIE_SECURE", True)
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", False)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
