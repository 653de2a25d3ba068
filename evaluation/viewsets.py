"""Outcome figures and poll results row by row in the admin: list, filter, correct, add or delete one.

Imports are the usual way in; these views are for checking a figure, or correcting one without a new file. The model
validation (a Monday, a known area, yes no more than the sample) is the importer's too.
"""

from wagtail.admin.viewsets.model import ModelViewSet

from .models import OutcomeFigure, PollResult


class OutcomeFigureViewSet(ModelViewSet):
    model = OutcomeFigure
    name = "outcome_figures"
    url_prefix = "evaluation/outcome-figures"
    icon = "table"
    menu_label = "Outcome figures"
    add_to_admin_menu = False
    copy_view_enabled = False
    list_display = ["week_start", "area", "measure", "count", "updated_at"]
    list_filter = ["measure", "area", "week_start"]
    form_fields = ["week_start", "area", "measure", "count"]
    list_per_page = 100


class PollResultViewSet(ModelViewSet):
    model = PollResult
    name = "poll_results"
    url_prefix = "evaluation/poll-results"
    icon = "list-ul"
    menu_label = "Poll results"
    add_to_admin_menu = False
    copy_view_enabled = False
    list_display = ["wave", "fieldwork_start", "fieldwork_end", "area", "question", "sample_size", "yes"]
    list_filter = ["wave", "area", "question"]
    form_fields = ["wave", "fieldwork_start", "fieldwork_end", "area", "question", "sample_size", "yes"]
