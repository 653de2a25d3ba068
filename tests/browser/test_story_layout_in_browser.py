"""The story page leads with the story: on a phone's first screen, below the header and above the fixed call bar,
the title, the hard call and the film's poster with its play control; the portrait is smaller and follows.

Measured in Chromium on every demo story as served, at 390x844 (a common phone) and on a desktop.
"""

import pytest

from stories.models import StoryPage

from .conftest import ARTIFACTS
from .test_public_pages_in_browser import axe_violations

PHONE_SCREEN = {"width": 390, "height": 844}
DESKTOP_SCREEN = {"width": 1280, "height": 800}
DEMO_STORIES = ("lillian", "dwayne", "godwin", "archie", "fifth-story")


def box(page, selector):
    """The element's box on the first screen (page not scrolled), or None when absent or not rendered."""
    return page.evaluate(
        """(selector) => {
          const element = document.querySelector(selector);
          if (!element) return null;
          const r = element.getBoundingClientRect();
          if (!r.width || !r.height) return null;
          return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height, width: r.width};
        }""",
        selector,
    )


def film_selector(page):
    """The film's poster with its play control: the native player (poster and controls in one), or the button of
    a click-to-load external player."""
    for selector in ("video.film__video", ".film-facade__play", ".film-facade__link"):
        if page.locator(selector).count():
            return selector
    raise AssertionError("the story has no film")


@pytest.fixture(params=DEMO_STORIES)
def story(request, site):
    page = StoryPage.objects.get(slug=request.param)
    assert page.live and page.film_id, request.param
    return page


@pytest.fixture
def phone_390(browser):
    context = browser.new_context(viewport=PHONE_SCREEN, device_scale_factor=2, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def test_phone_first_screen_shows_the_title_the_hard_call_and_the_film(site, story, phone_390):
    phone_390.goto(f"{site}{story.url}", wait_until="load")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    phone_390.screenshot(path=str(ARTIFACTS / f"phone-390-first-screen-{story.slug}.png"))
    header = box(phone_390, ".site-header")
    bar = box(phone_390, ".cta-bar")
    assert header and bar
    ceiling, floor = header["bottom"], min(bar["top"], PHONE_SCREEN["height"])
    boxes = {
        "title": box(phone_390, ".story__title"),
        "hard call": box(phone_390, ".story__hard-call"),
        "film": box(phone_390, film_selector(phone_390)),
    }
    for name, found in boxes.items():
        assert found, name
        assert found["top"] >= ceiling - 0.5 and found["bottom"] <= floor + 0.5, (name, found, ceiling, floor)
    # The portrait is smaller and follows the film.
    portrait = box(phone_390, ".story__portrait")
    assert portrait["top"] >= boxes["film"]["bottom"] and portrait["height"] <= PHONE_SCREEN["height"] / 3


def test_desktop_first_screen_shows_the_story_and_the_film_without_a_wall_of_image(site, story, browser):
    context = browser.new_context(viewport=DESKTOP_SCREEN)
    page = context.new_page()
    try:
        page.goto(f"{site}{story.url}", wait_until="load")
        page.screenshot(path=str(ARTIFACTS / f"desktop-first-screen-{story.slug}.png"))
        ceiling = box(page, ".site-header")["bottom"]
        for name, selector in (
            ("title", ".story__title"),
            ("hard call", ".story__hard-call"),
            ("film", film_selector(page)),
        ):
            found = box(page, selector)
            assert found and found["top"] >= ceiling - 0.5 and found["bottom"] <= DESKTOP_SCREEN["height"] + 0.5, name
        portrait = box(page, ".story__portrait")
        assert portrait["height"] <= DESKTOP_SCREEN["height"] / 2
        assert portrait["left"] >= box(page, ".story__lead")["right"]  # beside the story, not above it
    finally:
        context.close()


def test_story_page_passes_axe_and_reflows_at_320_px(site, browser):
    context = browser.new_context(viewport={"width": 320, "height": 640}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        for slug in DEMO_STORIES:
            page.goto(f"{site}/stories/{slug}/", wait_until="load")
            widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            assert widths[0] <= widths[1], (slug, widths)
            assert axe_violations(page) == [], slug
    finally:
        context.close()
