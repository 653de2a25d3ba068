"""Pages that cannot have children open in the editor from the page explorer, not as an empty "0 pages" list.

Wagtail's explorer (the sidebar menu and page listings) links every page title to the list of its children. A story
can have none (`subpage_types = []`): clicking its title showed an empty listing. This view stands in front of
Wagtail's `wagtailadmin_explore` URL (campaign_site/urls.py) and sends such a page to its editor; everything else,
and anyone who may not edit the page, gets Wagtail's listing unchanged.
"""

from django.shortcuts import redirect
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.models import Page

# Wagtail's own explore view, as its URLconf decorates it (admin access, never cached, its 404 page).
wagtail_explore = next(
    pattern.callback
    for pattern in wagtailadmin_urls.urlpatterns
    if getattr(pattern, "name", "") == "wagtailadmin_explore"
)


def leaf_only(page):
    return not page.specific_class.allowed_subpage_models() and not page.get_children().exists()


def explore_or_edit(request, parent_page_id):
    page = Page.objects.filter(pk=parent_page_id).first()
    if (
        page is not None
        and request.user.is_authenticated
        and page.specific_class is not None
        and leaf_only(page)
        and page.permissions_for_user(request.user).can_edit()
    ):
        return redirect("wagtailadmin_pages:edit", page.pk)
    return wagtail_explore(request, parent_page_id=parent_page_id)
