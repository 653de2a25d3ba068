"""The first view of a page fills the cache for the next visitor: what a first render does (image renditions,
share cards, settings created with their defaults) must not expire the cache it is about to fill."""

import pytest

PAGES = ["/", "/stories/", "/stories/lillian/", "/stories/lillian/embed/", "/your-anonymity/"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_the_second_view_is_served_from_the_page_cache(client, demo_site, path):
    first = client.get(path)
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    second = client.get(path)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
