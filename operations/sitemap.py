"""sitemap.xml: every live, public page, with absolute URLs from SITE_URL (not from the Site's hostname)."""

from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap

from pages.links import rebase


class CampaignSitemap(Sitemap):
    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            url["location"] = rebase(url["location"])
        return urls


def sitemap_view(request, **kwargs):
    """Wagtail's sitemap view; the page cache keys its answer on `?p=` (the sitemap's page) and nothing else."""
    return sitemap(request, **kwargs)


sitemap_view.page_cache_query = ("p",)
