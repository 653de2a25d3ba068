"""An editor in a real browser: signs in, edits a story, previews it (phone and embed card), submits it."""

from playwright.sync_api import expect
from wagtail.models import WorkflowState

from editorial.roles import EDITORS, FAMILY_TASK
from stories.models import StoryPage
from tests.browser.admin_login import log_in
from tests.browser.conftest import screenshot
from tests.editorial import PASSWORD, new_draft_story, staff_user


def test_an_editor_edits_previews_and_submits_a_story_for_sign_off(site, desktop):
    editor = staff_user("eddie", EDITORS)
    story = new_draft_story(title="A story for sign-off", summary="The first summary.")
    page = desktop

    log_in(page, site, editor.username, PASSWORD)
    page.goto(f"{site}/admin/pages/{story.pk}/edit/")
    page.fill("#id_summary", "A summary agreed with the family.")
    page.fill("#id_hard_call", "She had to phone her sister and tell her.")

    # Live preview: the story at phone width, then the embed card.
    page.click("button[data-side-panel-toggle='preview']")
    page.click("input[name='preview-size'][value='mobile']", force=True)
    frame = page.frame_locator("#w-preview-iframe")
    # The first preview draws the new portrait's renditions: slow on a loaded machine, hence the long wait.
    expect(frame.locator("main")).to_contain_text("She had to phone her sister and tell her.", timeout=45000)
    # The panel resizes the frame after the size switch; give it a moment (no eval-based waits under our CSP).
    for _ in range(50):
        width = page.locator("#w-preview-iframe").evaluate("iframe => iframe.contentWindow.innerWidth")
        if width == 375:
            break
        page.click("input[name='preview-size'][value='mobile']", force=True)
        page.wait_for_timeout(200)
    assert width == 375
    page.select_option("#id_preview_mode", "embed")
    expect(frame.locator(".embed__card")).to_contain_text("A summary agreed with the family.", timeout=45000)
    screenshot(page, "admin-preview-embed-card")

    # Submit for sign-off from the action menu.
    page.click("footer .w-dropdown__toggle, [data-w-dropdown-target='toggle'] >> nth=-1")
    page.click("button[name='action-submit']")
    expect(page.locator(".messages")).to_contain_text("has been sent for sign-off")

    story = StoryPage.objects.get(pk=story.pk)
    assert not story.live
    assert story.get_latest_revision_as_object().summary == "A summary agreed with the family."
    state = WorkflowState.objects.get(object_id=str(story.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.current_task_state.task.name == FAMILY_TASK
    assert state.requested_by == editor
