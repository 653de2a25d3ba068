"""A first-time comms officer's week, in a real browser: a new editor and an approver run the publishing guide's
tasks end to end, with no console error and no request to another origin anywhere in the admin.

Notification emails: pytest-django swaps the mail backend for Django's in-memory one (`mail.outbox`) for every
test, and the live server runs in this test's process, so the mails the server sends land there; with `make run`
the same mails are printed by the console backend (tests/test_sign_off_for_comms_staff.py checks that output).
"""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect

from editorial.roles import APPROVERS, EDITORS
from stories.models import StoryIndexPage, StoryPage
from tests.browser.admin_login import log_in
from tests.browser.conftest import screenshot
from tests.editorial import PASSWORD, staff_user

DEMO_STORIES = ["lillian", "dwayne", "godwin", "archie", "fifth-story"]
VIEWPORT = {"width": 1400, "height": 900}


class Watch:
    """Console errors, uncaught exceptions and requests to other origins, for every page of a browser context."""

    def __init__(self, context, base_url):
        self.origin = urlsplit(base_url).netloc
        self.errors = []
        self.third_party = []
        self.failed_responses = []
        self.autosaves_refused = set()
        context.on("page", self.attach)

    def attach(self, page):
        page.on("console", lambda m: self.console(page, m))
        page.on("pageerror", lambda e: self.errors.append((page.url, str(e))))
        page.on("request", self.request)
        page.on("response", self.response)

    def console(self, page, message):
        if message.type == "error":
            self.errors.append((page.url, message.text))

    def unexplained_errors(self):
        return [
            f"{url}: {text}"
            for url, text in self.errors
            if not (url in self.autosaves_refused and "status of 400" in text)
        ]

    def response(self, response):
        request = response.request
        if response.status == 400 and request.method == "POST" and "json" in request.headers.get("accept", ""):
            # Wagtail's autosave, racing a submit or approval, is told the page has moved on ("invalid_revision") or
            # is now locked in sign-off; it drops that save and shows nothing, and the browser logs the 400.
            self.autosaves_refused.add(response.url)
            return
        # The console only says "Failed to load resource: 400"; name the request and what the server answered.
        if response.status >= 400:
            try:
                body = response.text()[:300]
            except Exception:  # noqa: BLE001 - a body may be gone once the page navigated away
                body = ""
            self.failed_responses.append(f"{response.request.method} {response.url}: {response.status} {body}")

    def request(self, request):
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https") and parts.netloc != self.origin:
            self.third_party.append(request.url)


@pytest.fixture
def officer(browser, site):
    """A new browser (a new person) with its watch."""
    contexts = []

    def start():
        context = browser.new_context(viewport=VIEWPORT)
        watch = Watch(context, site)
        contexts.append(context)
        return context.new_page(), watch

    yield start
    for context in contexts:
        context.close()


def open_action_menu(page):
    page.locator("footer [data-w-dropdown-target='toggle']").last.click()


# Wagtail autosaves a change half a second after it. Counts the autosaves sent and answered, and the time of the
# last change or autosave, so a test can submit only when none is pending or in flight.
WATCH_AUTOSAVES = """() => {
    const seen = (window.autosaves = {sent: 0, answered: 0, last: performance.now()});
    const note = (key) => () => { if (key) seen[key] += 1; seen.last = performance.now(); };
    document.addEventListener("input", note(null), true);
    document.addEventListener("change", note(null), true);
    document.addEventListener("w-autosave:save", note("sent"));
    document.addEventListener("w-autosave:success", note("answered"));
    document.addEventListener("w-autosave:error", note("answered"));
}"""
AUTOSAVES_SETTLED = "() => autosaves.sent === autosaves.answered && performance.now() - autosaves.last > 1500"


def submit_when_autosaves_settle(page):
    """Submit for sign-off once no autosave is pending or in flight.

    An older autosave still on its way when the editor submits names the same revision as the submit and can land
    last, so the approvers would sign off the older form. A person pauses before submitting; the test waits for that.
    """
    page.wait_for_function(AUTOSAVES_SETTLED, timeout=30_000)
    open_action_menu(page)
    page.click("button[name='action-submit']")


def issues_found(page):
    """The number the editor's "Checks" panel shows, once it has run on the open preview."""
    page.click("button[data-side-panel-toggle='checks']")
    counter = page.locator("[data-side-panel='checks'] [data-content-checker-count]").first
    expect(counter).to_have_text(re.compile(r"^\d+$"), timeout=20000)
    page.wait_for_timeout(1500)  # the count settles once axe has run on the refreshed preview (no eval under CSP)
    return int(counter.inner_text()), page.locator(
        "[data-side-panel='checks'] [data-content-checker-name]"
    ).all_inner_texts()


def open_preview(page, text):
    page.click("button[data-side-panel-toggle='preview']")
    # The first preview of a demo story renders its images in every size and format: slow on a busy machine.
    expect(page.frame_locator("#w-preview-iframe").locator("main")).to_contain_text(text, timeout=120000)


def test_an_editor_and_an_approver_run_the_guides_tasks(site, officer):
    editor = staff_user("eddie", EDITORS)
    staff_user("ada", APPROVERS)
    index = StoryIndexPage.objects.get()
    dwayne = StoryPage.objects.get(slug="dwayne")
    page, editor_watch = officer()

    # Sign in, find our guide under Help.
    page.goto(f"{site}/admin/login/")
    expect(page.locator("h1")).to_have_text("Sign in to Hard calls save lives")
    log_in(page, site, editor.username, PASSWORD)
    page.get_by_role("button", name="Help").click()
    page.get_by_role("link", name="Publishing guide (our team's)").click()
    expect(page.get_by_role("heading", name="Publishing guide", level=1)).to_be_visible()
    expect(page.locator(".guide img").first).to_be_visible()
    assert page.locator(".guide img").first.evaluate("img => img.naturalWidth") > 0

    # 1-2. A story opens in the editor from the explorer; edit it and preview it.
    page.goto(f"{site}/admin/pages/{dwayne.pk}/")
    expect(page).to_have_url(re.compile(rf"/admin/pages/{dwayne.pk}/edit/$"))
    page.fill("#id_summary", "A summary agreed with the family.")
    page.fill("#id_hard_call", "She had to phone her sister and tell her.")
    open_preview(page, "She had to phone her sister and tell her.")
    count, names = issues_found(page)
    assert count == 0, names
    screenshot(page, "admin-editor-preview-checks")

    # 3. A new story, sent for sign-off with pieces missing: saved as a draft, each missing piece named.
    page.goto(f"{site}/admin/pages/add/stories/storypage/{index.pk}/")
    page.fill("#id_title", "Sam's story")
    page.fill("#id_son_name", "Sam")
    open_action_menu(page)
    page.click("button[name='action-submit']")
    messages = page.locator(".messages")
    expect(messages).to_contain_text("“Sam's story” is saved as a draft, but it was not sent for sign-off")
    for named in ("The hard call:", "One-line summary:", "Portrait alt text:", "Portrait:", "The story:"):
        expect(messages).to_contain_text(named)
    expect(messages).not_to_contain_text("could not be created")
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    story = StoryPage.objects.get(title="Sam's story")
    screenshot(page, "admin-new-story-refused")

    # Fill in what was missing, then submit again.
    page.evaluate(WATCH_AUTOSAVES)
    page.fill("#id_hard_call", "She had to call his school.")
    page.fill("#id_summary", "Sam was killed. His mother had to call his school.")
    page.fill("#id_portrait_alt", "Placeholder image, not a photograph of anyone.")
    page.locator("[data-contentpath='portrait'] button", has_text="Choose").first.click()
    page.locator(".modal a[data-chooser-modal-choice]").first.click()
    expect(page.locator(".modal")).to_be_hidden()
    page.locator("[data-contentpath='narrative'] button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Paragraph").click()
    paragraph = page.locator("[data-contentpath='narrative'] .public-DraftEditor-content").first
    paragraph.click()
    expect(paragraph).to_be_focused()
    page.keyboard.type("Sam's mother tells of the call she had to make.")
    expect(paragraph).to_contain_text("Sam's mother tells of the call she had to make.")
    # Draftail writes the editor's content into the form a moment after typing (its save interval): submit after that.
    page.wait_for_function(
        """() => [...document.querySelectorAll("[data-contentpath='narrative'] :is(input, textarea)")]
            .some((field) => field.value.includes("tells of the call"))"""
    )
    submit_when_autosaves_settle(page)
    expect(page.locator(".messages")).to_contain_text("has been sent for sign-off")
    story.refresh_from_db()
    assert story.current_workflow_state is not None and not story.live

    # The approvers of the first step are emailed; the mail holds the story, the step and the link, nothing more.
    (to_approver,) = [m for m in mail.outbox if m.to == ["ada@example.org"] and "Sam's story" in m.subject]
    assert to_approver.subject == "For your sign-off (Family sign-off): “Sam's story”"
    assert f"/admin/pages/{story.pk}/edit/" in to_approver.body

    # 4. The approver approves both steps from the dashboard, with a confirmation each time.
    approver_page, approver_watch = officer()
    log_in(approver_page, site, "ada", PASSWORD)
    for step, outcome in (
        ("Family sign-off", "It now waits for Legal sign-off"),
        ("Legal sign-off", "The sign-off is complete and the story is live."),
    ):
        approver_page.goto(f"{site}/admin/")
        actions = approver_page.get_by_role("button", name="Actions")
        row = approver_page.locator("tr", has_text="Sam's story").filter(has=actions)
        row.get_by_role("button", name="Actions").click()
        row.get_by_role("button", name="Approve", exact=True).click()
        confirmation = approver_page.locator(".messages")
        expect(confirmation).to_contain_text(f"You approved “Sam's story” at {step}. {outcome}", timeout=20_000)
    screenshot(approver_page, "admin-approved")
    story.refresh_from_db()
    assert story.live and story.short_address == "sams-story"
    assert "tells of the call" in str(story.narrative), "what went live is what the editor submitted"

    # Print the insights page: every section on paper, no sidebar.
    approver_page.goto(f"{site}/admin/insights/")
    approver_page.emulate_media(media="print")
    expect(approver_page.locator(".sidebar").first).to_be_hidden()
    for heading in ("Headline figures", "Film completion", "By story and page", "By channel", "Every event"):
        expect(approver_page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    assert approver_page.locator("main").evaluate("m => m.getBoundingClientRect().left") < 40
    pdf = approver_page.pdf(format="A4")
    assert pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page>>") + pdf.count(b"/Type /Page ") >= 2

    for watch in (editor_watch, approver_watch):
        assert (watch.unexplained_errors(), watch.failed_responses) == ([], [])
        assert watch.third_party == []


@pytest.mark.parametrize("slug", DEMO_STORIES)
def test_the_checker_reports_nothing_on_a_demo_story_with_the_preview_open(site, officer, slug):
    staff_user("boss", superuser=True)
    story = StoryPage.objects.get(slug=slug)
    page, watch = officer()
    log_in(page, site, "boss", PASSWORD)
    page.goto(f"{site}/admin/pages/{story.pk}/edit/")
    open_preview(page, story.title)
    count, names = issues_found(page)
    assert count == 0, names
    assert watch.unexplained_errors() == [] and watch.third_party == []


def test_the_checker_still_finds_an_image_without_alt_text_in_a_story(site, officer):
    staff_user("boss", superuser=True)
    story = StoryPage.objects.get(slug="lillian")
    draft = story.get_latest_revision_as_object()
    # An editor added a picture to the story and has not described it yet (a draft may lack it).
    draft.narrative.append(("image", {"image": story.portrait, "alt_text": "", "caption": "At home"}))
    draft.save_revision(clean=False)
    page, watch = officer()
    log_in(page, site, "boss", PASSWORD)
    page.goto(f"{site}/admin/pages/{story.pk}/edit/")
    open_preview(page, "At home")
    count, names = issues_found(page)
    assert count == 1, names
    assert names == ["Image has no alt text"]
    screenshot(page, "admin-checker-finds-image-without-alt")
    # Wagtail's checker logs what it found to the console ("axe.run results"): that is the planted problem.
    assert [error for error in watch.unexplained_errors() if "axe.run results" not in error] == []
    assert watch.third_party == []
