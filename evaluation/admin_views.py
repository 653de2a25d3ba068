"""The evaluation in the Wagtail admin: the overview with its charts, the printable report, CSV and JSON downloads,
the two CSV upload forms, and the partners' read-only links."""

import json

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_denied, user_passes_test

from . import charts, importers
from .areas import BOROUGHS, MEASURES, QUESTIONS
from .figures import BASELINE_WEEKS, FUNNEL_STEPS, GROUPS, evaluate
from .forms import CsvUploadForm, PartnerLinkForm
from .models import OutcomeFigure, PartnerLink, PollResult
from .report import TABLES, as_json, write_csv
from .stats import FEWER_THAN, SMALL_NUMBER, Z_95, shown

VIEW = "evaluation.view_evaluation"
IMPORT_OUTCOMES = ("evaluation.add_outcomefigure", "evaluation.change_outcomefigure")
IMPORT_POLL = ("evaluation.add_pollresult", "evaluation.change_pollresult")
ISSUE_LINKS = ("evaluation.add_partnerlink",)
REVOKE_LINKS = ("evaluation.change_partnerlink",)
CHOOSE_BOROUGHS = ("evaluation.change_evaluationsettings",)


def requires(*permissions):
    """Only for users holding every one of these permissions; others get the admin's 'permission denied'."""
    return user_passes_test(lambda user: user.has_perms(permissions))


def figures_context():
    """What the overview and the printable report both show."""
    evaluation = evaluate()
    outcome_sections = []
    for measure, label in MEASURES.items():
        outcome_sections.append(
            {
                "measure": measure,
                "label": label,
                "series": evaluation.series(measure),
                "did": evaluation.did[measure],
                "charts": charts.outcome_charts(evaluation, measure),
                "weekly": [
                    (week, [series.shown(week) for series in evaluation.series(measure)]) for week in evaluation.weeks
                ],
                "boroughs": _borough_table(evaluation, measure),
            }
        )
    return {
        "evaluation": evaluation,
        "outcome_sections": outcome_sections,
        "groups": GROUPS,
        "poll_charts": charts.poll_charts(evaluation),
        "questions": QUESTIONS,
        "funnel_charts": charts.funnel_charts(evaluation),
        "funnel_steps": FUNNEL_STEPS,
        "baseline_weeks": BASELINE_WEEKS,
        "fewer_than": FEWER_THAN,
        "small_number": SMALL_NUMBER,
        "z": Z_95,
        "tables": {key: title for key, (title, _) in TABLES.items()},
        "generated_at": timezone.localtime(),
    }


def _borough_table(evaluation, measure):
    """Rows of (week, [shown count per chosen borough]) for the target then the comparison boroughs."""
    boroughs = [*evaluation.target, *evaluation.comparison]
    figures = evaluation.boroughs[measure]
    rows = [(week, [shown(figures.get(b, {}).get(week)) for b in boroughs]) for week in evaluation.weeks]
    return {"boroughs": boroughs, "rows": [row for row in rows if any(v is not None for v in row[1])]}


@requires(VIEW)
def overview(request):
    user = request.user
    context = {
        **figures_context(),
        "page_title": "Campaign evaluation",
        "header_icon": "doc-full",
        "counts": {"outcomes": OutcomeFigure.objects.count(), "poll": PollResult.objects.count()},
        "can_import_outcomes": user.has_perms(IMPORT_OUTCOMES),
        "can_import_poll": user.has_perms(IMPORT_POLL),
        "can_choose_boroughs": user.has_perms(CHOOSE_BOROUGHS),
        "can_issue_links": user.has_perms(ISSUE_LINKS),
        "settings_url": reverse("wagtailsettings:edit", args=["evaluation", "evaluationsettings"]),
    }
    return TemplateResponse(request, "evaluation/overview.html", context)


@requires(VIEW)
def printable_report(request):
    """The same figures on a page of their own, without the admin's menus, styled for paper."""
    return TemplateResponse(request, "evaluation/report.html", figures_context())


@requires(VIEW)
def download_csv(request, table):
    if table not in TABLES:
        return HttpResponse("No such table.", status=404, content_type="text/plain")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="evaluation-{table}-{day}.csv"'
    write_csv(response, evaluate(), table)
    return response


@requires(VIEW)
def download_json(request):
    response = HttpResponse(
        json.dumps(as_json(evaluate()), indent=2) + "\n", content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="evaluation-{timezone.localdate().isoformat()}.json"'
    return response


IMPORTS = {
    "outcomes": {
        "title": "Import outcome figures",
        "importer": importers.import_outcomes,
        "permissions": IMPORT_OUTCOMES,
        "columns": importers.OUTCOME_COLUMNS,
        "example": "week_start,area,measure,count\n2021-04-12,London,calls,412\n2021-04-12,Lambeth,online_reports,23",
    },
    "poll": {
        "title": "Import poll waves",
        "importer": importers.import_poll_waves,
        "permissions": IMPORT_POLL,
        "columns": importers.POLL_COLUMNS,
        "example": "wave,fieldwork_start,fieldwork_end,area,question,sample_size,yes\n"
        "Wave 1,2021-03-01,2021-03-12,target,aware_of_campaign,1000,112",
    },
}


def import_csv(request, kind):
    spec = IMPORTS[kind]
    if not request.user.has_perms(spec["permissions"]):
        return permission_denied(request)
    form = CsvUploadForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = spec["importer"](upload)
        except importers.ImportRefused as refused:
            problems = refused.problems
        else:
            messages.success(request, f"{result} (from {upload.name})")
            return redirect("evaluation_overview")
    context = {
        "form": form,
        "problems": problems,
        "kind": kind,
        "page_title": spec["title"],
        "header_icon": "upload",
        "columns": spec["columns"],
        "example": spec["example"],
        "boroughs": BOROUGHS,
        "measures": MEASURES,
        "questions": QUESTIONS,
    }
    return TemplateResponse(request, "evaluation/import.html", context, status=400 if problems else 200)


@requires(*ISSUE_LINKS)
def partner_links(request):
    form = PartnerLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        link = PartnerLink.objects.create(partner=form.cleaned_data["partner"], created_by=request.user)
        messages.success(request, f"New figures link for {link.partner}. Copy it from the list and send it to them.")
        return redirect("evaluation_partner_links")
    links = [
        (link, request.build_absolute_uri(link.get_absolute_url()))
        for link in PartnerLink.objects.select_related("partner", "created_by", "revoked_by")
    ]
    context = {
        "form": form,
        "links": links,
        "can_revoke": request.user.has_perms(REVOKE_LINKS),
        "page_title": "Partner figures links",
        "header_icon": "link",
        "fewer_than": FEWER_THAN,
    }
    return TemplateResponse(request, "evaluation/partner_links.html", context)


@require_POST
@requires(*REVOKE_LINKS)
def revoke_partner_link(request, pk):
    link = get_object_or_404(PartnerLink, pk=pk)
    link.revoke(request.user)
    messages.success(request, f"The figures link for {link.partner} is revoked: it no longer opens.")
    return redirect("evaluation_partner_links")
