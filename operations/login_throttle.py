"""Staff sign-in throttling that stops guessing without letting a stranger lock an editor out (docs/production.md).

Failed sign-ins are counted per username *and* per coarse network of the sender (the /24 of an IPv4 address, the
/48 of an IPv6 one), under a key that is a keyed hash (HMAC with SECRET_KEY) of both, held only in the cache
(Redis in production) and forgotten after LOGIN_THROTTLE_WINDOW_MINUTES. The address itself is read from the request,
hashed and dropped: it is never stored in the database, never logged, never a cache value.

- LOGIN_THROTTLE_FAILURES failures for one username from one network: that network must wait until the window ends
  before trying that username again (HTTP 429). A stranger who guesses locks out only their own network; the editor,
  signing in from anywhere else, is not affected.
- Many failures for one username from everywhere together (LOGIN_THROTTLE_USERNAME_FAILURES in the window: a guessing
  botnet) slow that username down rather than lock it: one attempt a minute per network, so the editor, with the
  right password, still gets in. A password alone is not enough anyway: every staff account needs its second factor.

A failure of the cache lets sign-ins through unthrottled (logged once, without any detail of the sender) rather than
locking everyone out; the second factor still stands.
"""

import hashlib
import hmac
import ipaddress
import logging

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.http import HttpResponse
from django.template import loader

from pages import call_to_action

logger = logging.getLogger(__name__)

SLOW_ATTEMPT_SECONDS = 60


def network_of(request):
    """The sender's network (/24 or /48), from REMOTE_ADDR or the header LOGIN_THROTTLE_CLIENT_HEADER names."""
    address = request.META.get("REMOTE_ADDR", "")
    header = settings.LOGIN_THROTTLE_CLIENT_HEADER
    if header:
        # Set by our own proxy or CDN, which appends the address it saw: the rightmost entry is the one it vouches for.
        forwarded = request.META.get("HTTP_" + header.upper().replace("-", "_"), "")
        address = forwarded.split(",")[-1].strip() or address
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return "unknown"
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))


def _digest(*parts):
    message = "\x1f".join(parts).encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:32]


def _keys(request, username):
    name = (username or "").strip().lower()
    return f"login-throttle:{_digest(name, network_of(request))}", f"login-throttle:user:{_digest(name)}"


def _window():
    return settings.LOGIN_THROTTLE_WINDOW_MINUTES * 60


def is_throttled(request, username):
    pair_key, user_key = _keys(request, username)
    try:
        if (cache.get(pair_key) or 0) >= settings.LOGIN_THROTTLE_FAILURES:
            return True
        if (cache.get(user_key) or 0) >= settings.LOGIN_THROTTLE_USERNAME_FAILURES:
            # A botnet is guessing this username: one attempt a minute per network, never a lock.
            return not cache.add(pair_key + ":slow", 1, SLOW_ATTEMPT_SECONDS)
    except Exception:  # noqa: BLE001 - a cache outage must not lock staff out
        logger.warning("Sign-in throttling unavailable: the cache cannot be read")
    return False


def _increment(key):
    if not cache.add(key, 1, _window()):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, _window())


def record_failure(request, username):
    try:
        for key in _keys(request, username):
            _increment(key)
    except Exception:  # noqa: BLE001
        logger.warning("Sign-in throttling unavailable: the cache cannot be written")


def forget_failures(request, username):
    try:
        cache.delete(_keys(request, username)[0])
    except Exception:  # noqa: BLE001
        logger.warning("Sign-in throttling unavailable: the cache cannot be written")


class LoginThrottleBackend(ModelBackend):
    """Django's username and password check, refused for a throttled (username, network) before the password is
    checked. The only backend, so a session (force_login's too) names it and it finds the user as ModelBackend does."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is not None and settings.LOGIN_THROTTLE_ENABLED and is_throttled(request, username):
            request.login_throttled = True
            raise PermissionDenied  # Django stops here and sends user_login_failed
        return super().authenticate(request, username=username, password=password, **kwargs)


@receiver(user_login_failed)
def count_failure(sender, credentials, request=None, **kwargs):
    if request is None or getattr(request, "login_throttled", False) or not settings.LOGIN_THROTTLE_ENABLED:
        return
    record_failure(request, credentials.get("username"))


@receiver(user_logged_in)
def clear_failures(sender, request, user, **kwargs):
    if request is not None:
        forget_failures(request, user.get_username())


def too_many_attempts():
    minutes = settings.LOGIN_THROTTLE_WINDOW_MINUTES
    context = {
        **call_to_action.without_database(),
        "heading": "Too many attempts to sign in",
        "text": f"Too many wrong passwords for this account from your network. Please wait up to {minutes} minutes "
        "and try again, or ask an administrator to reset your password.",
    }
    response = HttpResponse(loader.get_template("error.html").render(context), status=429)
    response["Cache-Control"] = "private, no-store"
    response["Retry-After"] = str(_window())
    return response


class LoginThrottleMiddleware:
    """Turns a throttled sign-in into a 429 page instead of the form's "wrong password" message."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "login_throttled", False):
            return too_many_attempts()
        return response
