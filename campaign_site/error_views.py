"""Error pages. The 500 page reads nothing from the database: it may be why we are here."""

from django.http import HttpResponsePermanentRedirect, HttpResponseServerError
from django.template import loader

from pages import call_to_action
from sharing import short_links


def server_error(request):
    # A short address on a poster (/lillian) still leads to its story while the database is down.
    lead = short_links.lead_without_database(request.path)
    if lead:
        return HttpResponsePermanentRedirect(lead)
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render(call_to_action.without_database()))
