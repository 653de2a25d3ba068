"""Admin hardening that the packages leave to us: keep staff logins as anonymous as the throttling allows."""

from django.conf import settings


def no_client_address(request):
    """django-axes asks for the client's IP address to store with each failed login; we store none.

    Throttling is by username (AXES_LOCKOUT_PARAMETERS), so the address is not needed.
    """
    return None


class AdminPrivacyMiddleware:
    """Drops the user agent from admin requests before django-axes records a login attempt.

    Axes stores the user agent with every failed attempt and has no setting to turn that off; nothing else in the
    admin needs it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(settings.WAGTAILADMIN_PATH_PREFIX):
            request.META.pop("HTTP_USER_AGENT", None)
        return self.get_response(request)
