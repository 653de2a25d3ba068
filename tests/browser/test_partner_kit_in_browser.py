"""The partner kit as a partner meets it: in a real browser, download the A4 poster from the toolkit, print it
(pdftoppm), scan it (zbarimg), open the scanned address in the browser, and the site's own script counts the view
under the partner's code. The toolkit and the partner's kit page pass axe, set no cookie and load nothing from
another origin."""

import subprocess

from evaluation.models import PartnerLink
from partners.models import Partner
from stories.models import StoryPage
from tests.insights_helpers import fresh_insights  # noqa: F401

from .conftest import RequestLog, screenshot
from .test_insights_in_browser import VISITOR_UA, wait_for
from .test_public_pages_in_browser import axe_violations

CODE = "example-borough"
SLOW = 90_000


def confirm_lillian():
    """What comms staff do once the family agreed the story: empty the placeholder note and publish. The publish
    enqueues the kit build, which runs once the change is committed (live-server tests commit)."""
    story = StoryPage.objects.get(slug="lillian")
    story.placeholder_note = ""
    story.save_revision().publish()
    return story


def test_a_partner_prints_the_poster_scans_it_and_the_visit_counts(site, settings, browser, tmp_path):
    settings.SITE_URL = site
    story = confirm_lillian()
    context = browser.new_context(user_agent=VISITOR_UA, viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    requests = RequestLog(page)
    page.goto(f"{site}/partner-toolkit/", timeout=SLOW)
    partner = Partner.objects.get(code=CODE)
    page.get_by_text(f"Kit for {partner.name}").click()
    with page.expect_download() as download_info:
        page.locator(f'a[download="poster-lillian-a4-{CODE}.pdf"]').click()
    poster = tmp_path / "poster.pdf"
    download_info.value.save_as(poster)
    screenshot(page, "desktop-partner-toolkit-kit")
    assert axe_violations(page) == []
    assert context.cookies() == []
    assert requests.origins() == {site.split("://", 1)[1]}

    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(poster), str(tmp_path / "printed")], check=True)
    scanned = subprocess.run(
        ["zbarimg", "-q", "--raw", str(tmp_path / "printed.png")], capture_output=True, text=True, check=True
    ).stdout.split()
    assert scanned == [f"{site}/lillian?via={CODE}"]

    phone = browser.new_context(user_agent=VISITOR_UA, viewport={"width": 375, "height": 740}, is_mobile=True)
    visitor = phone.new_page()
    visitor.goto(scanned[0], wait_until="load", timeout=SLOW)
    assert visitor.url == f"{site}/stories/lillian/?via={CODE}"
    assert visitor.locator("h1").first.inner_text().strip() == "Lillian and Quamari"
    # On a phone the fixed call bar stands in for the header's call link (the story layout).
    assert visitor.locator('.cta-bar a[href="tel:0800555111"]').is_visible()
    counted = wait_for({(story.pk, "page_view", CODE): 1})
    assert counted.get((story.pk, "page_view", CODE)) == 1
    assert phone.cookies() == []
    phone.close()
    context.close()


def test_the_partner_link_opens_its_kit_copies_the_post_and_passes_axe(site, settings, browser):
    settings.SITE_URL = site
    confirm_lillian()
    link = PartnerLink.objects.create(partner=Partner.objects.get(code=CODE))
    context = browser.new_context(
        permissions=["clipboard-read", "clipboard-write"], viewport={"width": 1280, "height": 900}
    )
    desktop = context.new_page()
    requests = RequestLog(desktop)
    desktop.goto(f"{site}/partner-figures/{link.token}/", timeout=SLOW)
    desktop.get_by_role("link", name="Your partner kit").click()
    desktop.wait_for_load_state()
    assert desktop.url == f"{site}/partner-figures/{link.token}/kit/"
    screenshot(desktop, "desktop-partner-kit-link")
    assert desktop.locator(f'a[download="hard-calls-save-lives-kit-{CODE}.zip"]').is_visible()
    assert desktop.locator('a[href="tel:0800555111"]').first.is_visible()
    assert axe_violations(desktop) == []

    desktop.get_by_role("button", name="Copy the post for Lillian and Quamari").click()
    desktop.wait_for_function("navigator.clipboard.readText().then(t => t.includes('#HardCallsSaveLives'))")
    copied = desktop.evaluate("navigator.clipboard.readText()")
    assert copied.endswith(f"{site}/lillian?via={CODE}") and "0800 555 111" in copied
    assert context.cookies() == []
    assert requests.origins() == {site.split("://", 1)[1]}
    context.close()
