"""Privacy and security headers on every response, from one middleware around one question: is this the admin?

Public responses (anonymity is the product): no cookie ever (sessions and CSRF exist only for signed-in staff, whatever
a template or an app tries to set), no `Vary: Cookie` (public pages are the same for everyone, and a CDN must share one
copy), the strict public Content-Security-Policy. Admin responses: `Referrer-Policy: same-origin` (the site-wide
`no-referrer` makes browsers post `Origin: null`, which the CSRF check refuses), the admin's looser policy,
`X-Robots-Tag: noindex`, and the user agent dropped from the request, so nothing in the admin (sign-in throttling
included) can store it.

Why a small middleware of our own and not django-csp: we need exactly two fixed policies chosen by path (public site
and Wagtail admin), plus one per-response rule (responses marked frameable with Django's `xframe_options_exempt`, the
story embed card, may be framed anywhere). We use no nonces or per-view overrides, which is what django-csp adds;
with it we would still have to subclass its middleware for the admin and embed rules.
"""

from urllib.parse import urlsplit

from django.conf import settings

# The external-film facade embeds these players, and only after the visitor asks for the film.
FILM_PLAYER_ORIGINS = ("https://www.youtube-nocookie.com", "https://player.vimeo.com")
_players = " ".join(f'"{origin}"' for origin in FILM_PLAYER_ORIGINS)
# Features the site never uses are switched off for the page and every frame in it. A film may play, go full screen
# or picture-in-picture, here or in the two film players' frames only.
PERMISSIONS_POLICY = ", ".join(
    [
        f"{feature}=()"
        for feature in (
            "accelerometer",
            "browsing-topics",
            "camera",
            "display-capture",
            "geolocation",
            "gyroscope",
            "hid",
            "magnetometer",
            "microphone",
            "midi",
            "payment",
            "publickey-credentials-get",
            "screen-wake-lock",
            "serial",
            "usb",
            "xr-spatial-tracking",
        )
    ]
    + [
        f"{feature}=(self {_players})"
        for feature in ("autoplay", "encrypted-media", "fullscreen", "picture-in-picture")
    ]
)


def media_origins():
    """Origins media are served from when not from this site (S3 bucket or a custom media domain)."""
    origins = []
    if settings.AWS_S3_CUSTOM_DOMAIN:
        origins.append(f"https://{settings.AWS_S3_CUSTOM_DOMAIN}")
    elif settings.AWS_STORAGE_BUCKET_NAME:
        endpoint = settings.AWS_S3_ENDPOINT_URL
        if endpoint:
            parts = urlsplit(endpoint)
            origins.append(f"{parts.scheme}://{parts.netloc}")
        else:
            origins.append(f"https://{settings.AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com")
    media_url = urlsplit(settings.MEDIA_URL)
    if media_url.scheme and media_url.netloc:
        origins.append(f"{media_url.scheme}://{media_url.netloc}")
    return list(dict.fromkeys(origins))


def build_policy(directives):
    return "; ".join(f"{name} {' '.join(values)}".strip() for name, values in directives.items())


def public_directives():
    media = media_origins()
    return {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *media],
        "media-src": ["'self'", *media],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": list(FILM_PLAYER_ORIGINS),
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }


def admin_directives():
    # Wagtail's admin uses inline scripts and style attributes (and the Draftail/Stimulus code needs them), and its
    # preview panel frames our own pages. It still loads nothing from a third-party origin except media previews.
    media = media_origins()
    return {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *media],
        "media-src": ["'self'", "blob:", *media],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *FILM_PLAYER_ORIGINS],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }


def is_admin_request(request):
    """The one test of "is this the admin?": sessions, CSRF and the looser policies live under its path only."""
    return request.path.startswith(settings.WAGTAILADMIN_PATH_PREFIX)


def drop_cookie_from_vary(response):
    if response.has_header("Vary"):
        kept = [value.strip() for value in response["Vary"].split(",") if value.strip().lower() != "cookie"]
        if kept:
            response["Vary"] = ", ".join(kept)
        else:
            del response["Vary"]


class PrivacyHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        public = public_directives()
        self.public_policy = build_policy(public)
        self.frameable_policy = build_policy({**public, "frame-ancestors": ["*"]})
        self.admin_policy = build_policy(admin_directives())

    def __call__(self, request):
        admin = is_admin_request(request)
        if admin:
            request.META.pop("HTTP_USER_AGENT", None)
        response = self.get_response(request)
        if admin:
            response.headers["Referrer-Policy"] = "same-origin"
            # Keeps the admin out of search results without naming its path in robots.txt.
            response.headers["X-Robots-Tag"] = "noindex, nofollow"
            policy = self.admin_policy
        else:
            response.cookies.clear()
            drop_cookie_from_vary(response)
            policy = self.public_policy
            # Wagtail renders previews through a dummy request for the page's public path (`is_dummy`); the admin's
            # preview panel frames that answer, so it takes the admin's policy.
            if getattr(request, "is_dummy", False):
                policy = self.admin_policy
            # Responses marked frameable with Django's `xframe_options_exempt` (the story embed card) may be framed
            # anywhere.
            elif getattr(response, "xframe_options_exempt", False):
                policy = self.frameable_policy
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response
