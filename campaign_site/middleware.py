"""Middleware that keeps the anonymity promise on every public response."""

from django.conf import settings


def is_admin_path(path):
    return path.startswith(settings.WAGTAILADMIN_PATH_PREFIX)


class PublicPrivacyMiddleware:
    """Drops any cookie from responses outside the admin.

    Sessions and CSRF exist only for signed-in staff; a public visitor must never
    receive a cookie, whatever a template or a third-party app tries to set.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not is_admin_path(request.path):
            response.cookies.clear()
        return response
