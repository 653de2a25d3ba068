"""Site-wide addresses that are not pages: sitemap, robots.txt, security.txt, health, and local media."""

from django.conf import settings
from django.urls import path, re_path

from .health import healthz
from .media import serve_media
from .site_files import robots_txt, security_txt
from .sitemap import CampaignSitemap, sitemap_view

urlpatterns = [
    path("sitemap.xml", sitemap_view, {"sitemaps": {"pages": CampaignSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots-txt"),
    path(".well-known/security.txt", security_txt, name="security-txt"),
    path("healthz", healthz, name="healthz"),
]

if settings.SERVE_MEDIA:
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.append(re_path(rf"^{media_prefix}(?P<path>.+)$", serve_media, name="media"))
