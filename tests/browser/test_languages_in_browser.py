"""A visitor who reads Arabic (right to left) or Polish (left to right) first, end to end at 390 px (issue 16).

From the English home page through the language switcher to the home and story pages in the language: script and
direction, the call-to-action and quick exit labelled in the language and working, the page mirrored in Arabic, axe
finds nothing, no cookie and no request to another origin.
"""

from urllib.parse import urlsplit

import pytest

from .conftest import screenshot
from .test_safety_and_accessibility import QUICK_EXIT_URL, Traffic, axe_violations

PHONE_390 = {"width": 390, "height": 844}
LANGUAGES = {
    # code: (direction, the call button's first word, the quick exit's label, the story title)
    "ar": ("rtl", "اتصل", "اخرج من هذه الصفحة", "Lillian و Quamari"),
    "pl": ("ltr", "Zadzwoń", "Opuść tę stronę", "Lillian i Quamari"),
}


@pytest.fixture
def translated_site(live_server, translated_demo_site, campaign_settings_for_exit):
    return live_server.url


@pytest.fixture
def campaign_settings_for_exit(translated_demo_site):
    from wagtail.models import Site

    from pages.models import CampaignSettings

    chosen = CampaignSettings.for_site(Site.objects.get(is_default_site=True))
    chosen.quick_exit_url = QUICK_EXIT_URL
    chosen.full_clean()
    chosen.save()
    return chosen


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_a_visitor_reads_the_site_in_their_language(translated_site, browser, code):
    direction, call_word, exit_label, story_title = LANGUAGES[code]
    context = browser.new_context(viewport=PHONE_390, device_scale_factor=2, is_mobile=True, has_touch=True)
    own_origin = urlsplit(translated_site).netloc
    traffic = Traffic(context, own_origin)
    page = context.new_page()
    problems = []

    def check(ok, what):
        if not ok:
            problems.append(what)

    page.goto(translated_site + "/", wait_until="networkidle")
    page.locator(f'nav.language-switcher a[hreflang="{code}"]').click()
    page.wait_for_url(f"{translated_site}/{code}/")
    home = {"url": page.url}
    page.locator(f'a.story-card__link[href="/{code}/stories/lillian/"]').click()
    page.wait_for_url(f"{translated_site}/{code}/stories/lillian/")

    for label, path in (("home", f"/{code}/"), ("story", f"/{code}/stories/lillian/")):
        page.goto(translated_site + path, wait_until="networkidle")
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_load_state("networkidle")
        page.evaluate("window.scrollTo(0, 0)")
        screenshot(page, f"languages-{code}-{label}-390")
        check(page.evaluate("document.documentElement.lang") == code, f"{label}: lang")
        check(page.evaluate("document.documentElement.dir") == direction, f"{label}: dir")
        violations = axe_violations(page)
        check(violations == [], f"{label}: axe {violations}")
        # The call-to-action: visible, labelled in the language, the number left to right. On a phone the fixed call
        # bar stands in for the header's call link (hidden there by design), so the bar is the one a visitor sees.
        call = page.locator(".site-header a.call-link")
        check(call.text_content().strip().startswith(call_word), f"{label}: header link says {call.text_content()!r}")
        bar = page.locator(".cta-bar a.call-link")
        check(bar.is_visible() and bar.inner_text().startswith(call_word), f"{label}: call bar")
        check(bar.get_attribute("href") == "tel:0800555111", f"{label}: tel link")
        number_direction = page.evaluate(
            "getComputedStyle(document.querySelector('.cta-bar .call-link__number')).direction"
        )
        check(number_direction == "ltr", f"{label}: number direction {number_direction}")
        # The quick exit: labelled in the language, at the end of its bar (right in LTR, left in RTL).
        exit_button = page.locator("[data-quick-exit-button]")
        check(exit_label in exit_button.inner_text(), f"{label}: quick exit says {exit_button.inner_text()!r}")
        box = exit_button.bounding_box()
        centre = box["x"] + box["width"] / 2
        mirrored_ok = centre < PHONE_390["width"] / 2 if direction == "rtl" else centre > PHONE_390["width"] / 2
        check(mirrored_ok, f"{label}: quick exit at x={centre:.0f} in {direction}")
        check(page.locator(".draft-translation").is_visible(), f"{label}: no draft-translation notice")
        # The page fits the phone: nothing wider than the screen.
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        check(overflow <= 0, f"{label}: {overflow}px wider than the screen")
    # The story's title as translated (demo/content/translations.py), or its English if the English changed since.
    from stories.models import StoryPage

    translated = StoryPage.objects.get(slug="lillian", locale__language_code=code).title
    check(page.locator("h1").inner_text() == translated, f"story title {page.locator('h1').inner_text()!r}")
    english = StoryPage.objects.get(slug="lillian", locale__language_code="en-gb").title
    check(translated in (story_title, english), f"translated title {translated!r}")

    # The quick exit works from the translated story.
    page.click("[data-quick-exit-button]")
    page.wait_for_url(QUICK_EXIT_URL, timeout=5000)
    check(context.cookies() == [], f"cookies {context.cookies()}")
    check(traffic.third_party() == [], f"third-party requests {traffic.third_party()}")
    check(traffic.of_type("font") == [], f"fonts downloaded {traffic.of_type('font')}")
    context.close()
    assert home["url"].endswith(f"/{code}/")
    assert problems == [], problems
