"""Admin additions for comms staff: the full accessibility checker and the sign-off panel on the dashboard."""

from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.models import WorkflowState

from stories.models import StoryPage

from .drafts import save_refused_new_story_as_draft, save_refused_story_edit_as_draft
from .guide import guide, guide_image

# axe-core's tags for WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus its best practices: the standard the site
# promises (WCAG 2.2 AA). Wagtail's own checks (alt text that looks like a file name, empty meta description)
# stay on: they are custom rules, enabled regardless of these tags.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


class FullAccessibilityChecker(ContentCheckerItem):
    """Wagtail's checker (userbar and the editor's "Checks" panel) with every relevant axe rule, not ten, reporting
    only problems of our page.

    Wagtail's own markup is left out: its userbar and the inline userbars it adds beside each element with an issue
    (`<wagtail-inline-userbar>`, an `<aside>` inside our header or main). Without that, the editor's "Checks" panel
    counted those asides as problems of the page ("Aside should not be contained in another landmark"): 14 on a
    story with none.
    """

    axe_run_only = AXE_TAGS

    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "image-alt": {
            "error_name": "Image has no alt text",
            "help_text": "Describe the image for people who cannot see it",
        },
        "color-contrast": {
            "error_name": "Text is hard to read against its background",
            "help_text": "Ask the developers: colours must have enough contrast",
        },
    }

    def get_axe_exclude(self, request):
        # One selector for both. The editor's "Checks" panel nests this list under the preview frame as ONE frame
        # path (`fromFrames: ["#w-preview-iframe", *exclude]`, Wagtail 7.4's PreviewController), so a second entry
        # is read as a frame inside the first and nothing is excluded; Wagtail's own default entry works only alone.
        return ["wagtail-userbar, wagtail-inline-userbar"]

    def get_axe_rules(self, request):
        rules = dict(super().get_axe_rules(request))
        if getattr(request, "in_preview_panel", False):
            # In the editor's preview panel the page's own userbar runs axe once, while Wagtail still holds the new
            # preview frame at 0x0 pixels (its "w-preview__proxy" class), and misreads colour contrast on links in our
            # header and footer; its markers then point at them. Those links pass once the frame is shown (the
            # "Checks" panel runs every rule, contrast included, on the visible preview; so does the public
            # browser suite).
            rules["color-contrast"] = {"enabled": False}
        return rules


@hooks.register("construct_wagtail_userbar")
def use_full_accessibility_checker(request, items, page):
    # Wagtail 7.4 still adds its checker as AccessibilityItem, a deprecated subclass of ContentCheckerItem.
    items[:] = [
        FullAccessibilityChecker(in_editor=item.in_editor)
        if isinstance(item, ContentCheckerItem) and not isinstance(item, FullAccessibilityChecker)
        else item
        for item in items
    ]


class StoriesAwaitingSignOffPanel(Component):
    """Every story in sign-off, with the step it is at, for everyone on the comms team (not only approvers)."""

    name = "stories_awaiting_sign_off"
    order = 90

    def __init__(self, request):
        self.request = request

    def states(self):
        return (
            WorkflowState.objects.active()
            .filter(content_type__app_label="stories", content_type__model="storypage")
            .select_related("current_task_state__task", "requested_by")
            .order_by("created_at")
        )

    def render_html(self, parent_context=None):
        states = list(self.states())
        pages = StoryPage.objects.in_bulk([int(state.object_id) for state in states])
        rows = [
            {"state": state, "story": pages.get(int(state.object_id))}
            for state in states
            if pages.get(int(state.object_id))
        ]
        return render_to_string("editorial/stories_awaiting_sign_off_panel.html", {"rows": rows}, request=self.request)


@hooks.register("construct_homepage_panels")
def add_sign_off_panel(request, panels):
    panels.append(StoriesAwaitingSignOffPanel(request))


@hooks.register("before_create_page")
def new_story_refused_for_sign_off_is_saved_as_draft(request, parent_page, page_class):
    return save_refused_new_story_as_draft(request, parent_page, page_class)


@hooks.register("before_edit_page")
def story_edit_refused_for_sign_off_is_saved_as_draft(request, page):
    return save_refused_story_edit_as_draft(request, page)


@hooks.register("register_admin_urls")
def register_guide_urls():
    return [
        path("guide/", guide, name="editorial_guide"),
        path("guide/images/<str:name>", guide_image, name="editorial_guide_image"),
    ]


@hooks.register("register_help_menu_item")
def register_publishing_guide_menu_item():
    return MenuItem("Publishing guide (our team's)", reverse("editorial_guide"), icon_name="doc-full", order=10)


@hooks.register("construct_help_menu")
def keep_help_to_what_our_team_uses(request, menu_items):
    # "What's new in Wagtail" is news about the software, not about our work; Wagtail's generic editor guide stays.
    menu_items[:] = [item for item in menu_items if not item.name.startswith("whats-new-in-wagtail")]


@hooks.register("insert_global_admin_css")
def admin_print_stylesheet():
    # Every admin page prints whole and without the sidebar (static/css/admin-print.css): the insights dashboard,
    # the evaluation pages and any other report.
    return format_html('<link rel="stylesheet" href="{}" media="print">', static("css/admin-print.css"))
