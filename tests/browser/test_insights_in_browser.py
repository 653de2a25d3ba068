"""Real visits to the real pages: every event in the vocabulary moves its counter, and nothing identifying is kept.

The browser drives the pages as the site serves them (the demo content, its real films, share links and poll) with
real clicks and key presses; nothing is added to a page. Links that leave for another site (share networks, the
online form, the quick exit's destination) are followed by a browser that resolves no name but localhost, so no
test reaches a third party; that nothing went out before the click is asserted too. Only the operating system's
share sheet, which no browser automation can press, records what it was given instead of opening.
"""

import logging
import time
from urllib.parse import urlsplit

import pytest
from django.db import connection

from insights.models import DailyCount
from insights.vocabulary import EVENTS, SHARE_NETWORKS
from stories.models import StoryPage
from tests.insights_helpers import fresh_insights  # noqa: F401

from .test_public_pages_in_browser import axe_violations

# Playwright's headless Chromium says "HeadlessChrome", which the endpoint rightly treats as a bot.
VISITOR_UA = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0 Mobile Safari/537.36 TestVisitor/42"
)


class Capture(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.lines = []

    def emit(self, record):
        self.lines.append(self.format(record))


@pytest.fixture
def log_lines():
    handler = Capture()
    loggers = [logging.getLogger(), logging.getLogger("django.request"), logging.getLogger("django.server")]
    for logger in loggers:
        logger.addHandler(handler)
    yield handler.lines
    for logger in loggers:
        logger.removeHandler(handler)


@pytest.fixture
def visitor(offline_browser):
    context = offline_browser.new_context(user_agent=VISITOR_UA, viewport={"width": 375, "height": 740}, is_mobile=True)
    yield context.new_page()
    context.close()


def counts():
    return {(row.page_id, row.event, row.channel): row.count for row in DailyCount.objects.all()}


def wait_for(expected, timeout=15):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        current = counts()
        if all(current.get(key) == value for key, value in expected.items()):
            return current
        time.sleep(0.2)
    return counts()


def every_stored_value():
    """Every value in every table of the database, as text."""
    values = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - our own table names
            values.extend(str(value) for row in cursor.fetchall() for value in row)
    return values


def test_a_visit_moves_the_right_counters_and_keeps_nothing_identifying(site, visitor, log_lines):
    story = StoryPage.objects.get(slug="lillian")
    outside = requests_off_site(visitor, site)
    visitor.goto(f"{site}/stories/lillian/?via=radio", wait_until="load")
    assert wait_for({(story.id, "page_view", "radio"): 1}).get((story.id, "page_view", "radio")) == 1

    # The visitor plays the film to its end with the player's own keyboard control.
    film = visitor.locator("video.film__video")
    film.focus()
    visitor.keyboard.press("Space")
    visitor.wait_for_function("() => document.querySelector('video.film__video').ended", timeout=30_000)
    # Then opens the transcript under it, and taps the call button (the browser hands tel: to the phone).
    visitor.get_by_text("Read the transcript").click()
    visitor.locator("main .call-link").first.click()

    expected = {
        (story.id, "page_view", "radio"): 1,
        (story.id, "film_started", "radio"): 1,
        (story.id, "film_25", "radio"): 1,
        (story.id, "film_50", "radio"): 1,
        (story.id, "film_75", "radio"): 1,
        (story.id, "film_100", "radio"): 1,
        (story.id, "call_tapped", "radio"): 1,
        (story.id, "transcript_opened", "radio"): 1,
    }
    assert wait_for(expected) == expected

    # The channel stays with the tab: the next page, reached without ?via, still counts as radio.
    visitor.goto(f"{site}/", wait_until="load")
    home_id = visitor.evaluate("Number(document.body.dataset.pageId)")
    assert wait_for({(home_id, "page_view", "radio"): 1}).get((home_id, "page_view", "radio")) == 1
    assert outside == []

    # Nothing on the device that could recognise the visitor: no cookie, no local storage; the tab's
    # session storage holds the channel name only.
    assert visitor.context.cookies() == []
    assert visitor.evaluate("localStorage.length") == 0
    assert visitor.evaluate("JSON.stringify(Object.entries(sessionStorage))") == '[["insights-via","radio"]]'

    # Nothing identifying in the database or the logs.
    stored = every_stored_value()
    # (Not "Android" alone: the anonymity page now explains how to clear history on Android.)
    for needle in ("TestVisitor", "127.0.0.1"):
        assert not [value for value in stored if needle in value], needle
        assert not [line for line in log_lines if needle in line], needle
    columns = [
        column.name
        for column in connection.introspection.get_table_description(connection.cursor(), DailyCount._meta.db_table)
    ]
    assert sorted(columns) == ["channel", "count", "day", "event", "id", "page_id"]


@pytest.fixture(scope="module")
def offline_browser(browser_type, browser_type_launch_args):
    """Chromium that resolves no name but localhost: a link to another site is followed and fails at once, so no
    request reaches a third party. Not `page.route`: intercepting requests holds up beacons sent as a page unloads."""
    args = [*browser_type_launch_args.get("args", []), "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost"]
    browser = browser_type.launch(**{**browser_type_launch_args, "args": args})
    yield browser
    browser.close()


def requests_off_site(page, site):
    """Every request the page starts for another origin (each fails: offline_browser resolves no other name)."""
    ours = urlsplit(site).netloc
    off_site = []

    def record(request):
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https") and parts.netloc != ours:
            off_site.append(request.url)

    page.on("request", record)
    return off_site


def after(action, key):
    """Runs `action` and waits until the counter `key` moved by one; returns every counter that moved."""
    before = counts()
    action()
    target = {key: before.get(key, 0) + 1}
    now = wait_for(target)

    return {k: v - before.get(k, 0) for k, v in now.items() if v != before.get(k, 0)}


def open_story(page, site, story):
    before = counts().get((story.id, "page_view", "social"), 0)
    page.goto(f"{site}{story.url}?via=social", wait_until="load")
    key = (story.id, "page_view", "social")
    assert wait_for({key: before + 1}).get(key) == before + 1


@pytest.fixture
def sharer(offline_browser):
    """A phone whose browser can copy and has a share sheet: Playwright cannot press a button in the operating
    system's own share sheet, so `navigator.share` records what it was given instead of opening it."""
    context = offline_browser.new_context(
        user_agent=VISITOR_UA,
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        permissions=["clipboard-read", "clipboard-write"],
    )
    context.add_init_script("navigator.share = async (data) => { window.sharedWithTheSheet = data; };")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("network", SHARE_NETWORKS)
def test_each_share_button_on_the_story_page_moves_its_counter(site, sharer, network, settings):
    settings.SITE_URL = site  # the address the share buttons give is the site's own
    story = StoryPage.objects.get(slug="godwin")
    outside = requests_off_site(sharer, site)
    open_story(sharer, site, story)
    button = sharer.locator(f"main [data-share-network='{network}']")
    assert button.count() == 1 and button.is_visible()
    assert outside == []  # nothing went to the network before the visitor asked
    href = button.get_attribute("href")

    moved = after(button.click, (story.id, f"share_{network}", "social"))
    assert moved == {(story.id, f"share_{network}", "social"): 1}
    if network in ("whatsapp", "x", "facebook"):
        # The browser followed the link to the network's share address, stopped at the network.
        assert outside and {urlsplit(url).netloc for url in outside} == {urlsplit(href).netloc}
    else:
        assert outside == []
    if network == "native":
        assert sharer.evaluate("window.sharedWithTheSheet.url") == f"{site}{story.url}"
    if network == "copy":
        assert sharer.evaluate("navigator.clipboard.readText()") == f"{site}{story.url}"


def test_online_form_quick_exit_and_the_embed_card_move_their_counters(site, visitor):
    story = StoryPage.objects.get(slug="dwayne")
    outside = requests_off_site(visitor, site)

    open_story(visitor, site, story)
    form = visitor.locator("main .form-link").first
    href = form.get_attribute("href")
    assert outside == []
    assert after(form.click, (story.id, "form_tapped", "social")) == {(story.id, "form_tapped", "social"): 1}
    assert outside and {urlsplit(url).netloc for url in outside} == {urlsplit(href).netloc}

    open_story(visitor, site, story)
    exit_button = visitor.get_by_role("link", name="Emergency: Exit this page")
    assert after(exit_button.click, (story.id, "quick_exit", "social")) == {(story.id, "quick_exit", "social"): 1}

    # The embed card, opened as a partner's page would frame it, counts its own view and its call button.
    embed_view = (story.id, "embed_viewed", "social")
    moved = after(lambda: visitor.goto(f"{site}{story.url}embed/", wait_until="load"), embed_view)
    assert moved == {embed_view: 1}
    call = visitor.locator(".call-link")
    assert after(call.click, (story.id, "call_tapped", "social")) == {(story.id, "call_tapped", "social"): 1}


@pytest.fixture
def poll_on(demo_site):
    from insights.models import InsightsSettings

    poll_settings = InsightsSettings.for_site(StoryPage.objects.get(slug="godwin").get_site())
    poll_settings.awareness_poll_enabled = True
    poll_settings.save()


def test_poll_with_javascript_sends_a_beacon_with_the_channel(site, visitor, poll_on):
    story = StoryPage.objects.get(slug="godwin")
    visitor.goto(f"{site}/stories/godwin/?via=tv", wait_until="load")
    assert axe_violations(visitor) == []
    visitor.get_by_role("button", name="Yes").click()
    assert visitor.locator("#poll-thanks").is_visible()
    assert visitor.url.endswith("/stories/godwin/?via=tv")  # no navigation
    expected = {(story.id, "page_view", "tv"): 1, (story.id, "poll_yes", "tv"): 1}
    assert wait_for(expected) == expected


def test_poll_without_javascript_posts_and_thanks(site, browser, poll_on):
    story = StoryPage.objects.get(slug="godwin")
    context = browser.new_context(user_agent=VISITOR_UA, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{site}/stories/godwin/")
        assert not page.locator("#poll-thanks").is_visible()
        page.get_by_role("button", name="No").click()
        page.wait_for_url("**/stories/godwin/#poll-thanks")
        assert page.locator("#poll-thanks").is_visible()
        assert not page.get_by_role("button", name="No").is_visible()
        assert context.cookies() == []
        # Without JavaScript only the answer is counted: no page view, and the channel is unknown.
        assert counts() == {(story.id, "poll_no", "other"): 1}
    finally:
        context.close()


# Which test above proves each event in the vocabulary. A new event fails here until a browser test proves it.
PROVEN_BY = {
    "page_view": test_a_visit_moves_the_right_counters_and_keeps_nothing_identifying,
    **{
        f"film_{step}": test_a_visit_moves_the_right_counters_and_keeps_nothing_identifying
        for step in ("started", "25", "50", "75", "100")
    },
    "transcript_opened": test_a_visit_moves_the_right_counters_and_keeps_nothing_identifying,
    "call_tapped": test_a_visit_moves_the_right_counters_and_keeps_nothing_identifying,
    "form_tapped": test_online_form_quick_exit_and_the_embed_card_move_their_counters,
    **{f"share_{network}": test_each_share_button_on_the_story_page_moves_its_counter for network in SHARE_NETWORKS},
    "embed_viewed": test_online_form_quick_exit_and_the_embed_card_move_their_counters,
    "quick_exit": test_online_form_quick_exit_and_the_embed_card_move_their_counters,
    "poll_yes": test_poll_with_javascript_sends_a_beacon_with_the_channel,
    "poll_no": test_poll_without_javascript_posts_and_thanks,
}


def test_every_event_in_the_vocabulary_is_proven_in_the_browser():
    assert set(PROVEN_BY) == set(EVENTS)
