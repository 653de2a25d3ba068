"""Visitor safety and WCAG 2.2 AA on every public page type, at phone and desktop widths (issue 4).

One test per page type groups every check, so the demo site is loaded once per page type and one browser serves
them all. Problems are collected and reported together, so one run shows everything that is wrong with a page.

The quick-exit destination is pointed at `QUICK_EXIT_URL`, an address that Playwright answers itself: nothing
ever leaves the machine, and any other request to another origin is recorded and refused.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import DESKTOP, PHONE, screenshot

QUICK_EXIT_URL = "https://quick-exit.test/forecast"
NEUTRAL_PAGE = "<!doctype html><html lang='en'><title>Weather</title><h1>Weather</h1></html>"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
CALL_LINK_NAME = "Call Crimestoppers anonymously on 0800 555 111"
QUICK_EXIT_MAX_TAB_STOPS = 3  # after the skip link
TEL_MAX_TAB_STOPS = 8
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}
axe = Axe()


@dataclass(frozen=True)
class Case:
    name: str
    path: str
    status: int = 200
    text: str = ""  # words that must be on the page with JavaScript off (the story text, for stories)


CASES = [
    Case("home", "/", text="Five mothers who lost their sons to violence and knife crime"),
    Case("story-index", "/stories/", text="Lillian"),
    Case("story", "/stories/lillian/", text="Lillian had to call her aunty to tell her."),
    Case("story-placeholder", "/stories/fifth-story/", text="The fifth mother's story"),
    Case("anonymity", "/your-anonymity/", text="does not erase your browsing history"),
    Case("support", "/support/", text="If someone is in immediate danger, call 999."),
    Case("accessibility", "/accessibility/", text="Enforcement procedure"),
    Case("not-found", "/no-such-page/", status=404, text="Page not found"),
]

# The embed card has no fixed call bar: its whole card is the call-to-action.
EMBED_CARD_CASES = [
    Case("embed-card", "/stories/lillian/embed/", text="Lillian"),
]


class Traffic:
    """Answers the quick-exit destination, refuses and records every other third-party request."""

    def __init__(self, context, own_origin):
        self.own_origin = own_origin
        self.requests = []  # (url, resource type)
        self.exits = []  # referer header sent to the quick-exit destination (None = none sent)
        context.route("**/*", self.handle)

    def handle(self, route):
        request = route.request
        if request.url.startswith(QUICK_EXIT_URL):
            self.exits.append(request.header_value("referer"))
            route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)
            return
        self.requests.append((request.url, request.resource_type))
        if urlsplit(request.url).netloc == self.own_origin:
            route.continue_()
        else:
            route.abort()

    def third_party(self):
        return sorted(
            {
                url
                for url, _ in self.requests
                if urlsplit(url).netloc != self.own_origin and urlsplit(url).scheme != "data"
            }
        )

    def of_type(self, *types):
        return [url for url, kind in self.requests if kind in types]


def axe_violations(page):
    response = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}}).response
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in response["violations"]]


def tab_stops_until(page, predicate_js, limit=12):
    """Presses Tab from the top of the page; returns the number of presses until the focused element matches."""
    page.evaluate("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
    for stop in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {predicate_js})(document.activeElement)"):
            return stop
    return None


FOCUS_HIDDEN_BY_A_BAR = """() => {
    // WCAG 2.4.11: the focused element is not hidden by the sticky quick exit or the fixed call bar.
    const el = document.activeElement;
    if (el === document.body) return "end";
    const bar = document.querySelector(".cta-bar");
    const exit = document.querySelector(".quick-exit");
    if ((bar && bar.contains(el)) || (exit && exit.contains(el))) return "";
    const box = el.getBoundingClientRect();
    const barStyle = bar && getComputedStyle(bar);
    const barTop = barStyle && barStyle.display !== "none" && barStyle.position === "fixed"
        ? bar.getBoundingClientRect().top : window.innerHeight;
    const exitBottom = exit && getComputedStyle(exit).position === "sticky" ? exit.getBoundingClientRect().bottom : 0;
    return box.bottom <= barTop + 1 && box.top >= exitBottom - 1 ? "" : el.outerHTML.slice(0, 120);
}"""


def focus_hidden_by_a_bar(page, max_stops=60):
    """Tabs through the whole page; returns the first focused element hidden by a bar, or ""."""
    page.evaluate("document.activeElement.blur(); window.scrollTo(0, 0)")
    for _ in range(max_stops):
        page.keyboard.press("Tab")
        hidden = page.evaluate(FOCUS_HIDDEN_BY_A_BAR)
        if hidden == "end":
            return ""
        if hidden:
            return hidden
    return ""


def leaves_for_quick_exit(page, how):
    """Activates the quick exit ("shift" or "click"): did it leave for the configured site, replace this page in the
    history and dispatch the `quickexit` hook first?"""
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.evaluate("document.addEventListener('quickexit', e => console.log('quickexit-event ' + e.detail.destination))")
    if how == "shift":
        for _ in range(3):
            page.keyboard.press("Shift")
    else:
        page.click("[data-quick-exit-button]")
    page.wait_for_url(QUICK_EXIT_URL, timeout=5000)
    left = page.url == QUICK_EXIT_URL
    page.go_back()
    back_here = page.url.startswith("http://") and "quick-exit.test" not in page.url
    return left, not back_here, f"quickexit-event {QUICK_EXIT_URL}" in messages


@pytest.fixture
def exit_to_test_page(campaign_settings):
    campaign_settings.quick_exit_url = QUICK_EXIT_URL
    campaign_settings.full_clean()
    campaign_settings.save()
    return campaign_settings


@pytest.mark.parametrize("case", CASES + EMBED_CARD_CASES, ids=lambda case: case.name)
def test_page_is_safe_and_accessible(site, browser, exit_to_test_page, case):
    own_origin = urlsplit(site).netloc
    url = site + case.path
    problems = []

    def check(ok, what):
        if not ok:
            problems.append(what)

    for width, viewport in WIDTHS.items():
        options = {"viewport": viewport}
        if width == "phone":
            options.update(device_scale_factor=2, is_mobile=True, has_touch=True)
        context = browser.new_context(**options)
        traffic = Traffic(context, own_origin)
        page = context.new_page()

        response = page.goto(url, wait_until="networkidle")
        check(response.status == case.status, f"{width}: status {response.status}")
        # Scroll to the end so lazy images load too: they must also come from our origin.
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_load_state("networkidle")
        page.evaluate("window.scrollTo(0, 0)")
        screenshot(page, f"safety-{width}-{case.name}")

        violations = axe_violations(page)
        check(violations == [], f"{width}: axe {violations}")
        check(context.cookies() == [], f"{width}: cookies {context.cookies()}")
        check(traffic.third_party() == [], f"{width}: third-party requests {traffic.third_party()}")
        check(
            traffic.of_type("font", "media") == [],
            f"{width}: font or media downloads {traffic.of_type('font', 'media')}",
        )
        eager = page.evaluate("document.querySelectorAll('img:not([loading=lazy])').length")
        check(eager <= 1, f"{width}: {eager} images load eagerly; only the first may")

        exit_stop = tab_stops_until(page, "el.matches('[data-quick-exit-button]')")
        check(
            exit_stop is not None and exit_stop <= QUICK_EXIT_MAX_TAB_STOPS,
            f"{width}: quick exit reached at Tab stop {exit_stop}",
        )
        tel_stop = tab_stops_until(page, "(el.getAttribute('href') || '').startsWith('tel:')")
        check(tel_stop is not None and tel_stop <= TEL_MAX_TAB_STOPS, f"{width}: tel: link at Tab stop {tel_stop}")
        if tel_stop:
            name = page.evaluate("document.activeElement.textContent.replace(/\\s+/g, ' ').trim()")
            check(name == CALL_LINK_NAME, f"{width}: call link is named {name!r}")

        hidden = focus_hidden_by_a_bar(page)
        check(hidden == "", f"{width}: focused element hidden by a fixed bar: {hidden}")

        left, replaced, event = leaves_for_quick_exit(page, "shift")
        check(left, f"{width}: Shift three times did not leave")
        check(replaced, f"{width}: after Shift three times, Back returns to the page")
        check(event, f"{width}: no quickexit event before leaving")

        clicked = context.new_page()
        clicked.goto(url)
        left, replaced, event = leaves_for_quick_exit(clicked, "click")
        check(left and replaced and event, f"{width}: clicking the quick exit: left={left} replaced={replaced}")
        check(traffic.exits and set(traffic.exits) == {None}, f"{width}: referrer sent to the exit: {traffic.exits}")
        context.close()

    # Reflow (1.4.10): no horizontal scrolling at 320 CSS pixels.
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(url)
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    check(widths[0] <= widths[1], f"320px: page is {widths[0]}px wide")
    context.close()

    # JavaScript off: readable, callable, and the quick exit is a working link.
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    traffic = Traffic(context, own_origin)
    page = context.new_page()
    page.goto(url)
    check(case.text in page.text_content("body"), f"no JS: {case.text!r} missing")
    check(page.locator("a[href='tel:0800555111'] >> visible=true").first.is_visible(), "no JS: call link not visible")
    if not case.path.endswith("/embed/"):
        check(page.locator(".cta-bar a[href='tel:0800555111']").is_visible(), "no JS: phone call bar not visible")
    page.click("[data-quick-exit-button]")
    page.wait_for_url(QUICK_EXIT_URL, timeout=5000)
    check(traffic.exits == [None], f"no JS: quick exit link did not leave without a referrer ({traffic.exits})")
    context.close()

    assert problems == []


def test_quick_exit_shortcut_counts_only_three_lone_shift_presses_within_five_seconds(site, browser, exit_to_test_page):
    context = browser.new_context(viewport=DESKTOP)
    Traffic(context, urlsplit(site).netloc)
    page = context.new_page()
    page.clock.install()
    page.goto(site + "/stories/lillian/")
    status = page.locator(".quick-exit [role=status]")

    page.keyboard.press("Shift")
    assert status.text_content() == "Shift, press 2 more times to exit."
    assert page.locator(".quick-exit__light--on").count() == 1
    page.keyboard.press("Shift")
    assert status.text_content() == "Shift, press 1 more time to exit."
    page.clock.run_for(5001)  # too slow: the count starts again
    assert status.text_content() == "Exit this page shortcut cancelled."
    assert page.locator(".quick-exit__light--on").count() == 0

    # Shift used to type capitals never counts; another key in between starts the count again.
    page.keyboard.press("Shift+A")
    page.keyboard.press("Shift+B")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("Tab")
    page.keyboard.press("Shift")
    assert page.url == site + "/stories/lillian/"
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_url(QUICK_EXIT_URL, timeout=5000)
    context.close()


def test_page_hidden_while_leaving_is_shown_again_when_restored(site, browser, exit_to_test_page):
    """Back/forward can restore a page exactly as it was left (bfcache): it must not stay blank."""
    context = browser.new_context(viewport=PHONE)
    exits = []
    # "204 No Content" cancels the navigation, so the blanked page stays as it was left, like one restored by Back.
    context.route(QUICK_EXIT_URL, lambda route: exits.append(route.request.url) or route.fulfill(status=204))
    page = context.new_page()
    page.goto(site + "/stories/lillian/")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_function("document.documentElement.classList.contains('quick-exit-active')")
    page.wait_for_timeout(300)  # let the cancelled navigation settle
    assert exits == [QUICK_EXIT_URL]
    assert not page.locator("main").is_visible()
    assert page.title() == "Loading"
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    assert page.locator("main").is_visible()
    assert page.locator("[data-quick-exit-button]").is_visible()
    assert page.title().startswith("Lillian and Quamari")
    assert page.locator(".quick-exit-overlay").count() == 0
    context.close()


def test_print_keeps_the_story_and_the_number(site, browser):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site + "/stories/lillian/")
    page.emulate_media(media="print")
    assert page.locator(".story__narrative").is_visible()
    assert "Lillian had to call her aunty to tell her." in page.locator(".story__narrative").inner_text()
    assert page.locator(".cta .call-link").is_visible()
    assert "0800 555 111" in page.locator(".cta").inner_text()
    assert not page.locator(".quick-exit").is_visible()
    assert not page.locator(".cta-bar").is_visible()
    context.close()


def test_focus_is_not_hidden_at_400_percent_zoom(site, browser):
    """400% zoom of a 1280x900 window is a 320x225 viewport: the bars stop being fixed so content stays in view."""
    context = browser.new_context(viewport={"width": 320, "height": 225})
    page = context.new_page()
    page.goto(site + "/stories/lillian/")
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1]
    assert page.evaluate("getComputedStyle(document.querySelector('.cta-bar')).position") == "static"
    assert page.evaluate("getComputedStyle(document.querySelector('.quick-exit')).position") == "static"
    assert focus_hidden_by_a_bar(page) == ""
    context.close()
