"""sitemap.xml: every live, public page in every language, with absolute URLs from SITE_URL (not from the Site's
hostname), and each page's translations as hreflang alternates (plus x-default, the English page)."""

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.models import Page

from languages.alternates import page_alternates
from languages.catalog import DEFAULT
from pages.links import rebase


class CampaignSitemap(Sitemap):
    def items(self):
        # Wagtail lists the site's root page's tree; each language's tree hangs from a translation of that root.
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_tree = reduce(or_, (Q(path__startswith=root.path) for root in roots))
        return Page.objects.live().public().filter(in_a_tree).order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        urls = []
        last_mods = set()
        for item in self.paginator.page(page).object_list.iterator():
            alternates = page_alternates(item)
            for url in item.get_sitemap_urls(self.request):
                url["location"] = rebase(url["location"])
                if len(alternates) > 1:
                    url["alternates"] = [
                        {"lang_code": alternate.hreflang, "location": alternate.absolute} for alternate in alternates
                    ]
                    english = next((a for a in alternates if a.code == DEFAULT), None)
                    if english is not None:
                        url["alternates"].append({"lang_code": "x-default", "location": english.absolute})
                urls.append(url)
                last_mods.add(url.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def sitemap_view(request, **kwargs):
    """Wagtail's sitemap view; the page cache keys its answer on `?p=` (the sitemap's page) and nothing else."""
    return sitemap(request, **kwargs)


sitemap_view.page_cache_query = ("p",)
