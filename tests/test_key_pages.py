"""The header, footer, call-to-action and poll link to the key pages chosen in the settings, wherever they live:
an editor can rename or move a page in the admin without breaking a link."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from pages.models import KeyPages, StandardPage
from tests.helpers import tel_links

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["/", "/stories/", "/stories/lillian/", "/support/", "/stories/lillian/embed/", "/no-such-page/"]


def list_block(values):
    """A ListBlock's values as the editor's form posts them."""
    data = {"count": len(values)}
    for index, value in enumerate(values):
        data[str(index)] = {"value": value, "deleted": "", "order": index}
    return data


def body_form_data(page):
    """The page's body as the editor's form posts it."""
    items = []
    for block in page.body:
        if block.block_type == "paragraph":
            items.append(("paragraph", rich_text(block.value.source)))
        elif block.block_type == "heading":
            items.append(("heading", {"text": block.value["text"], "level": block.value["level"]}))
        elif block.block_type == "link_list":
            links = [dict(link) for link in block.value["links"]]
            items.append(("link_list", {"title": block.value["title"], "links": list_block(links)}))
        else:
            items.append((block.block_type, str(block.value)))
    return streamfield(items)


def links(html):
    return re.findall(r'<a [^>]*href="([^"]+)"', html)


def test_renaming_the_anonymity_page_in_the_admin_keeps_every_link(demo_site):
    page = StandardPage.objects.get(slug="your-anonymity")
    old_url = page.url
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("editor", "", "a-long-test-password"))
    data = nested_form_data(
        {
            "title": page.title,
            "slug": "anonymous-means-anonymous",
            "introduction": page.introduction,
            "body": body_form_data(page),
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
            "action-publish": "Publish",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page.refresh_from_db()
    assert page.url == "/anonymous-means-anonymous/" and page.live
    assert Client().get(old_url).status_code == 404

    visitor = Client()
    for path in PUBLIC_PAGES:
        response = visitor.get(path)
        html = response.content.decode()
        assert response.status_code in (200, 404), path
        assert old_url not in links(html), path
        assert tel_links(html), path
        if path != "/stories/lillian/embed/":
            assert page.url in links(html), path  # header, footer, call-to-action
        # Every link to one of our pages reaches a page.
        for href in set(links(html)):
            if href.startswith("/") and not href.startswith("//"):
                assert visitor.get(href).status_code == 200, (path, href)
    # The call-to-action's anonymity promise links to the renamed page on every public page.
    assert f'class="anonymity-link anonymity-link--header" href="{page.url}"' in visitor.get("/").content.decode()


def test_key_pages_are_chosen_in_the_settings_not_found_by_address(demo_site):
    key_pages = KeyPages.objects.get()
    support = StandardPage.objects.get(slug="support")
    assert key_pages.support_page_id == support.pk
    key_pages.support_page = None
    key_pages.save()
    html = Client().get("/").content.decode()
    assert support.url not in links(html)
    assert tel_links(html)
