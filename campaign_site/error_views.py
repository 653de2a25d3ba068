"""Error pages. The 500 page reads nothing from the database: it may be why we are here."""

from django.http import HttpResponseServerError
from django.template import loader

from pages import call_to_action


def server_error(request):
    template = loader.get_template("500.html")
    # In the language of the address (languages/middleware.py has activated it); the language switcher lists every
    # language without asking the database which are live.
    context = {**call_to_action.without_database(), "without_database": True}
    return HttpResponseServerError(template.render(context))
