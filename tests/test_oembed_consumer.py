"""Our oEmbed endpoint consumed end to end by a real oEmbed consumer (micawber) over HTTP."""

import re
from urllib.request import urlopen

import pytest
from micawber import Provider, ProviderRegistry
from micawber.exceptions import ProviderHTTPException


@pytest.fixture
def live(live_server, demo_site, settings):
    # The live server is the site: its address is the configured site address.
    settings.SITE_URL = live_server.url
    registry = ProviderRegistry()
    registry.register(re.escape(live_server.url) + r"/stories/.+", Provider(live_server.url + "/oembed/"))
    return live_server.url, registry


def test_micawber_gets_a_rich_embed_for_a_story(live):
    base, registry = live
    data = registry.request(base + "/stories/lillian/")
    assert data["type"] == "rich" and data["version"] == "1.0"
    assert data["title"] == "Lillian and Quamari"
    assert data["provider_url"] == base + "/"
    assert f'src="{base}/stories/lillian/embed/"' in data["html"]
    assert {"thumbnail_url", "thumbnail_width", "thumbnail_height"} <= set(data)
    # The thumbnail it names is really there and really the size it says.
    with urlopen(data["thumbnail_url"]) as response:  # noqa: S310 - our own live server
        assert response.status == 200 and response.headers["Content-Type"] == "image/jpeg"


def test_micawber_turns_a_pasted_link_into_the_card(live):
    base, registry = live
    text = f"Please read this:\n{base}/stories/archie/\nThank you."
    html = registry.parse_text(text)
    assert f'<iframe class="wp-embedded-content" src="{base}/stories/archie/embed/"' in html
    assert html.startswith("Please read this:") and html.endswith("Thank you.")


def test_micawber_limits_are_honoured(live):
    base, registry = live
    data = registry.request(base + "/stories/godwin/", maxwidth=320)
    # micawber asks for maxheight = maxwidth * 16 / 9 when only maxwidth is given.
    assert data["width"] <= 320 and data["height"] <= 320 * 16 // 9
    assert data["thumbnail_width"] <= 320


def test_micawber_sees_404_for_a_story_we_do_not_have(live):
    base, registry = live
    with pytest.raises(ProviderHTTPException) as error:
        registry.request(base + "/stories/no-such-story/")
    assert error.value.status == 404


def test_the_card_the_embed_names_is_served_frameable(live):
    base, registry = live
    src = re.search(r'<iframe[^>]* src="([^"]+)"', registry.request(base + "/stories/dwayne/")["html"]).group(1)
    with urlopen(src) as response:  # noqa: S310 - our own live server
        assert response.status == 200
        assert response.headers["X-Frame-Options"] is None
        assert response.headers["Set-Cookie"] is None
