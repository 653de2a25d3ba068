"""A real visit: the script's beacons move the right counters, and nothing identifying is kept anywhere.

The story in this branch has no playable film yet (films are built in parallel), so the test inserts a <video>
and dispatches `play` and `timeupdate` on it, as a real player does; the script watches every <video>.
Share links are likewise inserted with the `data-share-network` attribute the share component uses.
"""

import logging
import time

import pytest
from django.db import connection

from insights.models import DailyCount
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
def visitor(browser):
    context = browser.new_context(user_agent=VISITOR_UA, viewport={"width": 375, "height": 740}, is_mobile=True)
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
    visitor.goto(f"{site}/stories/lillian/?via=radio", wait_until="load")
    assert wait_for({(story.id, "page_view", "radio"): 1}).get((story.id, "page_view", "radio")) == 1

    # Keep the browser on the page when the call link is tapped; our listener on document runs first.
    visitor.evaluate(
        """() => {
          window.addEventListener("click", (e) => {
            if (e.target.closest("a[href^='tel:'], [data-share-network]")) e.preventDefault();
          });
          const share = document.createElement("a");
          share.href = "#"; share.dataset.shareNetwork = "whatsapp"; share.textContent = "Share on WhatsApp";
          share.id = "test-share";
          document.querySelector("main").append(share);
          const video = document.createElement("video");
          video.id = "test-film";
          document.querySelector("main").append(video);
        }"""
    )
    visitor.wait_for_timeout(100)  # let the MutationObserver pick up the film
    visitor.evaluate(
        """() => {
          const video = document.getElementById("test-film");
          let now = 0;
          Object.defineProperty(video, "duration", { get: () => 120 });
          Object.defineProperty(video, "currentTime", { get: () => now });
          video.dispatchEvent(new Event("play"));
          video.dispatchEvent(new Event("play"));  // a second play is not a second start
          for (const t of [10, 31, 61, 61, 95, 120]) { now = t; video.dispatchEvent(new Event("timeupdate")); }
        }"""
    )
    visitor.locator("main .call-link").first.click()
    visitor.locator("#test-share").click()
    # A transcript, as the film component marks it, opened by the visitor.
    visitor.evaluate(
        """() => {
          const details = document.createElement("details");
          details.dataset.insights = "transcript";
          details.innerHTML = "<summary>Read the transcript</summary><p>Transcript text.</p>";
          document.querySelector("main").append(details);
        }"""
    )
    visitor.locator("details[data-insights=transcript] summary").click()

    expected = {
        (story.id, "page_view", "radio"): 1,
        (story.id, "film_started", "radio"): 1,
        (story.id, "film_25", "radio"): 1,
        (story.id, "film_50", "radio"): 1,
        (story.id, "film_75", "radio"): 1,
        (story.id, "film_100", "radio"): 1,
        (story.id, "call_tapped", "radio"): 1,
        (story.id, "share_whatsapp", "radio"): 1,
        (story.id, "transcript_opened", "radio"): 1,
    }
    assert wait_for(expected) == expected

    # The channel stays with the tab: the next page, reached without ?via, still counts as radio.
    visitor.goto(f"{site}/", wait_until="load")
    home_id = visitor.evaluate("Number(document.body.dataset.pageId)")
    assert wait_for({(home_id, "page_view", "radio"): 1}).get((home_id, "page_view", "radio")) == 1

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


def test_quick_exit_and_form_taps_are_counted(site, visitor):
    story = StoryPage.objects.get(slug="dwayne")
    visitor.goto(f"{site}/stories/dwayne/", wait_until="load")
    assert wait_for({(story.id, "page_view", "direct"): 1}).get((story.id, "page_view", "direct")) == 1
    visitor.evaluate(
        """() => window.addEventListener("click", (e) => { if (e.target.closest(".form-link")) e.preventDefault(); })"""
    )
    visitor.locator("main .form-link").first.click()
    # What the quick-exit button does just before it leaves the page.
    visitor.evaluate("""() => document.dispatchEvent(new CustomEvent("quickexit"))""")
    expected = {
        (story.id, "page_view", "direct"): 1,
        (story.id, "form_tapped", "direct"): 1,
        (story.id, "quick_exit", "direct"): 1,
    }
    assert wait_for(expected) == expected


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
