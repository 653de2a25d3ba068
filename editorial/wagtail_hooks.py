"""Admin additions for comms staff: the full accessibility checker and the sign-off panel on the dashboard."""

from django.template.loader import render_to_string
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.models import WorkflowState

from stories.models import StoryPage

# axe-core's tags for WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus its best practices: the standard the site
# promises (WCAG 2.2 AA). Wagtail's own checks (alt text that looks like a file name, empty meta description)
# stay on: they are custom rules, enabled regardless of these tags.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


class FullAccessibilityChecker(ContentCheckerItem):
    """Wagtail's checker (userbar and the editor's "Checks" panel) with every relevant axe rule, not ten, reporting
    only problems of our page.

    Wagtail's own markup is left out: its userbar (excluded by Wagtail itself) and the inline userbars it adds beside
    each element with an issue (`<wagtail-inline-userbar>`, an `<aside>` inside our header or main). Without that,
    every check after the first counted those asides as new problems ("Aside should not be contained in another
    landmark"): 14 on a story with none.
    """

    axe_run_only = AXE_TAGS
    axe_exclude = ["wagtail-inline-userbar"]
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

    def get_axe_rules(self, request):
        rules = dict(super().get_axe_rules(request))
        if getattr(request, "in_preview_panel", False):
            # Inside the editor's preview panel the page's own userbar runs axe once, while Wagtail still holds the
            # new preview frame invisible, and colour contrast is then misread on links in our header and footer
            # (they pass once shown, here and in the public browser suite); its markers would point at them. The
            # "Checks" panel runs every rule, contrast included, on the visible preview.
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
