"""Middleware that keeps the anonymity promise on every public response."""

from django.conf import settings


def is_admin_path(path):
    return path.startswith(settings.WAGTAILADMIN_PATH_PREFIX)


class PublicPrivacyMiddleware:
    """Drops any cookie from responses outside the admin, and `Cookie` from their `Vary` header.

    Sessions and CSRF exist only for signed-in staff; a public visitor must never
    receive a cookie, whatever a template or a third-party app tries to set. Public pages are the same for everyone
    (a signed-in editor's session is read by middleware but changes nothing), so they must not vary on cookies:
    that would stop a CDN sharing one cached copy.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not is_admin_path(request.path):
            response.cookies.clear()
            if response.has_header("Vary"):
                kept = [v.strip() for v in response["Vary"].split(",") if v.strip().lower() != "cookie"]
                if kept:
                    response["Vary"] = ", ".join(kept)
                else:
                    del response["Vary"]
        return response
