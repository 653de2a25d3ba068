from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from editorial.explorer import explore_or_edit

urlpatterns = [
    # Before Wagtail's admin: a story (a page that cannot have children) opens in the editor from the explorer.
    path(f"{settings.ADMIN_PATH}/pages/<int:parent_page_id>/", explore_or_edit),
    path(f"{settings.ADMIN_PATH}/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("films/", include("films.urls")),
    path("events/", include("insights.urls")),
    # A partner's read-only figures, behind a signed, revocable link
    path("partner-figures/", include("evaluation.urls")),
    path("", include("operations.urls")),
]
# Pages and the embed card in every language: English unprefixed as before (`/stories/lillian/`), the others under
# their code (`/ar/stories/lillian/`); languages/middleware.py activates the language from the prefix.
urlpatterns += i18n_patterns(
    path("", include("sharing.urls")),
    # The Wagtail catch-all comes last.
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler400 = "operations.error_pages.bad_request"
handler403 = "operations.error_pages.permission_denied"
handler500 = "campaign_site.error_views.server_error"
