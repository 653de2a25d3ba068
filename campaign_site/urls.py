from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from operations.views import healthz
from pages.site_files import robots_txt, security_txt
from pages.sitemap import CampaignSitemap
from partners.oembed import oembed
from stories.embed import story_embed

from .media_views import serve_media

urlpatterns = [
    path(f"{settings.ADMIN_PATH}/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("films/", include("films.urls")),
    path("events/", include("insights.urls")),
    # Partners and sharing (issue 5)
    path("stories/<slug:slug>/embed/", story_embed, name="story-embed"),
    path("oembed/", oembed, name="oembed"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": CampaignSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots-txt"),
    path(".well-known/security.txt", security_txt, name="security-txt"),
    path("healthz", healthz, name="healthz"),
    # Campaign evaluation (issue 15): a partner's read-only figures, behind a signed, revocable link
    path("partner-figures/", include("evaluation.urls")),
]

if settings.SERVE_MEDIA:
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.append(re_path(rf"^{media_prefix}(?P<path>.+)$", serve_media, name="media"))

# The Wagtail catch-all comes last.
urlpatterns.append(path("", include(wagtail_urls)))

handler500 = "campaign_site.error_views.server_error"
