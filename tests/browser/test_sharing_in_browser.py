"""In a real browser: the story card inside a sandboxed iframe on another origin (WordPress's embed protocol),
framing refused everywhere else, and the share and copy buttons."""

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .conftest import RequestLog, screenshot

SECRET = "abcDEF1234"
HOST_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A partner's website</title></head>
<body><main><h1>A partner's website</h1>
<iframe id="card" sandbox="allow-scripts" security="restricted" src="{embed}#?secret={secret}"
  data-secret="{secret}" width="480" height="200" title="Story card"></iframe>
<script>
  window.messages = [];
  window.addEventListener("message", (event) => {{
    window.messages.push(event.data);
    const frame = document.querySelector('iframe[data-secret="' + event.data.secret + '"]');
    if (frame && event.data.message === "height") frame.height = event.data.value;
  }});
</script></main></body></html>
"""
FRAMING_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A site that tries to frame ours</title></head>
<body><main><h1>Framing attempts</h1>
<iframe id="story" src="{story}" width="480" height="200" title="Story page"></iframe>
<iframe id="home" src="{home}" width="480" height="200" title="Home page"></iframe>
<iframe id="card" src="{embed}" width="480" height="200" title="Story card"></iframe>
</main></body></html>
"""
# The shared 2-core machine can be slow to render a cold page; these tests assert behaviour, not speed.
SLOW = 90_000
axe = Axe()


@pytest.fixture
def site(live_server, demo_site, settings):
    settings.SITE_URL = live_server.url
    return live_server.url


@pytest.fixture
def partner_site(tmp_path, site):
    """A page on another origin (127.0.0.1 on its own port, while the site is served as localhost)."""
    (tmp_path / "host.html").write_text(HOST_PAGE.format(embed=f"{site}/stories/lillian/embed/", secret=SECRET))
    (tmp_path / "framing.html").write_text(
        FRAMING_PAGE.format(story=f"{site}/stories/lillian/", home=f"{site}/", embed=f"{site}/stories/lillian/embed/")
    )
    handler = partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/host.html"
    server.shutdown()
    server.server_close()


def messages(page, kind):
    return page.evaluate(f"window.messages.filter(m => m && m.message === {kind!r})")


def test_card_renders_in_a_sandboxed_iframe_on_another_origin_and_reports_its_height(site, partner_site, desktop):
    assert urlsplit(partner_site).netloc != urlsplit(site).netloc
    log = RequestLog(desktop)
    desktop.goto(partner_site, wait_until="networkidle", timeout=SLOW)
    desktop.wait_for_function("window.messages.some(m => m && m.message === 'height')", timeout=SLOW)
    height = messages(desktop, "height")[-1]
    assert height["secret"] == SECRET
    card = desktop.frame_locator("#card")
    assert card.locator("a[href='tel:0800555111']").is_visible()
    # The frame now fits the card: the reported height is the card's own.
    content_height = card.locator("body").evaluate("body => Math.ceil(body.getBoundingClientRect().height)")
    assert height["value"] == content_height and 150 < content_height < 1000
    assert desktop.locator("#card").get_attribute("height") == str(content_height)
    screenshot(desktop, "embed-on-partner-site")
    # Nothing but the partner's page and our site, and no cookie from either.
    assert log.origins() == {urlsplit(partner_site).netloc, urlsplit(site).netloc}
    assert desktop.context.cookies() == []


def test_film_link_is_handed_to_the_parent_with_the_secret(site, partner_site, desktop):
    desktop.goto(partner_site, timeout=SLOW)
    desktop.wait_for_function("window.messages.some(m => m && m.message === 'height')", timeout=SLOW)
    film = desktop.frame_locator("#card").locator("a[target=_blank][href*='/stories/']")
    assert "opens in a new tab" in film.text_content()
    film.click()
    desktop.wait_for_function("window.messages.some(m => m && m.message === 'link')")
    assert messages(desktop, "link") == [{"message": "link", "value": f"{site}/stories/lillian/", "secret": SECRET}]


def test_story_and_home_pages_refuse_to_be_framed(site, partner_site, desktop):
    desktop.goto(partner_site.replace("host.html", "framing.html"), wait_until="load", timeout=SLOW)
    for frame_id in ("story", "home"):
        frame = desktop.locator(f"#{frame_id}").element_handle().content_frame()
        # Chromium replaces a frame refused by X-Frame-Options with its own error page.
        assert frame.url.startswith("chrome-error://"), frame.url
    # Same page, same browser: the card alone is shown.
    card = desktop.locator("#card").element_handle().content_frame()
    assert card.url == f"{site}/stories/lillian/embed/"
    assert card.locator("a[href^='tel:']").count() == 1


def test_card_opened_directly_passes_axe_and_links_open_normally(site, phone):
    phone.goto(f"{site}/stories/archie/embed/")
    screenshot(phone, "phone-embed")
    violations = [v["id"] for v in axe.run(phone).response["violations"]]
    assert violations == []
    with phone.context.expect_page() as new_tab:
        phone.locator("a[target=_blank][href*='/stories/']").click()
    assert new_tab.value.url == f"{site}/stories/archie/"


def test_copy_link_button_copies_the_story_address(site, browser):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{site}/stories/godwin/")
    copy = page.locator("[data-share-copy] button")
    assert copy.is_visible()
    copy.click()
    # Our CSP forbids eval, so wait with a locator rather than a JavaScript string.
    expect(page.locator("[data-share-status]")).to_have_text("Link copied.")
    assert page.evaluate("navigator.clipboard.readText()") == f"{site}/stories/godwin/"
    context.close()


def test_native_share_button_only_where_the_browser_can_share(site, browser):
    plain = browser.new_context()
    page = plain.new_page()
    page.goto(f"{site}/stories/godwin/")
    has_share = page.evaluate("typeof navigator.share === 'function'")
    assert page.locator("[data-share-native]").is_visible() == has_share
    plain.close()

    sharing = browser.new_context()
    sharing.add_init_script("navigator.share = async (data) => { window.shared = data; };")
    page = sharing.new_page()
    page.goto(f"{site}/stories/godwin/")
    page.locator("[data-share-native] button").click()
    shared = page.evaluate("window.shared")
    assert shared["url"] == f"{site}/stories/godwin/" and "#HardCallsSaveLives" in shared["text"]
    sharing.close()


def test_share_buttons_stay_hidden_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/stories/godwin/")
    assert not page.locator("[data-share-copy]").is_visible()
    assert page.locator(".share__link", has_text="WhatsApp").is_visible()
    context.close()


def test_toolkit_copies_embed_code_and_passes_axe(site, browser):
    context = browser.new_context(
        permissions=["clipboard-read", "clipboard-write"], viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.goto(f"{site}/partner-toolkit/")
    screenshot(page, "desktop-partner-toolkit")
    assert [v["id"] for v in axe.run(page).response["violations"]] == []
    page.locator("[data-copy-target='embed-lillian']").click()
    page.wait_for_function("navigator.clipboard.readText().then(t => t.includes('/stories/lillian/embed/'))")
    assert page.evaluate("navigator.clipboard.readText()") == page.locator("#embed-lillian").input_value()
    context.close()
