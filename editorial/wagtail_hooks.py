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
    """Wagtail's checker (userbar and the editor's "Checks" panel) with every relevant axe rule, not ten."""

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


@hooks.register("construct_wagtail_userbar")
def use_full_accessibility_checker(request, items, page):
    # Wagtail 7.4 still adds its checker as AccessibilityItem, a deprecated subclass of ContentCheckerItem.
    items[:] = [
        FullAccessibilityChecker()
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
