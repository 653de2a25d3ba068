"""oEmbed 1.0 at /oembed/: the spec's cases, and no input ever gives a 500."""

from urllib.parse import urlencode

import pytest
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from stories.models import StoryPage

SITE = "https://hardcalls.example.org"
STORY = SITE + "/stories/lillian/"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def oembed(**params):
    return Client().get("/oembed/?" + urlencode(params))


@pytest.mark.django_db
def test_rich_answer_with_every_field(demo_site):
    response = oembed(url=STORY)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["version"] == "1.0" and data["type"] == "rich"
    assert (data["width"], data["height"]) == (480, 640)
    assert data["title"] == "Lillian and Quamari"
    # The campaign wrote the card; the mother is its subject, not its author.
    assert data["author_name"] == "Hard calls save lives" and data["author_url"] == SITE + "/"
    assert data["provider_name"] == "Hard calls save lives" and data["provider_url"] == SITE + "/"
    assert data["cache_age"] == 3600
    assert data["thumbnail_url"].startswith(SITE + "/")
    assert (data["thumbnail_width"], data["thumbnail_height"]) == (1200, 630)
    html = data["html"]
    assert f'src="{SITE}/stories/lillian/embed/"' in html
    assert 'title="Lillian and Quamari: a story from Hard calls save lives"' in html
    assert 'width="480" height="640"' in html
    # The fallback where iframes are stripped: a quote with a link to the story.
    assert html.startswith(f'<blockquote class="wp-embedded-content"><a href="{STORY}">')


@pytest.mark.django_db
@pytest.mark.parametrize(
    "address",
    [
        STORY,
        SITE + "/stories/lillian",
        STORY + "?via=radio",
        STORY + "#film",
        "http://hardcalls.example.org/stories/lillian/",
    ],
)
def test_each_form_of_a_story_address_is_recognised(demo_site, address):
    assert oembed(url=address, format="json").json()["title"] == "Lillian and Quamari"


@pytest.mark.django_db
def test_maxwidth_and_maxheight_are_honoured(demo_site):
    data = oembed(url=STORY, maxwidth=300, maxheight=400).json()
    assert data["width"] <= 300 and data["height"] <= 400
    assert f'width="{data["width"]}" height="{data["height"]}"' in data["html"]
    # The thumbnail keeps within the limits too, all three fields together.
    assert data["thumbnail_width"] <= 300 and data["thumbnail_height"] <= 400
    wide = oembed(url=STORY, maxwidth=2000, maxheight=2000).json()
    assert (wide["width"], wide["height"]) == (480, 640)
    assert (wide["thumbnail_width"], wide["thumbnail_height"]) == (1200, 630)


@pytest.mark.django_db
def test_no_room_for_the_card_is_not_found(demo_site):
    assert oembed(url=STORY, maxwidth=50).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "address",
    [
        SITE + "/stories/no-such-story/",
        SITE + "/",  # our home page is not a story
        SITE + "/your-anonymity/",
        "https://elsewhere.example.com/stories/lillian/",
        SITE + "/stories/lillian/embed/",
    ],
)
def test_anything_but_our_live_stories_is_not_found(demo_site, address):
    assert oembed(url=address).status_code == 404


@pytest.mark.django_db
def test_unpublished_story_is_not_found(demo_site):
    StoryPage.objects.get(slug="lillian").unpublish()
    assert oembed(url=STORY).status_code == 404


@pytest.mark.django_db
def test_unsupported_format_is_400_not_a_server_error(demo_site):
    # The spec suggests 501; our public endpoints never answer 5xx (sharing/oembed.py says why).
    for fmt in ("xml", "yaml", "JSON "):
        response = oembed(url=STORY, format=fmt)
        assert response.status_code == 400
        assert response.content.decode() == "Only format=json is offered.\n"


@pytest.mark.django_db
def test_empty_format_means_json(demo_site):
    response = oembed(url=STORY, format="")
    assert response.status_code == 200
    assert response.json()["title"] == "Lillian and Quamari"


def portrait_renditions():
    from wagtail.images.models import Rendition

    return set(Rendition.objects.values_list("image_id", "filter_spec"))


def media_files(root):
    return {path for path in root.rglob("*") if path.is_file()}


@pytest.mark.django_db
def test_sizes_asked_for_snap_to_a_few_fixed_renditions(demo_site, media_root):
    """The attack: maxwidth=301..310 used to make ten new JPEG renditions (rows and files), unauthenticated."""
    from sharing.oembed import PORTRAIT_BOXES

    fixed_specs = {f"max-{width}x{height}|format-jpeg" for width, height in PORTRAIT_BOXES}
    before_rows, before_files = portrait_renditions(), media_files(media_root)
    thumbnails = set()
    for maxwidth in range(301, 311):
        data = oembed(url=STORY, maxwidth=maxwidth).json()
        assert data["thumbnail_width"] <= maxwidth
        thumbnails.add((data["thumbnail_url"], data["thumbnail_width"], data["thumbnail_height"]))
    # Every one of the ten sizes got the same thumbnail: the portrait within the 300x300 box.
    assert len(thumbnails) == 1
    new_rows = portrait_renditions() - before_rows
    assert {spec for _, spec in new_rows} <= {"max-300x300|format-jpeg"}
    assert len(media_files(media_root) - before_files) <= 1
    # Any other sizes, however many, add nothing beyond the fixed set.
    for maxwidth, maxheight in [(200, 200), (333, 777), (599, 1000), (640, 2000), (1199, 629), (250, 299)]:
        assert oembed(url=STORY, maxwidth=maxwidth, maxheight=maxheight).status_code == 200
    assert {spec for _, spec in portrait_renditions() - before_rows} <= fixed_specs
    assert len(media_files(media_root) - before_files) <= len(PORTRAIT_BOXES)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {},
        {"url": ""},
        {"url": "not a url"},
        {"url": "ftp://hardcalls.example.org/stories/lillian/"},
        {"url": STORY, "maxwidth": "wide"},
        {"url": STORY, "maxwidth": "-5"},
        {"url": STORY, "maxheight": "0"},
        {"url": STORY, "maxheight": "1.5"},
        {"url": SITE + "/stories/lil\x00lian/"},
        {"url": "https://hardcalls.example.org:99999/stories/lillian/"},
        {"url": "https://[::1/stories/lillian/"},
    ],
)
def test_malformed_parameters_are_400(demo_site, params):
    response = oembed(**params)
    assert response.status_code == 400
    assert response.content  # says what was wrong


@pytest.mark.django_db
def test_only_get_and_head(demo_site):
    assert Client().post("/oembed/", {"url": STORY}).status_code == 405
    assert Client().head("/oembed/?" + urlencode({"url": STORY})).status_code == 200


values = st.one_of(
    st.text(max_size=60),
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
    st.sampled_from(
        [
            STORY,
            SITE + "/stories/",
            SITE + "/%00",
            "https://[::1",
            "http://a:b@c",
            "//x",
            "\u202e",
            SITE + ":0/",
            SITE + ":65536/",
        ]
    ),
)


@pytest.mark.django_db
@hypothesis_settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    url=values,
    maxwidth=st.one_of(st.none(), values),
    maxheight=st.one_of(st.none(), values),
    fmt=st.one_of(st.none(), st.sampled_from(["json", "xml", ""]), st.text(max_size=8)),
)
def test_no_input_gives_a_server_error(demo_site, url, maxwidth, maxheight, fmt):
    params = {"url": url, "maxwidth": maxwidth, "maxheight": maxheight, "format": fmt}
    response = Client(raise_request_exception=True).get(
        "/oembed/", {key: value for key, value in params.items() if value is not None}
    )
    assert response.status_code in {200, 400, 404}
