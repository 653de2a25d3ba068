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
