"""Site-wide addresses that are not pages: sitemap, robots.txt, security.txt, favicon, health, and local media."""

from django.conf import settings
from django.http import Http404
from django.urls import path, re_path

from .health import healthz
from .media import serve_media
from .site_files import favicon, robots_txt, security_txt
from .sitemap import CampaignSitemap, sitemap_view


def not_offered(request, *args, **kwargs):
    raise Http404("Not offered on this site")


urlpatterns = [
    # Wagtail's public sign-in and page-password forms (/_util/login/, /_util/authenticate_with_password/...): the
    # campaign has no private pages, so no password form is left outside the admin's throttled sign-in.
    re_path(r"^_util/", not_offered),
    path("sitemap.xml", sitemap_view, {"sitemaps": {"pages": CampaignSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots-txt"),
    path(".well-known/security.txt", security_txt, name="security-txt"),
    path("favicon.ico", favicon, name="favicon"),
    path("healthz", healthz, name="healthz"),
]

if settings.SERVE_MEDIA:
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.append(re_path(rf"^{media_prefix}(?P<path>.+)$", serve_media, name="media"))
