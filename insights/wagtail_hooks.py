from django.contrib.auth.models import Permission
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import PERMISSION, LastWeekPanel, dashboard


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("insights/", dashboard, name="insights_dashboard")]


class InsightsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return InsightsMenuItem("Insights", reverse("insights_dashboard"), icon_name="view", order=250)


@hooks.register("register_permissions")
def register_permissions():
    return Permission.objects.filter(content_type__app_label="insights", codename="view_dashboard")


@hooks.register("construct_homepage_panels")
def add_figures_panel(request, panels):
    if request.user.has_perm(PERMISSION):
        panels.append(LastWeekPanel(request))
