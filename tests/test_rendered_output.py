"""What a visitor sees, as `make run` serves it: no template syntax, and the call-to-action as a real tel: link.

The site runs exactly as `make run` runs it: its own SQLite database migrated and loaded with the demo content by
the management commands, static files collected, gunicorn with the production settings (tests/servers.py). The
call-to-action's number is changed in the campaign settings first, so a page that shows the environment's default
number instead of the setting's fails. Every page is fetched once by the module fixture; each test reads one
answer. To cover another page, add a line to PAGES.
"""

import re
import sqlite3
from dataclasses import dataclass
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
import requests
from django.db import connection

from tests.servers import free_port, production_env, run_manage, served_site_env, start_gunicorn, stop

# The app server always runs on its own SQLite file, whatever database the suite uses: once is enough.
pytestmark = [
    pytest.mark.skipif(
        connection.vendor == "postgresql",
        reason="uses its own SQLite database whatever the suite's: runs in `make test` (CI runs both)",
    ),
    pytest.mark.xdist_group(__name__),  # one xdist worker serves the module's site, once
]

# A number no default or fixture uses: seen on a page, it can only have come from the setting.
PHONE_DISPLAY = "0800 246 135"
PHONE_TEL = "0800246135"
TEMPLATE_SYNTAX = ("{#", "#}", "{%", "%}", "{{", "}}")

SET_PHONE = f"""
from wagtail.models import Site
from pages.models import CampaignSettings
settings = CampaignSettings.for_site(Site.objects.get(is_default_site=True))
settings.phone_display = "{PHONE_DISPLAY}"
settings.phone_tel = "{PHONE_TEL}"
settings.save()
"""


@dataclass(frozen=True)
class Request:
    path: str
    status: int
    method: str = "GET"
    headers: tuple = ()


# name -> how a visitor reaches it. The 500 page is fetched last, after the database loses a table.
PAGES = {
    "home": Request("/", 200),
    "story index": Request("/stories/", 200),
    "story": Request("/stories/lillian/", 200),
    "story (unknown family)": Request("/stories/fifth-story/", 200),
    "standard page": Request("/your-anonymity/", 200),
    "partner toolkit": Request("/partner-toolkit/", 200),
    "embed card": Request("/stories/lillian/embed/", 200),
    "404": Request("/no-such-page/", 404),
    # A request for another site's name (a misdirected or forged Host header).
    "400": Request("/", 400, headers=(("Host", "unknown.example"),)),
    # A form posted to a public page without the admin's CSRF token.
    "403": Request("/stories/", 403, method="POST"),
    # A visitor opening the no-JavaScript poll's address.
    "405": Request("/events/poll/", 405),
}


class VisibleOutput(HTMLParser):
    """Text a visitor can read (the title included; not scripts or styles) and every attribute value."""

    HIDDEN = {"script", "style", "template"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text = []
        self.attributes = []
        self.tel_links = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self._hidden += 1
        for name, value in attrs:
            self.attributes.append(f"{tag}[{name}]={value or ''}")
        href = dict(attrs).get("href") or ""
        if tag == "a" and href.startswith("tel:"):
            self.tel_links.append({"href": href, "text": ""})

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if self._hidden:
            return
        self.text.append(data)
        if self.tel_links:
            self.tel_links[-1]["text"] += data

    def handle_comment(self, data):
        pass  # an HTML comment is not shown


def read(html):
    parser = VisibleOutput()
    parser.feed(html)
    parser.close()
    return parser


def fetch(base, request):
    return requests.request(
        request.method, base + request.path, headers=dict(request.headers), allow_redirects=False, timeout=60
    )


@pytest.fixture(scope="module")
def served(tmp_path_factory, make_run_template):
    folder = tmp_path_factory.mktemp("served")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    # What `make run` does before it serves (migrate, load the demo, collect static files; made once per run), then
    # the phone number changed as comms staff would.
    site_env = served_site_env(folder, make_run_template)
    database = folder / "site.sqlite3"
    run_manage(production_env(port, **site_env), "shell", "-c", SET_PHONE)

    server = start_gunicorn(port, folder / "gunicorn.log", **site_env)
    try:
        answers = {name: fetch(base, request) for name, request in PAGES.items()}
        extras = {
            "favicon": fetch(base, Request("/favicon.ico", 200)),
            "home again": fetch(base, Request("/", 200)),  # from the page cache
            "home uncompressed": fetch(base, Request("/", 200, headers=(("Accept-Encoding", "identity"),))),
            "admin login": fetch(base, Request("/admin/login/", 200)),
        }
        rendition = re.search(r'/media/images/[^"\s,]+', answers["story"].text).group(0)
        extras["rendition"] = fetch(base, Request(rendition, 200))
        film = re.search(r'/media/[^"\s,]+\.mp4', answers["story"].text).group(0)
        extras["film"] = fetch(base, Request(film, 200))
        # A database that lost a table (a half-applied migration, a bad restore): the next page view fails.
        with sqlite3.connect(database) as db:
            db.execute("DROP TABLE wagtailcore_site")
        answers["500"] = fetch(base, Request("/stories/archie/", 500))
    finally:
        stop(server)
    return SimpleNamespace(base=base, answers=answers, extras=extras, log=(folder / "gunicorn.log").read_text())


EVERY_PAGE = [*PAGES, "500"]


def expected_status(name):
    return 500 if name == "500" else PAGES[name].status


@pytest.mark.parametrize("name", EVERY_PAGE)
def test_the_page_shows_no_template_syntax(served, name):
    response = served.answers[name]
    assert response.status_code == expected_status(name)
    assert response.headers["Content-Type"].startswith("text/html")
    page = read(response.text)
    text = " ".join(" ".join(page.text).split())
    assert len(text) > 40, text  # a real page, not an empty answer
    for token in TEMPLATE_SYNTAX:
        shown = [match.start() for match in re.finditer(re.escape(token), text)]
        assert not shown, f"{token!r} shown to the visitor: …{text[max(shown[0] - 80, 0) : shown[0] + 80]}…"
        assert not [value for value in page.attributes if token in value], token


@pytest.mark.parametrize("name", EVERY_PAGE)
def test_the_page_offers_the_call_from_the_setting_as_a_tel_link(served, name):
    response = served.answers[name]
    assert response.status_code == expected_status(name)
    links = read(response.text).tel_links
    assert links, "no tel: link"
    assert {link["href"] for link in links} == {f"tel:{PHONE_TEL}"}
    assert any(PHONE_DISPLAY in " ".join(link["text"].split()) for link in links), links


def test_browsers_asking_for_the_favicon_get_one(served):
    favicon = served.extras["favicon"]
    assert favicon.status_code == 200
    assert favicon.headers["Content-Type"] == "image/vnd.microsoft.icon"
    assert favicon.content[:4] == b"\x00\x00\x01\x00"  # an ICO file
    links = [value for value in read(served.answers["home"].text).attributes if value.startswith("link[href]=")]
    assert any(value.endswith(".ico") for value in links), links


def test_pages_are_compressed_fresh_and_from_the_cache_but_never_the_admin(served):
    home, cached = served.answers["home"], served.extras["home again"]
    assert cached.headers["X-Page-Cache"] == "hit"
    for response in (home, cached, served.answers["story"], served.answers["embed card"], served.answers["404"]):
        assert response.headers.get("Content-Encoding") == "gzip", response.url
        assert "Accept-Encoding" in response.headers["Vary"]
    # The cache holds the page itself: a client that does not take gzip gets it plain, with the same text.
    plain = served.extras["home uncompressed"]
    assert "Content-Encoding" not in plain.headers and plain.text == home.text
    # The admin's pages carry a CSRF token: never compressed (BREACH).
    admin = served.extras["admin login"]
    assert admin.status_code == 200 and "csrfmiddlewaretoken" in admin.text
    assert "Content-Encoding" not in admin.headers
    # Public pages carry no secret to leak: no token, no cookie.
    for name in ("home", "story", "embed card"):
        assert "csrfmiddlewaretoken" not in served.answers[name].text
        assert not served.answers[name].cookies


def test_renditions_are_cached_for_a_year_and_films_for_a_minute_in_browsers(served):
    rendition, film = served.extras["rendition"], served.extras["film"]
    assert rendition.status_code == 200 and rendition.headers["Content-Type"].startswith("image/")
    assert rendition.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "Content-Encoding" not in rendition.headers
    assert film.status_code == 200 and film.headers["Cache-Control"] == "public, max-age=60, s-maxage=86400"
    assert "Content-Encoding" not in film.headers
