"""Films in a real browser: keyboard, captions on by default, axe, nothing loaded before play."""

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from stories.models import StoryPage
from tests.film_helpers import make_film

from .conftest import RequestLog, screenshot

STORY = "/stories/lillian/"


def tab_to(page, selector, limit=40):
    """Presses Tab until `selector` has focus; returns how many presses it took, or None."""
    for stop in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return stop
    return None


def test_phone_player_is_keyboard_operable_with_captions_showing(site, phone):
    log = RequestLog(phone)
    phone.goto(site + STORY, wait_until="networkidle")
    assert not [url for url in log.urls if url.endswith((".mp4", ".webm"))]  # no video bytes before play
    assert tab_to(phone, "video.film__video") is not None
    phone.keyboard.press("Space")
    phone.wait_for_function("() => !document.querySelector('video').paused", timeout=10_000)
    assert [url for url in log.urls if url.endswith(".mp4")]
    phone.wait_for_function("() => document.querySelector('video').currentTime > 1", timeout=10_000)
    phone.keyboard.press("Space")
    phone.wait_for_function("() => document.querySelector('video').paused", timeout=10_000)
    track = phone.evaluate(
        "() => { const t = document.querySelector('video').textTracks[0];"
        " return {mode: t.mode, language: t.language, cues: t.cues ? t.cues.length : 0,"
        " active: [...(t.activeCues || [])].map((c) => c.text)}; }"
    )
    assert track["mode"] == "showing" and track["language"] == "en" and track["cues"] == 3
    assert len(track["active"]) == 1  # the cue for the paused moment is on screen
    screenshot(phone, "phone-story-film-playing")


def test_story_with_film_passes_axe_with_the_transcript_open(site, phone):
    phone.goto(site + STORY, wait_until="networkidle")
    phone.locator(".film__transcript summary").click()
    assert phone.locator(".film__transcript-text").is_visible()
    violations = Axe().run(phone).response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations] == []


@pytest.fixture
def external_story(site):
    story = StoryPage.objects.get(slug="lillian")
    story.film = make_film(title="Her film on YouTube", external_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    story.save_revision().publish()
    return site + STORY


def test_external_film_requests_nothing_from_youtube_until_play(external_story, phone):
    seen = []

    def fake_player(route):
        seen.append((route.request.url, route.request.headers.get("referer")))
        route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>Player</title><p>Player")

    phone.route("https://www.youtube-nocookie.com/**", fake_player)
    log = RequestLog(phone)
    phone.goto(external_story, wait_until="networkidle")
    phone.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    phone.wait_for_load_state("networkidle")
    assert log.origins() == {urlsplit(external_story).netloc}
    assert phone.locator("iframe").count() == 0
    assert Axe().run(phone).response["violations"] == []
    screenshot(phone, "phone-story-external-film-facade")

    button = phone.get_by_role("button", name="Play the film (this loads YouTube)")
    assert tab_to(phone, "button.film-facade__play") is not None
    phone.keyboard.press("Enter")
    frame = phone.locator("iframe.film-facade__frame")
    frame.wait_for()
    assert button.count() == 0
    assert frame.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1")
    assert frame.get_attribute("referrerpolicy") == "strict-origin-when-cross-origin"
    phone.wait_for_function("() => document.querySelector('iframe').contentDocument === null")
    assert phone.frame(url=lambda url: url.startswith("https://www.youtube-nocookie.com/embed/")) is not None
    # The player gets our origin as referrer (YouTube needs it); the rest of the site sends none.
    assert seen and seen[0][1] == urlsplit(external_story)._replace(path="/", query="").geturl()
    screenshot(phone, "phone-story-external-film-playing")


def test_external_film_without_javascript_is_a_link_that_says_it_leaves(external_story, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(external_story)
    link = page.get_by_role("link", name="Watch “Her film on YouTube” on YouTube (this leaves our site)")
    assert link.get_attribute("href") == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    context.close()
