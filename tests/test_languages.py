"""The site in London's community languages (issue 16): addresses, switcher, script and direction, the call-to-action
and quick exit in each language, error pages, hreflang and the sitemap, oEmbed, translators' PO files, the catalogs.

Pages come from the demo site with its draft translations (`translated_demo_site`), built as `make run` builds them.
"""

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import polib
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.urls import path

from languages.translator_files import export_po
from stories.models import StoryPage
from tests.insights_helpers import fresh_insights  # noqa: F401 - a fixture

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = {"ar": "[\u0600-\u06ff]", "ur": "[\u0600-\u06ff]", "bn": "[\u0980-\u09ff]"}
# What each language's page must say, from its catalog: the call button, the quick exit, the draft notice.
WORDS = {
    "ar": {"call": "اتصل", "exit": "اخرج من هذه الصفحة", "draft": "ترجمة مسودة بانتظار المراجعة المهنية."},
    "ur": {"call": "کال کریں", "exit": "یہ صفحہ چھوڑیں", "draft": "مسودہ ترجمہ، پیشہ ورانہ جائزے کا منتظر۔"},
    "bn": {"call": "কল করুন", "exit": "এই পৃষ্ঠা ছেড়ে যান", "draft": "খসড়া অনুবাদ, পেশাদার পর্যালোচনার অপেক্ষায়।"},
    "pl": {"call": "Zadzwoń", "exit": "Opuść tę stronę", "draft": "Wstępne tłumaczenie oczekujące"},
}
DIRECTION = {"ar": "rtl", "ur": "rtl", "bn": "ltr", "pl": "ltr"}


class Page(HTMLParser):
    """What a visitor's browser would find in the HTML: <html> attributes, links, resources, text by class."""

    def __init__(self, html):
        super().__init__()
        self.html_attrs, self.links, self.resources, self.switcher = {}, [], [], []
        self._in_switcher = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_attrs = attrs
        if tag == "nav" and "language-switcher" in (attrs.get("class") or ""):
            self._in_switcher = True
        if tag == "a":
            self.links.append(attrs)
            if self._in_switcher:
                self.switcher.append(attrs)
        for name in ("src", "srcset"):
            if attrs.get(name):
                self.resources.append(attrs[name].split()[0])
        if tag == "link" and attrs.get("rel") in ("stylesheet", "preload", "icon"):
            self.resources.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_switcher = False


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response, response.content.decode()


@pytest.mark.django_db
def test_english_keeps_its_addresses_and_the_switcher_reaches_every_language(client, translated_demo_site):
    response, html = get(client, "/")
    assert response["Content-Language"] == "en-gb"
    page = Page(html)
    assert page.html_attrs == {"lang": "en-GB", "dir": "ltr"}
    names = {link["hreflang"]: link for link in page.switcher}
    # Each language named in itself, marked with its own language and direction.
    assert {code: link_text(html, link["href"]) for code, link in names.items()} == {
        "en-GB": "English",
        "bn": "বাংলা",
        "ar": "العربية",
        "ur": "اردو",
        "pl": "Polski",
        "ro": "Română",
        "tr": "Türkçe",
    }
    assert names["ar"]["dir"] == "rtl" and names["ar"]["lang"] == "ar" and names["bn"]["dir"] == "ltr"
    assert names["en-GB"]["aria-current"] == "true"
    # English story and short address as before.
    assert get(client, "/stories/lillian/")[0]["Content-Language"] == "en-gb"
    short = client.get("/lillian")
    assert short.status_code in (301, 302, 308) and urlsplit(short["Location"]).path == "/stories/lillian/"


def link_text(html, href):
    found = re.search(rf'href="{re.escape(href)}"[^>]*>([^<]+)</a>', html)
    return found.group(1) if found else None


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["ar", "ur", "bn", "pl"])
def test_switcher_leads_to_home_and_story_in_the_language_its_script_direction_and_words(
    client, translated_demo_site, code
):
    home_url = next(link["href"] for link in Page(get(client, "/")[1]).switcher if link["hreflang"] == code)
    assert home_url == f"/{code}/"
    _, home = get(client, home_url)
    # From the language's home, its own story index; from the English story, the switcher to the same story.
    _, english_story = get(client, "/stories/lillian/")
    story_url = next(link["href"] for link in Page(english_story).switcher if link["hreflang"] == code)
    assert story_url == f"/{code}/stories/lillian/"
    for url, html in ((home_url, home), (story_url, get(client, story_url)[1])):
        page = Page(html)
        assert page.html_attrs == {"lang": code, "dir": DIRECTION[code]}, url
        if code in SCRIPTS:
            title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
            assert re.search(SCRIPTS[code], title), (url, title)
        words = WORDS[code]
        # The call-to-action: a real tel: link from the setting, labelled in the language, the number kept LTR.
        assert re.search(
            rf'href="tel:0800555111">{words["call"]} <span class="visually-hidden">[^<]+</span>'
            r'<bdi dir="ltr" class="call-link__number">0800 555 111</bdi></a>',
            html,
        ), url
        assert html.count('href="tel:0800555111"') >= 3, url
        # The quick exit, labelled in the language, still leaving for the neutral site.
        assert re.search(rf'data-quick-exit-button><span class="visually-hidden">[^<]+</span>{words["exit"]}</a>', html)
        # A draft translation says so in the language and in English, and links the English page.
        assert words["draft"] in html and "Draft translation awaiting professional review." in html, url
        assert "to be confirmed" in html, url
        # The interface strings site.js shows are there in the language too.
        messages = re.search(r'<script id="site-messages" type="application/json">(.*?)</script>', html).group(1)
        assert "Exit this page shortcut cancelled." not in messages, url
        # No stray template text.
        assert "{%" not in html and "{{" not in html and "%(" not in html, url


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/ar/", "/ar/stories/lillian/", "/ur/stories/", "/bn/stories/lillian/"])
def test_translations_set_no_cookie_and_load_nothing_from_another_origin(client, translated_demo_site, url):
    response, html = get(client, url)
    assert not response.cookies
    assert "Accept-Language" not in response.get("Vary", "")
    for resource in Page(html).resources:
        assert not urlsplit(resource).netloc, (url, resource)


@pytest.mark.django_db
def test_translated_pages_are_cached_by_address_alone(client, translated_demo_site):
    assert client.get("/ar/stories/lillian/")["X-Page-Cache"] == "miss"
    # Another browser language changes nothing: the language is the address.
    again = client.get("/ar/stories/lillian/", HTTP_ACCEPT_LANGUAGE="pl")
    assert again["X-Page-Cache"] == "hit" and again["Content-Language"] == "ar"
    english = client.get("/stories/lillian/", HTTP_ACCEPT_LANGUAGE="ar")
    assert english["Content-Language"] == "en-gb" and '<html lang="en-GB" dir="ltr">' in english.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "code,heading", [("ar", "الصفحة غير موجودة"), ("ur", "صفحہ نہیں ملا"), ("bn", "পৃষ্ঠাটি পাওয়া যায়নি")]
)
def test_not_found_page_in_the_language(client, translated_demo_site, code, heading):
    response, html = get(client, f"/{code}/no-such-page/", status=404)
    assert f"<h1>{heading}</h1>" in html
    assert Page(html).html_attrs == {"lang": code, "dir": DIRECTION[code]}
    assert 'href="tel:0800555111"' in html and f'href="/{code}/"' in html


def boom(request):
    raise RuntimeError("deliberate failure for the test")


urlpatterns = [path("boom/", boom), *(path(f"{code}/boom/", boom) for code in ("ar", "ur", "bn", "pl"))]
handler500 = "campaign_site.error_views.server_error"


@override_settings(ROOT_URLCONF="tests.test_languages")
@pytest.mark.parametrize(
    "code,heading", [("ar", "عذرًا، حدث خطأ ما"), ("ur", "معذرت، کچھ غلط ہو گیا"), ("bn", "দুঃখিত, কিছু একটা ভুল হয়েছে")]
)
def test_500_page_in_the_language_without_the_database(code, heading):
    """No database access is allowed in this test: the 500 page, its switcher and its words need none."""
    response = Client(raise_request_exception=False).get(f"/{code}/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert Page(html).html_attrs == {"lang": code, "dir": DIRECTION[code]}
    assert 'href="tel:0800555111"' in html and WORDS[code]["exit"] in html
    assert {link["hreflang"] for link in Page(html).switcher} == {"en-GB", "bn", "ar", "ur", "pl", "ro", "tr"}


@pytest.mark.django_db
def test_hreflang_alternates_in_the_head(client, translated_demo_site):
    html = get(client, "/ar/stories/lillian/")[1]
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
    site = settings.SITE_URL
    assert alternates["x-default"] == alternates["en-GB"] == f"{site}/stories/lillian/"
    assert alternates["ar"] == f"{site}/ar/stories/lillian/" and alternates["ur"] == f"{site}/ur/stories/lillian/"
    assert len(alternates) == len(settings.LANGUAGES) + 1


@pytest.mark.django_db
def test_sitemap_lists_every_translation_with_its_alternates(client, translated_demo_site):
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own sitemap
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    entries = {
        url.find("s:loc", ns).text: {
            link.get("hreflang"): link.get("href")
            for link in url.findall("x:link", ns)
            if link.get("rel") == "alternate"
        }
        for url in root.findall("s:url", ns)
    }
    site = settings.SITE_URL
    for code in ("bn", "ar", "ur", "pl", "ro", "tr"):
        assert f"{site}/{code}/stories/lillian/" in entries, code
        assert entries[f"{site}/{code}/stories/lillian/"][code] == f"{site}/{code}/stories/lillian/"
    alternates = entries[f"{site}/stories/lillian/"]
    assert alternates["ar"] == f"{site}/ar/stories/lillian/" and alternates["x-default"] == f"{site}/stories/lillian/"
    # A page with no translation lists no alternates.
    assert entries[f"{site}/support/"] == {}


@pytest.mark.django_db
def test_oembed_and_embed_card_follow_the_language(client, translated_demo_site):
    site = settings.SITE_URL
    by_prefix = client.get("/oembed/?" + urlencode({"url": f"{site}/ar/stories/lillian/"})).json()
    by_lang = client.get("/oembed/?" + urlencode({"url": f"{site}/stories/lillian/", "lang": "ar"})).json()
    assert by_prefix["html"] == by_lang["html"]
    assert f'src="{site}/ar/stories/lillian/embed/"' in by_lang["html"]
    assert by_lang["author_url"] == f"{site}/ar/"  # the campaign is the author: its home in the story's language
    english = client.get("/oembed/?" + urlencode({"url": f"{site}/stories/lillian/"})).json()
    assert f'src="{site}/stories/lillian/embed/"' in english["html"]
    assert client.get("/oembed/?" + urlencode({"url": f"{site}/stories/lillian/", "lang": "xx"})).status_code == 400
    card = get(client, "/ar/stories/lillian/embed/")[1]
    assert '<html lang="ar" dir="rtl">' in card and WORDS["ar"]["call"] in card
    assert "ترجمة مسودة" in card


@pytest.mark.django_db
def test_oembed_answers_are_cached_apart_by_url_and_lang_under_every_prefix(client, translated_demo_site):
    """The page cache keys oEmbed on the parameters it reads; under /ar/ it must still find the oEmbed view."""
    site = settings.SITE_URL
    arabic = client.get("/ar/oembed/?" + urlencode({"url": f"{site}/ar/stories/lillian/"}))
    english = client.get("/ar/oembed/?" + urlencode({"url": f"{site}/stories/lillian/"}))
    assert arabic["X-Page-Cache"] == english["X-Page-Cache"] == "miss"
    assert f'src="{site}/ar/stories/lillian/embed/"' in arabic.json()["html"]
    assert f'src="{site}/stories/lillian/embed/"' in english.json()["html"]
    by_lang = client.get("/oembed/?" + urlencode({"url": f"{site}/stories/lillian/", "lang": "ur"}))
    plain = client.get("/oembed/?" + urlencode({"url": f"{site}/stories/lillian/"}))
    assert by_lang["X-Page-Cache"] == plain["X-Page-Cache"] == "miss"
    assert "/ur/stories/lillian/embed/" in by_lang.json()["html"]
    assert f'src="{site}/stories/lillian/embed/"' in plain.json()["html"]
    again = client.get("/oembed/?" + urlencode({"lang": "ur", "url": f"{site}/stories/lillian/", "utm_source": "x"}))
    assert again["X-Page-Cache"] == "hit" and again.json() == by_lang.json()


@pytest.mark.django_db
def test_method_and_bad_request_pages_in_the_language(client, translated_demo_site, settings):
    """The 405 and 400 pages (operations/error_pages.py) speak the address's language, with the call-to-action."""
    settings.ALLOWED_HOSTS = ["hardcalls.example.org", "testserver"]
    refused = client.generic("TRACE", "/ar/stories/lillian/")
    bad_host = Client(raise_request_exception=False).get("/ur/stories/", HTTP_HOST="not-our-host.example")
    for response, code, heading in (
        (refused, "ar", "عذرًا، لا يمكنك القيام بذلك هنا"),
        (bad_host, "ur", "معذرت، ہم یہ درخواست نہیں پڑھ سکے"),
    ):
        html = response.content.decode()
        assert response.status_code in (400, 405) and f"<h1>{heading}</h1>" in html, response.status_code
        assert Page(html).html_attrs == {"lang": code, "dir": DIRECTION[code]}
        assert 'href="tel:0800555111"' in html and f'href="/{code}/"' in html and WORDS[code]["exit"] in html


@pytest.mark.django_db
def test_every_demo_translation_translates_a_sentence_the_english_demo_still_has(translated_demo_site):
    """When the fact register changes an English sentence, its old translation no longer matches anything and the
    page shows the new English: this names such translations, so they are re-translated or removed, not left over."""
    from demo.content.translations import ENGLISH
    from demo.translations import pages_to_translate

    sentences = {entry.msgid for page in pages_to_translate(translated_demo_site) for entry in export_po(page, "ar")}
    assert {name: text for name, text in ENGLISH.items() if text not in sentences} == {}


REVISED = "قُتل Quamari طعنًا. اتصلت Lillian بعمتها أو خالتها لتخبرها."


@pytest.mark.django_db
def test_translator_po_round_trip_shows_in_the_admin_as_a_draft(client, translated_demo_site, tmp_path, admin_user):
    story = StoryPage.objects.get(slug="lillian", locale__language_code="en-gb")
    out = tmp_path / "lillian.ar.po"
    call_command("export_translation_po", "/stories/lillian/", "ar", output=str(out), stdout=open("/dev/null", "w"))  # noqa: SIM115
    po = polib.pofile(str(out))
    summary = next(entry for entry in po if entry.msgctxt == "summary")
    assert summary.msgid == story.summary and summary.msgstr.startswith("طُعن Quamari")
    summary.msgstr = REVISED  # the translator's revision
    po.save(str(out))
    call_command("import_translation_po", str(out), stdout=open("/dev/null", "w"))  # noqa: SIM115
    arabic = StoryPage.objects.get(slug="lillian", locale__language_code="ar")
    # Saved as a draft for the comms team to review: visitors still see the published words.
    assert arabic.has_unpublished_changes and arabic.get_latest_revision_as_object().summary == REVISED
    assert REVISED not in client.get("/ar/stories/lillian/").content.decode()
    client.force_login(admin_user)
    editor = client.get(f"/{settings.ADMIN_PATH}/pages/{arabic.pk}/edit/").content.decode()
    # wagtail-localize's translation editor carries the strings as JSON (non-ASCII as \u escapes).
    assert REVISED in editor or json.dumps(REVISED)[1:-1] in editor
    # The admin marks the page as a draft translation awaiting review.
    assert "Draft translation awaiting professional review" in editor
    # The same file published at once.
    call_command("import_translation_po", str(out), publish=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    client.logout()
    assert REVISED in client.get("/ar/stories/lillian/").content.decode()


@pytest.mark.django_db
def test_a_po_file_that_does_not_match_is_refused_whole_naming_the_line(translated_demo_site, tmp_path):
    story = StoryPage.objects.get(slug="lillian", locale__language_code="en-gb")
    po = export_po(story, "ur")
    first = next(entry for entry in po if entry.msgctxt == "title")
    first.msgstr = "نیا عنوان"
    po.append(polib.POEntry(msgid="A sentence the page never had.", msgstr="کچھ", msgctxt="summary"))
    path = tmp_path / "bad.po"
    po.save(str(path))
    line = polib.pofile(str(path))[-1].linenum
    with pytest.raises(CommandError, match=rf"Nothing was imported\. line {line}: the English"):
        call_command("import_translation_po", str(path))
    urdu = StoryPage.objects.get(slug="lillian", locale__language_code="ur")
    assert urdu.get_latest_revision_as_object().title != "نیا عنوان"


@pytest.mark.django_db
def test_status_flags_translations_whose_english_changed(translated_demo_site, capsys):
    story = StoryPage.objects.get(slug="godwin", locale__language_code="en-gb")
    story.summary = story.summary + " "  # any edit after the translation was made
    story.save_revision()
    call_command("translation_status")
    lines = [line for line in capsys.readouterr().out.splitlines() if "Godwin" in line]
    assert lines and all("SOURCE CHANGED" in line for line in lines)
    assert len(lines) == len(settings.LANGUAGES) - 1


def test_every_catalog_is_complete_and_its_compiled_file_matches():
    """A .mo file is committed beside each .po (running the site needs no gettext): they must say the same."""
    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        folder = ROOT / "languages" / "locale" / code / "LC_MESSAGES"
        po, mo = polib.pofile(str(folder / "django.po")), polib.mofile(str(folder / "django.mo"))
        assert po.untranslated_entries() == [] and po.fuzzy_entries() == [], code
        compiled = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in mo if e.msgid}
        written = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in po if not e.obsolete}
        assert compiled == written, f"{code}: run `make messages`"


@pytest.mark.django_db
def test_insights_count_each_language_as_one_more_dimension(client, translated_demo_site):
    import datetime

    from insights import reports
    from tests.insights_helpers import beacon

    arabic = StoryPage.objects.get(slug="lillian", locale__language_code="ar")
    english = StoryPage.objects.get(slug="lillian", locale__language_code="en-gb")
    for page, event in ((arabic, "page_view"), (arabic, "page_view"), (arabic, "call_tapped"), (english, "page_view")):
        assert beacon(client, {"e": event, "p": page.pk, "c": "radio"}).status_code == 204
    today = datetime.date.today()
    figures = {row["code"]: row for row in reports.summary(today, today)["languages"]}
    assert figures["ar"]["views"] == 2 and figures["ar"]["calls"] == 1 and figures["ar"]["label"] == "العربية"
    assert figures["en-gb"]["views"] == 1 and figures["en-gb"]["calls"] == 0


@pytest.mark.django_db
def test_share_cards_are_drawn_per_language_with_shaping(client, translated_demo_site):
    from io import BytesIO

    from django.core.files.storage import default_storage
    from PIL import Image, features

    from sharing.cards import can_draw

    assert features.check("raqm") and can_draw("ar") and can_draw("ur") and can_draw("bn")
    cards = {}
    for code, url in (("en", "/stories/lillian/"), ("ar", "/ar/stories/lillian/"), ("bn", "/bn/stories/lillian/")):
        html = get(client, url)[1]
        cards[code] = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
    assert len(set(cards.values())) == 3
    assert "story-lillian-ar-" in cards["ar"] and "story-lillian-bn-" in cards["bn"]
    name = urlsplit(cards["ar"]).path.removeprefix(settings.MEDIA_URL)
    with default_storage.open(name) as handle:
        assert Image.open(BytesIO(handle.read())).size == (1200, 630)


@pytest.mark.django_db
def test_films_start_with_captions_in_the_page_language_when_they_have_them(client, translated_demo_site):
    from django.core.files.base import ContentFile

    from films.models import FilmCaptionTrack

    film = StoryPage.objects.get(slug="lillian", locale__language_code="en-gb").film
    track = FilmCaptionTrack(film=film, language="ar", label="العربية")
    track.file.save("lillian.ar.vtt", ContentFile(b"WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nmarhaban\n"), save=False)
    track.save()

    def tracks(url):
        return re.findall(r'<track kind="captions" srclang="([^"]+)"[^>]*?( default)?>', get(client, url)[1])

    assert tracks("/ar/stories/lillian/") == [("en", ""), ("ar", " default")]
    assert tracks("/stories/lillian/") == [("en", " default"), ("ar", "")]
    # No Urdu captions yet: the Urdu page starts with English ones.
    assert tracks("/ur/stories/lillian/") == [("en", " default"), ("ar", "")]
