"""Screenshots of the real admin for docs/publishing-a-story.md.

Run against a running site with demo content (e.g. `make run PORT=8106`) and an account that may publish:

    ADMIN_USER=admin ADMIN_PASSWORD=... .venv/bin/python scripts/admin_screenshots.py --base-url http://127.0.0.1:8106

It signs in, opens a story, shows the preview at phone size and as an embed card, tries to publish without alt
text (to show the publish guard), submits the story for sign-off, shows the dashboard and page history, the guide
under Help and the film chooser, and approves the first sign-off step.
It changes the site's data (a story is submitted for sign-off): point it at a copy, never at production.
"""

import argparse
import os
import sys
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.browser.admin_login import log_in  # noqa: E402  (one place knows how to sign in)

OUT = REPO / "docs" / "images"
VIEWPORT = {"width": 1200, "height": 760}


def shot(page, name, **kwargs):
    path = OUT / f"{name}.png"
    page.screenshot(path=str(path), **kwargs)
    print(f"{path.relative_to(REPO)}  {path.stat().st_size // 1024} KB")


def go_ahead_if_asked(page, label):
    """A newer version saved elsewhere (an earlier run, autosave) makes Wagtail ask before overwriting: go ahead."""
    page.wait_for_timeout(500)
    confirm = page.locator("[role=dialog] button", has_text=label)
    if confirm.count() and confirm.first.is_visible():
        confirm.first.click()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8106")
    parser.add_argument("--story", default="dwayne", help="slug of the story to use")
    args = parser.parse_args()
    base = args.base_url.rstrip("/")
    OUT.mkdir(parents=True, exist_ok=True)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
        page = browser.new_context(viewport=VIEWPORT).new_page()
        log_in(page, base, os.environ.get("ADMIN_USER", "admin"), os.environ["ADMIN_PASSWORD"])

        page.goto(f"{base}/admin/pages/search/?q={args.story}")
        page.locator("a[href*='/edit/']").first.click()
        page.wait_for_url("**/edit/")
        edit_url = page.url
        page_title = page.locator("#id_title").input_value()
        shot(page, "01-edit-story")

        page.click("button[data-side-panel-toggle='preview']")
        page.click("input[name='preview-size'][value='mobile']", force=True)
        expect(page.frame_locator("#w-preview-iframe").locator("main")).to_be_visible(timeout=90000)
        page.wait_for_timeout(800)
        shot(page, "02-preview-phone")
        page.select_option("#id_preview_mode", "embed")
        expect(page.frame_locator("#w-preview-iframe").locator(".embed__card")).to_be_visible(timeout=90000)
        page.wait_for_timeout(800)
        shot(page, "03-preview-embed-card")

        page.click("button[data-side-panel-toggle='checks']")
        page.wait_for_timeout(2500)
        shot(page, "04-accessibility-checks")

        # The publish guard: try to publish with the alt text emptied (nothing is saved).
        page.goto(edit_url)
        alt_text = page.input_value("#id_portrait_alt") or "Placeholder image, not a photograph of anyone."
        page.fill("#id_portrait_alt", "")
        page.locator("footer [data-w-dropdown-target='toggle']").last.click()
        shot(page, "05-action-menu")
        page.click("button[name='action-publish']")
        go_ahead_if_asked(page, "Publish")
        expect(page.locator(".messages")).to_contain_text("cannot go live yet")
        shot(page, "06-publish-guard")

        page.goto(edit_url)
        # Autosave kept the emptied alt text as a draft (drafts always save): put it back, then submit.
        page.fill("#id_portrait_alt", alt_text)
        page.locator("footer [data-w-dropdown-target='toggle']").last.click()
        page.click("button[name='action-submit']")
        go_ahead_if_asked(page, "Submit to")
        expect(page.locator(".messages")).to_contain_text("sent for sign-off")
        page.goto(f"{base}/admin/")
        page.locator("#stories-awaiting-sign-off-section").scroll_into_view_if_needed()
        shot(page, "07-dashboard-sign-off")

        page.goto(edit_url.replace("/edit/", "/history/"))
        shot(page, "08-page-history")

        # The guide itself, under Help.
        page.goto(f"{base}/admin/")
        page.get_by_role("button", name="Help").click()
        page.get_by_role("link", name="Publishing guide (our team's)").click()
        expect(page.locator(".guide img").first).to_be_visible()
        shot(page, "09-publishing-guide")

        # The film chooser says whether each film is ready.
        page.goto(edit_url)
        page.locator("[data-contentpath='film'] [aria-label='Actions']").first.click()
        page.locator("[data-contentpath='film'] [data-chooser-action-choose]").first.click()
        expect(page.locator(".modal")).to_contain_text("Ready to publish?", timeout=15000)
        page.wait_for_timeout(500)
        shot(page, "10-film-chooser")

        # An approval, confirmed (the account must be an approver or a superuser).
        page.goto(f"{base}/admin/")
        review = page.locator("section", has=page.get_by_role("heading", name="Awaiting your review"))
        row = review.locator("tr", has_text=page_title).filter(has=page.get_by_role("button", name="Actions")).first
        row.get_by_role("button", name="Actions").click()
        row.get_by_role("button", name="Approve", exact=True).click()
        expect(page.locator(".messages")).to_contain_text("You approved")
        page.wait_for_timeout(1000)  # the message slides in
        shot(page, "11-approval-confirmed")
        browser.close()


if __name__ == "__main__":
    main()
