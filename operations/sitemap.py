"""sitemap.xml: every live, public page, with absolute URLs from SITE_URL (not from the Site's hostname)."""

from wagtail.contrib.sitemaps import Sitemap

from pages.links import rebase


class CampaignSitemap(Sitemap):
    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            url["location"] = rebase(url["location"])
        return urls
