"""Settings shared by every environment. Safe as written: DEBUG off, secrets only from the environment.

Every environment variable read here is listed in `.env.example` and the README.
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "pages",
    "stories",
    "films",
    "partners",
    "insights",
    "editorial",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Strips any cookie from public responses: anonymity is the product.
    "campaign_site.middleware.PublicPrivacyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Turns a refused story publish into an admin message (issue 8).
    "stories.publish_guards.PublishBlockedMiddleware",
    # Admin pages only: same-origin referrer so browsers' form posts pass the CSRF check (issue 8).
    "editorial.middleware.AdminReferrerPolicyMiddleware",
]

ROOT_URLCONF = "campaign_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pages.context_processors.call_to_action",
            ],
        },
    },
]

WSGI_APPLICATION = "campaign_site.wsgi.application"

# SQLite is the embedded default so `make run` works on a bare laptop; production sets DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env_str("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))

# Media go through django-storages: S3 when a bucket is configured, local `media/` otherwise.
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "region_name": env_str("AWS_S3_REGION_NAME") or None,
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
            "custom_domain": env_str("AWS_S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": False,
            "file_overwrite": False,
            "default_acl": None,
        },
    }
# Local media are served by our own view (with HTTP Range support) unless S3 or a CDN serves them.
SERVE_MEDIA = env_bool("SERVE_MEDIA", not AWS_STORAGE_BUCKET_NAME)

# Security headers. Referrer-Policy: no-referrer is part of the anonymity promise.
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
# Session and CSRF cookies only ever exist under the admin path.
ADMIN_PATH = env_str("ADMIN_PATH", "admin").strip("/")
SESSION_COOKIE_PATH = "/"
WAGTAILADMIN_PATH_PREFIX = f"/{ADMIN_PATH}/"

WAGTAIL_SITE_NAME = "Hard calls save lives"
WAGTAILADMIN_BASE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_URL = WAGTAILADMIN_BASE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "webp": "webp"}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("IMAGE_MAX_UPLOAD_MB", 10) * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Used when the database cannot be read (the 500 page) and as defaults for the site setting.
CRIMESTOPPERS_DEFAULTS = {
    "phone_display": env_str("CRIMESTOPPERS_PHONE_DISPLAY", "0800 555 111"),
    "phone_tel": env_str("CRIMESTOPPERS_PHONE_TEL", "0800555111"),
    "online_form_url": env_str(
        "CRIMESTOPPERS_FORM_URL",
        "https://crimestoppers-uk.org/give-information/forms/give-information-anonymously",
    ),
    "anonymity_line": "100% anonymous. Always.",
    "hashtag": "#HardCallsSaveLives",
}

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "TIMEOUT": env_int("CACHE_TIMEOUT", 300),
    }

# Logs carry no client address or user agent (anonymity promise).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # django.request logs the request object on 4xx/5xx; its message holds only the path.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django.server": {"handlers": [], "level": "CRITICAL", "propagate": False},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}


def require(name, value):
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable.")
    return value


# --- Films (issue 3): upload limits for the film snippet ---
FILM_MAX_UPLOAD_BYTES = env_int("FILM_MAX_UPLOAD_MB", 200) * 1024 * 1024
CAPTIONS_MAX_UPLOAD_BYTES = env_int("CAPTIONS_MAX_UPLOAD_KB", 512) * 1024

# --- Insights (issue 6): anonymous aggregate counters ---
# Largest beacon body accepted by POST /events/ (bytes); a real one is about 60.
INSIGHTS_MAX_BODY_BYTES = env_int("INSIGHTS_MAX_BODY_BYTES", 512)
# Burst limit per page and per worker process: tokens per second, and the bucket size.
INSIGHTS_BURST_RATE = env_int("INSIGHTS_BURST_RATE", 50)
INSIGHTS_BURST_CAPACITY = env_int("INSIGHTS_BURST_CAPACITY", 200)

# --- Partners and sharing (issue 5): security.txt ---
# The address security researchers write to (mailto: or https:). The default is a labelled placeholder.
SECURITY_CONTACT_PLACEHOLDER = "mailto:security@example.invalid"
SECURITY_CONTACT = env_str("SECURITY_CONTACT", SECURITY_CONTACT_PLACEHOLDER)
# ISO date (e.g. 2027-05-01) when security.txt expires; empty means 180 days from today.
SECURITY_TXT_EXPIRES = env_str("SECURITY_TXT_EXPIRES")
SECURITY_POLICY_URL = env_str("SECURITY_POLICY_URL")

# --- Editorial sign-off (issue 8) ---
# Publishing at the end of the "Family and legal sign-off" workflow does not need the approver to hold "publish"
# permission, so no one but Administrators can publish around the sign-off.
WAGTAIL_FINISH_WORKFLOW_ACTION = "editorial.workflows.publish_signed_off"
# What a story needs before it can go live (stories/publish_guards.py). Add further checks by dotted path.
STORY_PUBLISH_CHECKS = [
    "stories.publish_guards.story_basics_problems",
    "films.publish_guard.story_film_problems",
]

# --- Visitor safety (issue 4): quick exit ---
# Where "Exit this page" goes when the database cannot be read (the 500 page). Editors change the live value in
# the campaign settings; this is only the fallback and the default.
CRIMESTOPPERS_DEFAULTS["quick_exit_url"] = env_str("QUICK_EXIT_URL", "https://www.bbc.co.uk/weather")

# --- Production hardening: security headers, page cache, admin 2FA and throttling, health (issue 7) ---------------
from datetime import timedelta  # noqa: E402

INSTALLED_APPS += [  # noqa: F405 - extending the list above
    "operations",
    "wagtail_2fa",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
]


def _insert_after(existing, new):
    MIDDLEWARE.insert(MIDDLEWARE.index(existing) + 1, new)


# Order matters: the page cache answers before sessions, auth or any view touch the database; it sits inside
# SecurityMiddleware (HSTS, nosniff, referrer, COOP on cached answers too) and outside our CSP middleware so a cached
# answer keeps the policy it was built with (the embed card's frameable one included).
_insert_after("whitenoise.middleware.WhiteNoiseMiddleware", "operations.page_cache.PageCacheMiddleware")
_insert_after("operations.page_cache.PageCacheMiddleware", "operations.security_headers.SecurityHeadersMiddleware")
_insert_after(
    "django.contrib.sessions.middleware.SessionMiddleware", "operations.admin_security.AdminPrivacyMiddleware"
)
_insert_after("django.contrib.auth.middleware.AuthenticationMiddleware", "wagtail_2fa.middleware.VerifyUserMiddleware")
MIDDLEWARE.append("axes.middleware.AxesMiddleware")  # axes wants to be last

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Every staff account needs a second factor (TOTP app); an account without a device is sent to set one up.
WAGTAIL_2FA_REQUIRED = env_bool("WAGTAIL_2FA_REQUIRED", True)
WAGTAIL_2FA_OTP_TOTP_NAME = WAGTAIL_SITE_NAME
LOGIN_URL = "wagtailadmin_login"
LOGIN_REDIRECT_URL = "wagtailadmin_home"
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME

# Login throttling by username only: no IP address or user agent is stored (see operations/admin_security.py).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_CLIENT_IP_CALLABLE = "operations.admin_security.no_client_address"
AXES_DISABLE_ACCESS_LOG = True  # no log of successful logins
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# axes.W006 warns that without the IP address an attacker can dodge limits by rotating user agents or cookies: not so
# when the lock is on the username alone (every guess at an account counts, from anywhere). The price, that someone
# can lock a staff account for AXES_COOLOFF_MINUTES, is accepted to store no addresses.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

SESSION_COOKIE_SAMESITE = "Strict"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600)  # an admin session lasts a working day
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_NAME = "sessionid"
CSRF_COOKIE_NAME = "csrftoken"

# Full-page cache (operations/page_cache.py) and the Cache-Control a CDN uses.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_ALIAS = "pages"
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
PAGE_BROWSER_MAX_AGE = env_int("PAGE_BROWSER_MAX_AGE", 60)  # browsers cannot be purged: keep it short
PAGE_CDN_MAX_AGE = env_int("PAGE_CDN_MAX_AGE", 600)  # the CDN is purged on publish
PAGE_STALE_WHILE_REVALIDATE = env_int("PAGE_STALE_WHILE_REVALIDATE", 60)
PAGE_STALE_IF_ERROR = env_int("PAGE_STALE_IF_ERROR", 86400)
CACHES["pages"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}
if REDIS_URL:
    # Redis outages make the site slower, never broken (operations/cache_backends.py).
    CACHES["default"]["BACKEND"] = "operations.cache_backends.TolerantRedisCache"
    CACHES["default"]["KEY_PREFIX"] = env_str("CACHE_KEY_PREFIX", "hardcalls")
    CACHES["pages"] = {
        "BACKEND": "operations.cache_backends.TolerantRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "hardcalls") + ":pages",
        "TIMEOUT": PAGE_CACHE_SECONDS,
    }

# CDN purge through wagtail.contrib.frontend_cache, configured by environment; nothing set means no CDN backend.
WAGTAILFRONTENDCACHE = {}
if env_str("CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env_str("CLOUDFLARE_BEARER_TOKEN"),
        "ZONEID": env_str("CLOUDFLARE_ZONEID"),
    }
if env_str("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env_str("CLOUDFRONT_DISTRIBUTION_ID"),
    }
if env_str("FRONTEND_CACHE_PURGE_URL"):  # e.g. Varnish or nginx with a PURGE handler
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env_str("FRONTEND_CACHE_PURGE_URL"),
    }

# Needed by the CSP (media origins) whether or not S3 is configured.
AWS_S3_CUSTOM_DOMAIN = env_str("AWS_S3_CUSTOM_DOMAIN")
AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL")

# --- Campaign evaluation (issue 15): outcome figures, poll waves, the report, partners' read-only links -----------
INSTALLED_APPS += ["evaluation"]  # noqa: F405 - extending the list above
# Largest CSV an editor can import (outcome figures or poll waves); a year of weekly figures for London and every
# borough (evaluation/sample_data) is 120 KB.
EVALUATION_IMPORT_MAX_BYTES = env_int("EVALUATION_IMPORT_MAX_KB", 2048) * 1024
