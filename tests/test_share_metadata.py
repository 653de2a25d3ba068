"""Share metadata on every page type: absolute URLs from SITE_URL, Open Graph and Twitter tags, 1200x630 images."""

from html.parser import HTMLParser
from io import BytesIO
from urllib.parse import urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.test import Client
from PIL import Image as PILImage
from wagtail.images import get_image_model

from pages import call_to_action
from pages.models import CampaignSettings
from sharing.cards import share_image_for
from stories.models import StoryPage

SITE = "https://hardcalls.example.org"
PAGE_TYPES = {
    "home": "/",
    "story index": "/stories/",
    "story": "/stories/lillian/",
    "standard": "/your-anonymity/",
    "partner toolkit": "/partner-toolkit/",
}


class HeadParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta = {}
        self.links = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            key = attrs.get("property") or attrs.get("name")
            assert key not in self.meta, f"duplicate <meta> {key}"
            self.meta[key] = attrs.get("content")
        if tag == "link":
            self.links.append(attrs)


def head(html):
    parser = HeadParser()
    parser.feed(html)
    return parser


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def image_size_at(client, url):
    """Fetches an absolute share-image URL through our own media view and returns its pixel size."""
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}" == SITE
    response = client.get(parts.path)
    assert response.status_code == 200
    return PILImage.open(BytesIO(b"".join(response.streaming_content))).size


@pytest.mark.django_db
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_every_page_type_has_absolute_share_metadata(demo_site, name):
    client = Client()
    response = client.get(PAGE_TYPES[name])
    assert response.status_code == 200
    tags = head(response.content.decode())
    meta = tags.meta
    canonical = [link["href"] for link in tags.links if link.get("rel") == "canonical"]
    assert canonical == [SITE + PAGE_TYPES[name]]
    assert meta["og:url"] == SITE + PAGE_TYPES[name]
    assert meta["og:title"] and meta["twitter:title"] == meta["og:title"]
    assert meta["description"] and meta["og:description"] == meta["description"]
    assert meta["og:site_name"] == "Hard calls save lives"
    assert meta["og:type"] == ("article" if name == "story" else "website")
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["og:image"].startswith(SITE + "/") and meta["twitter:image"] == meta["og:image"]
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    assert meta["og:image:alt"]
    assert image_size_at(client, meta["og:image"]) == (1200, 630)


@pytest.mark.django_db
def test_story_share_card_is_its_own_and_says_how_to_call(demo_site):
    lillian = StoryPage.objects.get(slug="lillian")
    archie = StoryPage.objects.get(slug="archie")
    image = share_image(lillian)
    assert (image.width, image.height) == (1200, 630)
    assert image.url != share_image(archie).url
    assert "0800 555 111" in image.alt
    meta = head(Client().get("/stories/lillian/").content.decode()).meta
    assert meta["og:title"] == "Lillian and Quamari"
    assert meta["description"] == lillian.summary
    # The same card is reused, not redrawn per request.
    assert share_image(lillian).url == image.url


@pytest.mark.django_db
def test_card_changes_when_the_phone_number_changes(campaign_settings):
    before = share_image(StoryPage.objects.get(slug="lillian")).url
    campaign_settings.phone_display = "0800 123 456"
    campaign_settings.phone_tel = "0800123456"
    campaign_settings.save()
    assert share_image(StoryPage.objects.get(slug="lillian")).url != before


def share_image(story):
    """The share image a story's pages offer, with the campaign settings as they are now."""
    return share_image_for(story, call_to_action.values_from(CampaignSettings.for_site(story.get_site())))


def uploaded_image(size, title):
    buffer = BytesIO()
    PILImage.new("RGB", size, (30, 60, 90)).save(buffer, format="JPEG")
    image = get_image_model()(title=title, file=ImageFile(buffer, name=f"{title}.jpg"))
    image.save()
    return image


@pytest.mark.django_db
def test_editor_override_is_used_cropped_to_1200x630(demo_site):
    story = StoryPage.objects.get(slug="archie")
    story.share_image = uploaded_image((1600, 1000), "override")
    story.full_clean()
    story.save()
    image = share_image(story)
    assert (image.width, image.height) == (1200, 630)
    meta = head(Client().get("/stories/archie/").content.decode()).meta
    assert meta["og:image"] == image.url
    assert "override" in meta["og:image"]
    assert image_size_at(Client(), image.url) == (1200, 630)


@pytest.mark.django_db
def test_too_small_override_is_refused_with_a_clear_message(demo_site):
    story = StoryPage.objects.get(slug="archie")
    story.share_image = uploaded_image((800, 400), "small")
    with pytest.raises(ValidationError) as error:
        story.full_clean()
    assert "at least 1200x630" in str(error.value.message_dict["share_image"])


@pytest.mark.django_db
def test_story_pages_advertise_oembed(demo_site):
    links = head(Client().get("/stories/archie/").content.decode()).links
    oembed = [link for link in links if link.get("type") == "application/json+oembed"]
    assert len(oembed) == 1 and oembed[0]["rel"] == "alternate"
    assert oembed[0]["href"] == (
        SITE + "/oembed/?url=https%3A%2F%2Fhardcalls.example.org%2Fstories%2Farchie%2F&format=json"
    )
    home_links = head(Client().get("/").content.decode()).links
    assert not [link for link in home_links if link.get("type") == "application/json+oembed"]


@pytest.mark.django_db
def test_not_found_page_still_has_title_description_and_card(demo_site):
    response = Client().get("/no-such-page/")
    assert response.status_code == 404
    meta = head(response.content.decode()).meta
    assert meta["og:title"] and meta["description"]
    assert meta["og:image"].startswith(SITE)
    assert "og:url" not in meta
