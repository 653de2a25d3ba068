from django.contrib.auth.models import Permission
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from . import admin_views
from .viewsets import OutcomeFigureViewSet, PollResultViewSet


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("evaluation/", admin_views.overview, name="evaluation_overview"),
        path("evaluation/report/", admin_views.printable_report, name="evaluation_report"),
        path("evaluation/report.json", admin_views.download_json, name="evaluation_json"),
        path("evaluation/csv/<slug:table>/", admin_views.download_csv, name="evaluation_csv"),
        path(
            "evaluation/import/outcomes/",
            admin_views.import_csv,
            {"kind": "outcomes"},
            name="evaluation_import_outcomes",
        ),
        path("evaluation/import/poll-waves/", admin_views.import_csv, {"kind": "poll"}, name="evaluation_import_poll"),
        path("evaluation/partner-links/", admin_views.partner_links, name="evaluation_partner_links"),
        path(
            "evaluation/partner-links/<int:pk>/revoke/",
            admin_views.revoke_partner_link,
            name="evaluation_revoke_partner_link",
        ),
    ]


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [OutcomeFigureViewSet(), PollResultViewSet()]


class PermittedMenuItem(MenuItem):
    """A menu item shown only to users holding every one of the permissions."""

    def __init__(self, label, url, permissions, **kwargs):
        self.permissions = permissions
        super().__init__(label, url, **kwargs)

    def is_shown(self, request):
        return request.user.has_perms(self.permissions)


def _items():
    settings_url = reverse("wagtailsettings:edit", args=["evaluation", "evaluationsettings"])
    return [
        PermittedMenuItem("Overview", reverse("evaluation_overview"), [admin_views.VIEW], icon_name="view", order=10),
        PermittedMenuItem(
            "Printable report", reverse("evaluation_report"), [admin_views.VIEW], icon_name="doc-full", order=20
        ),
        PermittedMenuItem(
            "Import outcome figures",
            reverse("evaluation_import_outcomes"),
            admin_views.IMPORT_OUTCOMES,
            icon_name="upload",
            order=30,
        ),
        PermittedMenuItem(
            "Import poll waves",
            reverse("evaluation_import_poll"),
            admin_views.IMPORT_POLL,
            icon_name="upload",
            order=40,
        ),
        PermittedMenuItem(
            "Outcome figures",
            reverse("outcome_figures:index"),
            ["evaluation.change_outcomefigure"],
            icon_name="table",
            order=50,
        ),
        PermittedMenuItem(
            "Poll results",
            reverse("poll_results:index"),
            ["evaluation.change_pollresult"],
            icon_name="list-ul",
            order=60,
        ),
        PermittedMenuItem("Boroughs compared", settings_url, admin_views.CHOOSE_BOROUGHS, icon_name="site", order=70),
        PermittedMenuItem(
            "Partner links",
            reverse("evaluation_partner_links"),
            admin_views.ISSUE_LINKS,
            icon_name="link",
            order=80,
        ),
    ]


class EvaluationMenuItem(SubmenuMenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.VIEW)


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return EvaluationMenuItem("Evaluation", Menu(items=_items()), icon_name="doc-full", order=260)


@hooks.register("register_permissions")
def register_permissions():
    # Outcome figures' and poll results' permissions come with their viewsets, the settings' with the settings
    # registry; partner links are the rest.
    return Permission.objects.filter(content_type__app_label="evaluation", content_type__model="partnerlink")
