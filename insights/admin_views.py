"""The insights dashboard in the Wagtail admin, its CSV download, and the home-page panel."""

import datetime

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail.admin.auth import permission_required
from wagtail.admin.ui.components import Component
from wagtail.models import Site

from pages.models import CampaignSettings

from . import reports
from .forms import DateRangeForm

PERMISSION = "insights.view_dashboard"


def launch_date(request):
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    return CampaignSettings.for_site(site).launch_date if site else None


@permission_required(PERMISSION)
def dashboard(request):
    form = DateRangeForm(request.GET or None)
    start, end = form.dates()
    if request.GET.get("format") == "csv" and form.is_valid():
        return csv_download(start, end)
    launch = launch_date(request)
    context = {
        "form": form,
        "start": start,
        "end": end,
        "launch_date": launch,
        "figures": reports.summary(start, end, launch),
        "csv_query": f"start={start.isoformat()}&end={end.isoformat()}&format=csv",
        "header_icon": "view",
        "page_title": "Campaign insights",
    }
    return TemplateResponse(request, "insights/dashboard.html", context)


def csv_download(start, end):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="insights-{start}-to-{end}.csv"'
    reports.write_csv(response, start, end)
    return response


class LastWeekPanel(Component):
    """'Campaign figures — last 7 days' on the admin home page."""

    name = "campaign_figures"
    order = 50
    template_name = "insights/home_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        end = timezone.localdate()
        start = end - datetime.timedelta(days=6)
        figures = reports.summary(start, end)
        return {"figures": figures, "start": start, "end": end}
