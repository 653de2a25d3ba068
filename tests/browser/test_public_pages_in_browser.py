"""What only a browser can show: axe-core, cookies, third-party requests, keyboard reach of the call link."""

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import RequestLog, screenshot

PAGES = {
    "home": "/",
    "story": "/stories/lillian/",
    "story-index": "/stories/",
    "standard": "/your-anonymity/",
    "not-found": "/no-such-page/",
}
axe = Axe()


def axe_violations(page):
    result = axe.run(page)
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in result.response["violations"]]


@pytest.mark.parametrize("name", ["home", "story"])
def test_phone_pages_pass_axe_set_no_cookie_and_stay_first_party(site, phone, name):
    log = RequestLog(phone)
    phone.goto(site + PAGES[name], wait_until="networkidle")
    # Scroll to the end so lazy images load too: they must also come from our origin.
    phone.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    phone.wait_for_load_state("networkidle")
    screenshot(phone, f"phone-{name}")
    assert axe_violations(phone) == []
    assert phone.context.cookies() == []
    assert log.origins() == {urlsplit(site).netloc}


@pytest.mark.parametrize("name", ["home", "story"])
def test_tab_reaches_the_tel_link_early(site, phone, name):
    phone.goto(site + PAGES[name])
    reached = None
    for stop in range(1, 12):
        phone.keyboard.press("Tab")
        href = phone.evaluate("document.activeElement.getAttribute('href') || ''")
        if href.startswith("tel:"):
            reached = stop
            break
    assert reached is not None and reached <= 8, f"tel: link not reached within 8 Tab presses ({reached})"
    name_of_link = phone.evaluate("document.activeElement.textContent.replace(/\\s+/g, ' ').trim()")
    assert name_of_link == "Call Crimestoppers anonymously on 0800 555 111"


def test_call_bar_is_fixed_and_visible_on_phones(site, phone):
    phone.goto(site + PAGES["story"])
    bar = phone.locator(".cta-bar .call-link")
    assert bar.is_visible()
    assert bar.get_attribute("href") == "tel:0800555111"
    box = bar.bounding_box()
    assert box["y"] + box["height"] <= 740 and box["y"] > 600


def test_desktop_pages_pass_axe(site, desktop):
    for name, path in PAGES.items():
        desktop.goto(site + path)
        screenshot(desktop, f"desktop-{name}")
        assert axe_violations(desktop) == [], name
        assert not desktop.locator(".cta-bar").is_visible()
        assert desktop.locator(".site-header .call-link").is_visible()


def test_readable_and_callable_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(site + PAGES["story"])
    assert "The hard call" in page.text_content("main")
    assert page.locator("a[href='tel:0800555111'] >> visible=true").first.is_visible()
    context.close()
