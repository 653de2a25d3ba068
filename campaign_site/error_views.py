"""Error pages. The 500 page reads nothing from the database: it may be why we are here."""

from django.http import HttpResponsePermanentRedirect, HttpResponseServerError
from django.template import loader

from languages.context import without_request
from pages import call_to_action
from sharing import short_links


def server_error(request):
    # A short address on a poster (/lillian) still leads to its story while the database is down.
    lead = short_links.lead_without_database(request.path)
    if lead:
        return HttpResponsePermanentRedirect(lead)
    template = loader.get_template("500.html")
    # In the language of the address (languages/middleware.py has activated it); the language switcher lists every
    # language without asking the database which are live.
    context = {**call_to_action.without_database(), **without_request(), "without_database": True}
    return HttpResponseServerError(template.render(context))
