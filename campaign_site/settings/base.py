"""Settings shared by every environment. Safe as written: DEBUG off, secrets only from the environment.

Grouped by topic, each under a heading. Every environment variable read here is listed in `.env.example` and the
README.
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def require(name, value):
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable.")
    return value


# --- Core -------------------------------------------------------------------------------------------------------

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Absolute base for every address we publish to other sites (share metadata, embed code, sitemap, emails).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
ROOT_URLCONF = "campaign_site.urls"
WSGI_APPLICATION = "campaign_site.wsgi.application"

INSTALLED_APPS = [
    # Ours, lower layers first: each app imports only from those above it in this list.
    "pages",
    "languages",
    "films",
    "stories",
    "sharing",
    "partners",
    "insights",
    "evaluation",
    "editorial",
    "operations",
    "demo",
    # Wagtail
    # Translated page trees, the translation editor and PO export/import (issue 16)
    "wagtail_localize",
    "wagtail_localize.locales",
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
    # Admin sign-in: second factor (throttling is ours: operations/login_throttle.py)
    "wagtail_2fa",
    "django_otp",
    "django_otp.plugins.otp_totp",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # HSTS, nosniff, Referrer-Policy and COOP on every answer, cached ones included.
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # gzip for our HTML and other text, outside the page cache so cached pages are compressed too, and never for the
    # admin (whose pages hold a CSRF token: BREACH); public pages hold no secret (operations/compression.py).
    "operations.compression.TextGZipMiddleware",
    # The language comes from the address alone (`/ar/...`), never a cookie or Accept-Language (docs/languages.md).
    # Before the page cache: its key holds the address (so the language) and the query parameters the view reads,
    # and it finds the view by resolving the address, which under i18n_patterns needs the address's language active
    # (`/ar/oembed/` is the oEmbed view only while Arabic is active).
    "languages.middleware.LanguageFromPathMiddleware",
    # Cached pages are answered here, before sessions, authentication or the database are touched.
    "operations.page_cache.PageCacheMiddleware",
    # Public answers lose every cookie and get the strict CSP; admin answers the admin's policies
    # (inside the page cache, so a cached answer keeps the headers it was built with).
    "operations.privacy_headers.PrivacyHeadersMiddleware",
    # TRACE refused, and a page in the site's look for every 405 (operations/error_pages.py).
    "operations.error_pages.MethodGuardMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Staff without a verified second factor are sent to set one up or enter a code.
    "wagtail_2fa.middleware.VerifyUserMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Sign-off decisions are confirmed on screen (editorial/sign_off_messages.py).
    "editorial.sign_off_messages.CurrentAdminRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Wagtail's redirects (short addresses among them), keeping a partner's ?via= code (sharing/short_links.py).
    "sharing.short_links.ShortAddressRedirectMiddleware",
    # A refused story publish becomes an admin message, not an error page.
    "stories.publish_guards.PublishBlockedMiddleware",
    # A throttled staff sign-in becomes a 429 page (operations/login_throttle.py).
    "operations.login_throttle.LoginThrottleMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                # LANGUAGE_CODE and LANGUAGE_BIDI for <html lang dir>
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                # `cta` and `key_pages` on every page, the error pages included.
                "pages.call_to_action.context_processor",
                # `home_url` in the page's language, and site.js's words (languages/messages.py).
                "languages.context.language_context",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------------------------------------------

# SQLite is the embedded default so `make run` works on a bare laptop; production sets DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# A hung database must never freeze the site (operations/postgresql/base.py): one connection attempt waits at most
# DB_CONNECT_TIMEOUT seconds (libpq's floor is 2), a failed attempt makes this process refuse new connections at once
# for DB_RETRY_AFTER_SECONDS, and no statement runs longer than DB_STATEMENT_TIMEOUT_MS (0: no limit, e.g. for a long
# one-off command). Cached pages never touch the database.
DB_CONNECT_TIMEOUT = env_int("DB_CONNECT_TIMEOUT", 2)
DB_RETRY_AFTER_SECONDS = env_int("DB_RETRY_AFTER_SECONDS", 3)
DB_STATEMENT_TIMEOUT_MS = env_int("DB_STATEMENT_TIMEOUT_MS", 5000)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["ENGINE"] = "operations.postgresql"
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"connect_timeout": DB_CONNECT_TIMEOUT, "options": f"-c statement_timeout={DB_STATEMENT_TIMEOUT_MS}"}
    )

# --- Caches and the full-page cache (operations/page_cache.py) --------------------------------------------------

REDIS_URL = env_str("REDIS_URL")
CACHE_KEY_PREFIX = env_str("CACHE_KEY_PREFIX", "hardcalls")
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_ALIAS = "pages"
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
# How long a process that could not expire the cache (Redis unreachable) waits for it before it ends (page_cache.py).
PAGE_CACHE_OWED_EXPIRY_WAIT = env_int("PAGE_CACHE_OWED_EXPIRY_WAIT", 120)
PAGE_BROWSER_MAX_AGE = env_int("PAGE_BROWSER_MAX_AGE", 60)  # browsers cannot be purged: keep it short
PAGE_CDN_MAX_AGE = env_int("PAGE_CDN_MAX_AGE", 600)  # the CDN is purged on publish
PAGE_STALE_WHILE_REVALIDATE = env_int("PAGE_STALE_WHILE_REVALIDATE", 60)
PAGE_STALE_IF_ERROR = env_int("PAGE_STALE_IF_ERROR", 86400)

if REDIS_URL:
    # Redis outages make the site slower, never broken (operations/cache_backends.py).
    CACHES = {
        "default": {
            "BACKEND": "operations.cache_backends.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "TIMEOUT": env_int("CACHE_TIMEOUT", 300),
        },
        PAGE_CACHE_ALIAS: {
            "BACKEND": "operations.cache_backends.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX + ":pages",
            "TIMEOUT": PAGE_CACHE_SECONDS,
        },
    }
else:
    # One process's memory; production.py shares the page cache between gunicorn's workers through files.
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        PAGE_CACHE_ALIAS: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    }

# CDN purge on publish through wagtail.contrib.frontend_cache; nothing set means no CDN (and no purge work).
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

# --- Static files and media -------------------------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env_str("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))

# How long browsers (which cannot be purged) and the CDN (purged on unpublish) keep a media file: a withdrawn story's
# media must be out of reach within a minute (operations/withdrawal.py).
MEDIA_BROWSER_MAX_AGE = env_int("MEDIA_BROWSER_MAX_AGE", 60)
MEDIA_CDN_MAX_AGE = env_int("MEDIA_CDN_MAX_AGE", 86400)
# Media go through django-storages: S3 when a bucket is configured, local `media/` otherwise.
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
# Read by the CSP (media origins) whether or not S3 is configured.
AWS_S3_CUSTOM_DOMAIN = env_str("AWS_S3_CUSTOM_DOMAIN")
AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL")
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
            "endpoint_url": AWS_S3_ENDPOINT_URL or None,
            "custom_domain": AWS_S3_CUSTOM_DOMAIN or None,
            "querystring_auth": False,
            "file_overwrite": False,
            "default_acl": None,
            # As for local media: browsers a minute, the CDN a day (purged when a story is withdrawn).
            "object_parameters": {
                "CacheControl": f"public, max-age={MEDIA_BROWSER_MAX_AGE}, s-maxage={MEDIA_CDN_MAX_AGE}"
            },
        },
    }
# Local media are served by our own view (with HTTP Range support) unless S3 or a CDN serves them.
SERVE_MEDIA = env_bool("SERVE_MEDIA", not AWS_STORAGE_BUCKET_NAME)

# --- Language and time ------------------------------------------------------------------------------------------

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
# The languages of the campaign's target communities (Census 2021; docs/languages.md), each named in itself for the
# language switcher. English keeps unprefixed addresses; the others live under their code (`/bn/...`).
LANGUAGES = [
    ("en-gb", "English"),
    ("bn", "বাংলা"),
    ("ar", "العربية"),
    ("ur", "اردو"),
    ("pl", "Polski"),
    ("ro", "Română"),
    ("tr", "Türkçe"),
]
# Languages whose translations a professional translator has reviewed; every other language's pages say they are a
# draft translation awaiting review (in the language and in English), and the admin says so on each of its pages.
REVIEWED_LANGUAGES = env_list("REVIEWED_LANGUAGES")
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The interface catalogs (templates, site.js messages, error pages): languages/locale, first so `makemessages` writes
# there; editorial/locale holds the admin's own English wording.
LOCALE_PATHS = [BASE_DIR / "languages" / "locale", BASE_DIR / "editorial" / "locale"]

# --- Privacy, cookies and security headers (operations/privacy_headers.py) --------------------------------------

# Referrer-Policy: no-referrer is part of the anonymity promise (admin pages get same-origin, see the middleware).
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Session and CSRF cookies exist only for signed-in staff under the admin path; public answers never carry one.
SESSION_COOKIE_NAME = "sessionid"
SESSION_COOKIE_PATH = "/"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Strict"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600)  # an admin session lasts a working day
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_NAME = "csrftoken"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
# Our 403 page, with the call-to-action and without Django's advice to enable cookies (public pages set none).
CSRF_FAILURE_VIEW = "operations.error_pages.csrf_failure"

# --- The Wagtail admin and staff sign-in ------------------------------------------------------------------------

WAGTAIL_SITE_NAME = "Hard calls save lives"
ADMIN_PATH = env_str("ADMIN_PATH", "admin").strip("/")
WAGTAILADMIN_PATH_PREFIX = f"/{ADMIN_PATH}/"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_ENABLE_UPDATE_CHECK = False
LOGIN_URL = "wagtailadmin_login"
LOGIN_REDIRECT_URL = "wagtailadmin_home"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Django's ModelBackend, refusing a throttled (username, network) before the password is checked.
AUTHENTICATION_BACKENDS = ["operations.login_throttle.LoginThrottleBackend"]

# Every staff account needs a second factor (TOTP app); an account without a device is sent to set one up.
WAGTAIL_2FA_REQUIRED = env_bool("WAGTAIL_2FA_REQUIRED", True)
WAGTAIL_2FA_OTP_TOTP_NAME = WAGTAIL_SITE_NAME
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME

# Sign-in throttling per username and coarse network, as a keyed hash in the cache only: no address is stored or
# logged, and a stranger's guesses lock out only the stranger's own network (operations/login_throttle.py).
LOGIN_THROTTLE_ENABLED = env_bool("LOGIN_THROTTLE_ENABLED", True)
LOGIN_THROTTLE_FAILURES = env_int("LOGIN_THROTTLE_FAILURES", 5)
LOGIN_THROTTLE_USERNAME_FAILURES = env_int("LOGIN_THROTTLE_USERNAME_FAILURES", 50)
LOGIN_THROTTLE_WINDOW_MINUTES = env_int("LOGIN_THROTTLE_WINDOW_MINUTES", 15)
# Behind our own proxy or CDN, the header it appends the client's address to (e.g. X-Forwarded-For); empty: the socket.
LOGIN_THROTTLE_CLIENT_HEADER = env_str("LOGIN_THROTTLE_CLIENT_HEADER")
# No self-service password reset: it would mail staff from a public form. Administrators reset passwords under
# Settings -> Users (and `manage.py ensure_admin --password` for the first account).
WAGTAIL_PASSWORD_RESET_ENABLED = False
# Login-required pages send editors to the admin's (throttled) sign-in; Wagtail's public one at /_util/login/ and
# password-protected pages are switched off (operations/urls.py): the campaign's pages are all public.
WAGTAIL_FRONTEND_LOGIN_URL = f"/{ADMIN_PATH}/login/"
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"password": False}
SILENCED_SYSTEM_CHECKS = []

# --- Content: images, search, embeds ----------------------------------------------------------------------------

WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "webp": "webp"}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("IMAGE_MAX_UPLOAD_MB", 10) * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# --- The call-to-action and visitor safety (pages/call_to_action.py) --------------------------------------------

# Defaults of the campaign settings, and what the 500 page shows when the database cannot be read.
CRIMESTOPPERS_DEFAULTS = {
    "phone_display": env_str("CRIMESTOPPERS_PHONE_DISPLAY", "0800 555 111"),
    "phone_tel": env_str("CRIMESTOPPERS_PHONE_TEL", "0800555111"),
    "online_form_url": env_str(
        "CRIMESTOPPERS_FORM_URL",
        "https://crimestoppers-uk.org/give-information/forms/give-information-anonymously",
    ),
    "youth_service_url": env_str("CRIMESTOPPERS_YOUTH_URL", "https://www.fearless.org/"),
    "anonymity_line": "100% anonymous. Always.",
    "hashtag": "#HardCallsSaveLives",
    # Where "Exit this page" goes; editors change the live value in the campaign settings.
    "quick_exit_url": env_str("QUICK_EXIT_URL", "https://www.bbc.co.uk/weather"),
}

# Where share cards find fonts for Arabic, Urdu and Bengali besides Debian's /usr/share/fonts/truetype/noto
# (`make share-card-fonts` installs fonts-noto-core); used on the server only.
SHARE_CARD_FONT_DIR = env_str("SHARE_CARD_FONT_DIR", str(BASE_DIR / ".local" / "fonts"))

# --- Films (films/) ---------------------------------------------------------------------------------------------

FILM_MAX_UPLOAD_BYTES = env_int("FILM_MAX_UPLOAD_MB", 200) * 1024 * 1024
CAPTIONS_MAX_UPLOAD_BYTES = env_int("CAPTIONS_MAX_UPLOAD_KB", 512) * 1024

# --- The partner kit (sharing/kit.py, partners/kit.py): posters, social images, captioned clips, zips -------------
# Fonts for the posters and the brief (Debian's fonts-dejavu-core; `make kit-deps` installs it when missing).
KIT_FONT_DIR = env_str("KIT_FONT_DIR", "/usr/share/fonts/truetype/dejavu")
# The captioned clip: its longest edge in pixels and its longest running time (docs/partners.md: platform limits).
KIT_CLIP_SIZE = env_int("KIT_CLIP_SIZE", 1080)
KIT_CLIP_MAX_SECONDS = env_int("KIT_CLIP_MAX_SECONDS", 140)
# Build the kit in a thread after a change is committed (partners/kit.py), not in the editor's request.
KIT_BUILD_IN_BACKGROUND = env_bool("KIT_BUILD_IN_BACKGROUND", True)

# --- Insights: anonymous aggregate counters (insights/) ---------------------------------------------------------

# Largest beacon body accepted by POST /events/ (bytes); a real one is about 60.
INSIGHTS_MAX_BODY_BYTES = env_int("INSIGHTS_MAX_BODY_BYTES", 512)
# Burst limits per worker process (insights/guards.py, docs/insights.md): in each INSIGHTS_WINDOW_SECONDS, at most
# INSIGHTS_VIEW_WINDOW_CAP views (page_view, embed_viewed) and INSIGHTS_WINDOW_CAP of each other event for one page;
# for all pages and events together a token bucket of INSIGHTS_BURST_RATE a second holding INSIGHTS_BURST_CAPACITY.
INSIGHTS_WINDOW_SECONDS = env_int("INSIGHTS_WINDOW_SECONDS", 10)
INSIGHTS_VIEW_WINDOW_CAP = env_int("INSIGHTS_VIEW_WINDOW_CAP", 300)
INSIGHTS_WINDOW_CAP = env_int("INSIGHTS_WINDOW_CAP", 30)
INSIGHTS_BURST_RATE = env_int("INSIGHTS_BURST_RATE", 200)
INSIGHTS_BURST_CAPACITY = env_int("INSIGHTS_BURST_CAPACITY", 400)

# --- Campaign evaluation (evaluation/): outcome figures, poll waves, the report, partners' read-only links --------

# Largest CSV an editor can import (outcome figures or poll waves); a year of weekly figures for London and every
# borough (evaluation/sample_data) is 120 KB.
EVALUATION_IMPORT_MAX_BYTES = env_int("EVALUATION_IMPORT_MAX_KB", 2048) * 1024

# --- Editorial sign-off (editorial/) ----------------------------------------------------------------------------

# Publishing at the end of the "Family and legal sign-off" workflow does not need the approver to hold "publish"
# permission, so no one but Administrators can publish around the sign-off.
WAGTAIL_FINISH_WORKFLOW_ACTION = "editorial.workflows.publish_signed_off"

# --- The admin as comms staff use it (editorial/): no third party, one time zone, our wording, mail ------------

# Avatars from Wagtail's own default image, never Gravatar: no staff email hash leaves the admin (and the admin's CSP
# would block it anyway).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The team works in London; the account page offers only this zone (Wagtail's full list has 600, some invalid).
WAGTAIL_USER_TIME_ZONES = ["Europe/London"]
# One admin language, so our wording (editorial/locale: "sign-off", not "moderation") reaches every user.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("en-gb", "English (UK)")]

# Workflow notifications (the next approvers, the editor a story is sent back to). SMTP when EMAIL_HOST is set;
# otherwise the console backend writes each mail to the server's output (`make run`). EMAIL_BACKEND overrides both.
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_BACKEND = env_str("EMAIL_BACKEND") or (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Hard calls save lives <no-reply@hardcalls.example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Plain text only: Wagtail's HTML notifications load a header image from the site.
WAGTAILADMIN_NOTIFICATION_USE_HTML = False

# --- Site files: security.txt (operations/site_files.py) --------------------------------------------------------

# The address security researchers write to (mailto: or https:). The default is a labelled placeholder.
SECURITY_CONTACT_PLACEHOLDER = "mailto:security@example.invalid"
SECURITY_CONTACT = env_str("SECURITY_CONTACT", SECURITY_CONTACT_PLACEHOLDER)
# ISO date (e.g. 2027-05-01) when security.txt expires; empty means 180 days from today.
SECURITY_TXT_EXPIRES = env_str("SECURITY_TXT_EXPIRES")
SECURITY_POLICY_URL = env_str("SECURITY_POLICY_URL")

# --- Logging: one JSON object per line, nothing that identifies a visitor -----------------------------------------

# LOG_FORMAT=json (default) or plain. Either way every line, ours or a library's, goes through the same redaction of
# addresses, query strings and email addresses (operations/log_format.py, operations/redaction.py); gunicorn's lines
# share the shape (campaign_site/gunicorn.conf.py). Fields: docs/deployment.md.
LOG_FORMAT = env_str("LOG_FORMAT", "json").strip().lower()
# Also routes Python's warnings (logger "py.warnings") through these handlers, so they are redacted too.
LOGGING_CONFIG = "operations.log_format.configure_logging"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "operations.log_format.JSONFormatter"},
        "plain": {
            "()": "operations.log_format.PlainFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
        },
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain" if LOG_FORMAT == "plain" else "json"}
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # django.request logs the request object on 4xx/5xx; its message holds only the path.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django.server": {"handlers": [], "level": "CRITICAL", "propagate": False},
        "django_tasks": {"level": "WARNING"},
        # fpdf2 subsets fonts with fontTools, which reports every table at INFO.
        "fontTools": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# --- Error reporting: optional, off unless SENTRY_DSN is set ----------------------------------------------------

# A Sentry-protocol DSN (Sentry, or a self-hosted GlitchTip). Without one nothing is initialised and nothing is sent
# anywhere; with one, events carry the exception, the view and the release, never personal data
# (operations/error_reporting.py).
SENTRY_DSN = env_str("SENTRY_DSN")
if SENTRY_DSN:
    from operations.error_reporting import start_error_reporting  # noqa: E402 - only when reporting is on

    start_error_reporting(
        SENTRY_DSN,
        release=env_str("SENTRY_RELEASE") or None,
        environment=env_str("SENTRY_ENVIRONMENT", "production"),
    )
