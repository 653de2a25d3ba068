"""The 400, 403 (CSRF failure included) and 405 pages, in the site's look with the call-to-action.

Like the 500 page (campaign_site/error_views.py) they read nothing from the database: a 400 can come from a bad Host
header, which any database lookup of the site would raise again. The copy never asks a visitor to enable cookies:
public pages set none, and the only forms that need the CSRF cookie are staff's, under the admin path.

`MethodGuardMiddleware` answers TRACE and TRACK with 405 (they echo a request back, which only helps an attacker) and
gives a page to every bodiless 405 a view returns (`require_safe`, `require_POST`), so no visitor sees a blank page.
"""

from django.http import HttpResponse
from django.template import loader
from django.utils.translation import gettext_lazy as _

from languages.context import without_request
from pages import call_to_action

REFUSED_METHODS = frozenset({"TRACE", "TRACK", "CONNECT"})
ALLOWED_EVERYWHERE = "GET, HEAD, POST, OPTIONS"

PAGES = {
    400: (
        _("Sorry, we could not read that request"),
        _("The address or the form sent looks damaged. Please go back and try again."),
    ),
    403: (_("Sorry, you cannot do that here"), _("This page or action is not open to visitors.")),
    405: (_("Sorry, you cannot do that here"), _("This address does not accept that kind of request.")),
}


def error_page(status, *, detail=None):
    heading, text = PAGES[status]
    # In the language of the address (languages/middleware.py has activated it), like the 500 page.
    context = {
        **call_to_action.without_database(),
        **without_request(),
        "heading": heading,
        "text": detail or text,
        "status": status,
        # Like the 500 page these pages touch no database (a hung one must not hold them): the language switcher
        # links every language's home page.
        "without_database": True,
    }
    response = HttpResponse(loader.get_template("error.html").render(context), status=status)
    response["Cache-Control"] = "no-store"
    return response


def bad_request(request, exception=None):
    return error_page(400)


def permission_denied(request, exception=None):
    return error_page(403)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: only staff forms are protected; the page says what to do, not "enable cookies"."""
    return error_page(
        403,
        detail=_("This form had expired or was sent from another page. Go back, reload the page and try again."),
    )


class MethodGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in REFUSED_METHODS:
            response = error_page(405)
            response["Allow"] = ALLOWED_EVERYWHERE
            return response
        response = self.get_response(request)
        if response.status_code == 405 and not getattr(response, "streaming", False) and not response.content:
            page = error_page(405)
            page["Allow"] = response.get("Allow", ALLOWED_EVERYWHERE)
            return page
        return response
