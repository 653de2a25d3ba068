"""Admin hardening that the packages leave to us: keep staff logins as anonymous as the throttling allows."""


def no_client_address(request):
    """django-axes asks for the client's IP address to store with each failed login; we store none.

    Throttling is by username (AXES_LOCKOUT_PARAMETERS), so the address is not needed. The user agent is dropped
    before axes sees the request (operations/privacy_headers.py).
    """
    return None
