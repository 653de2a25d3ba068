"""The first view of a page fills the cache for the next visitor: what a first render does (image renditions,
share cards, settings created with their defaults) must not expire the cache it is about to fill. So these tests
start from the demo site as loaded, before any page was viewed."""

import pytest
from wagtail.images import get_image_model

PAGES = ["/", "/stories/", "/stories/lillian/", "/stories/lillian/embed/", "/your-anonymity/"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_the_second_view_is_served_from_the_page_cache(client, fresh_demo_site, path):
    assert not get_image_model().get_rendition_model().objects.exists()  # nothing was drawn yet
    first = client.get(path)
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    second = client.get(path)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
