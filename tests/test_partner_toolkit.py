"""The partner toolkit page: per story the post text, hashtag, short address, embed code and share image."""

import html as html_lib
from html.parser import HTMLParser

import pytest
from django.test import Client
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from pages.models import HomePage
from partners.models import Partner, PartnerToolkitPage
from stories.models import StoryPage
from tests.helpers import third_party_assets

SITE = "https://hardcalls.example.org"


@pytest.fixture
def toolkit_html(settings, demo_site):
    settings.SITE_URL = SITE
    response = Client().get("/partner-toolkit/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_each_story_ready_to_share_has_its_kit(toolkit_html):
    text = html_lib.unescape(toolkit_html)
    for slug in ["lillian", "dwayne", "godwin", "archie"]:
        assert f"{SITE}/{slug}" in text  # short address
        assert f'<iframe class="wp-embedded-content" src="{SITE}/stories/{slug}/embed/"' in text  # embed code
        assert f'download="{slug}-share-image.jpg"' in text
    assert (
        "Lillian's son Quamari was stabbed and killed. Lillian had to call her aunty to tell her. Call Crimestoppers"
        in text
    )
    assert "#HardCallsSaveLives" in text
    # The fifth story is still placeholder text: no kit, so no placeholder reaches a partner's post.
    assert "fifth-story" not in text and "Placeholder" not in text.split('id="toolkit-stories-heading"')[1]
    assert toolkit_html.count("data-copy-target=") == 4
    # Our own absolute addresses appear inside the embed code a partner copies; nothing else is absolute.
    assert [url for url in third_party_assets(toolkit_html) if not url.startswith(SITE + "/")] == []
    assert '<img src="/media/share-cards/' in toolkit_html  # shown from our own origin


@pytest.mark.django_db
def test_partners_listed_with_their_own_links(toolkit_html):
    assert "Example borough partner (placeholder)" in toolkit_html
    assert f"{SITE}/stories/lillian/?via=example-borough" in toolkit_html
    assert f"{SITE}/stories/archie/?via=example-charity" in toolkit_html


@pytest.mark.django_db
def test_demo_partners_are_plainly_placeholders(demo_site):
    assert Partner.objects.count() >= 1
    assert all("(placeholder)" in partner.name for partner in Partner.objects.all())


@pytest.mark.django_db
def test_a_new_partner_appears_with_links(settings, demo_site):
    settings.SITE_URL = SITE
    Partner.objects.create(name="Another placeholder partner", code="another")
    html = Client().get("/partner-toolkit/").content.decode()
    assert "Another placeholder partner" in html and f"{SITE}/stories/godwin/?via=another" in html


@pytest.mark.django_db
def test_partner_codes_are_looked_up_never_trusted(demo_site):
    from insights.vocabulary import normalise_channel

    assert normalise_channel("example-borough") == Partner.objects.get(name__startswith="Example borough").code
    for value in ["unknown-partner", "EXAMPLE-BOROUGH", "<script>", "x" * 200, None, "", "a\x00b"]:
        assert normalise_channel(value) == "other"


@pytest.mark.usefixtures("demo_site")  # its setUp's load_demo_content then finds everything there
class TestToolkitInAdmin(WagtailPageTestCase):
    def setUp(self):
        from django.core.management import call_command

        call_command("load_demo_content", without_translations=True, verbosity=0)
        self.login()

    def test_editors_can_create_it_under_home_only(self):
        self.assertAllowedParentPageTypes(PartnerToolkitPage, {HomePage})
        PartnerToolkitPage.objects.all().delete()
        self.assertCanCreate(
            HomePage.objects.get(),
            PartnerToolkitPage,
            nested_form_data(
                {
                    "title": "Toolkit",
                    "slug": "toolkit",
                    "introduction": "For partners.",
                    "body": streamfield([]),
                    "partners_heading": "Partners",
                    "partners_text": "",
                }
            ),
        )

    def test_it_is_routable(self):
        self.assertPageIsRoutable(PartnerToolkitPage.objects.get())


class _CopiedCode(HTMLParser):
    """Reads an HTML fragment as a browser would and records its elements, attributes and text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements, self.text, self.open = [], [], []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open}"
        self.open.pop()

    def handle_data(self, data):
        if self.open and self.open[-1] != "iframe":
            self.text.append(data)


class _Textareas(HTMLParser):
    """The value of each textarea on a served page: what a person selecting and copying it gets."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.values, self.current = {}, None

    def handle_starttag(self, tag, attrs):
        if tag == "textarea":
            self.current = dict(attrs)["id"]
            self.values[self.current] = ""

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.current = None

    def handle_data(self, data):
        if self.current:
            self.values[self.current] += data


@pytest.mark.django_db
def test_copied_embed_code_shows_quotes_and_markup_as_text(settings, demo_site):
    """The attack: a title with a quote broke the iframe's attribute; a summary with <b> put HTML on partners' pages."""
    settings.SITE_URL = SITE
    title = 'Lillian & "Quamari" <script>x</script>'
    summary = "She had to <b>phone</b> her aunt & say it's true."
    story = StoryPage.objects.get(slug="lillian")
    story.title, story.summary = title, summary
    story.save_revision().publish()

    served = Client().get("/partner-toolkit/")
    assert served.status_code == 200
    textareas = _Textareas()
    textareas.feed(served.content.decode())
    code = textareas.values["embed-lillian"]

    copied = _CopiedCode()
    copied.feed(code)
    copied.close()
    assert copied.open == []  # every element closed, in order
    # Only the elements the code is made of: no <b>, no <script>, nothing from the title or summary.
    assert [tag for tag, _ in copied.elements] == ["blockquote", "a", "iframe"]
    iframe = copied.elements[2][1]
    assert iframe["title"] == f"{title}: a story from Hard calls save lives"
    assert iframe["src"] == f"{SITE}/stories/lillian/embed/"
    assert set(iframe) == {"class", "src", "width", "height", "title", "sandbox", "loading", "style"}
    # The partner's page shows the literal characters, once decoded (not twice).
    assert "".join(copied.text) == f"{title}: {summary}"
    assert "&amp;amp;" not in code and "&lt;b&gt;" in code and "&quot;Quamari&quot;" in code
