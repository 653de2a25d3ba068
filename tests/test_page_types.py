"""Page types: where each may live, and that an admin can create each one."""

import html

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from demo.images import placeholder_image
from pages.models import HomePage, StandardPage
from partners.models import PartnerToolkitPage
from stories.models import StoryIndexPage, StoryPage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_lives_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {StoryIndexPage, StandardPage, PartnerToolkitPage})

    def test_story_index_sits_under_home_and_holds_stories(self):
        self.assertAllowedParentPageTypes(StoryIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(StoryIndexPage, {StoryPage})

    def test_stories_live_in_the_index_and_have_no_children(self):
        self.assertAllowedParentPageTypes(StoryPage, {StoryIndexPage})
        self.assertAllowedSubpageTypes(StoryPage, set())

    def test_standard_pages_sit_under_home(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage})
        self.assertAllowedSubpageTypes(StandardPage, set())


class AdminCanCreateEachPageTypeTests(WagtailPageTestCase):
    def setUp(self):
        self.login()
        root = Page.get_first_root_node()
        self.home = root.add_child(
            instance=HomePage(
                title="Home", slug="home-test", campaign_line="Line", premise="<p>P</p>", anonymity_text="<p>A</p>"
            )
        )
        self.index = self.home.add_child(instance=StoryIndexPage(title="Stories", slug="stories"))

    def test_create_home_page(self):
        HomePage.objects.all().delete()
        self.assertCanCreate(
            Page.get_first_root_node(),
            HomePage,
            nested_form_data(
                {
                    "title": "Hard calls save lives",
                    "slug": "new-home",
                    "campaign_line": "There are harder calls.",
                    "premise": rich_text("Five mothers."),
                    "stories_heading": "Five mothers",
                    "anonymity_heading": "Why it is anonymous",
                    "anonymity_text": rich_text("No name, no trace."),
                }
            ),
        )

    def test_create_standard_page(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Your anonymity",
                    "slug": "your-anonymity",
                    "introduction": "What it means.",
                    "body": streamfield([("paragraph", rich_text("Calls are not traced."))]),
                }
            ),
        )

    def test_cannot_create_a_second_story_index_or_home(self):
        self.assertFalse(StoryIndexPage.can_create_at(self.home))
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))

    def test_create_story_page(self):
        portrait = placeholder_image("Test portrait", "test.jpg", (80, 100), (90, 90, 90), ["Placeholder"])
        self.assertCanCreate(
            self.index,
            StoryPage,
            nested_form_data(
                {
                    "title": "A story",
                    "slug": "a-story",
                    "mother_name": "",
                    "son_name": "A son",
                    "son_age": "",
                    "borough": "Hackney",
                    "hard_call": "She had to call her sister.",
                    "summary": "One line.",
                    "portrait": portrait.pk,
                    "portrait_alt": "Placeholder image",
                    "placeholder_note": "",
                    "film": "",
                    "narrative": streamfield(
                        [
                            ("paragraph", rich_text("Text.")),
                            ("pull_quote", {"quote": "Words.", "attribution": "Someone"}),
                            (
                                "public_post",
                                {
                                    "author": "Police",
                                    "handle": "@police",
                                    "text": "Post text",
                                    "date": "2021-04-19",
                                    "url": "https://example.org/post",
                                },
                            ),
                        ]
                    ),
                }
            ),
        )

    def test_publishing_a_story_without_portrait_or_alt_text_is_refused(self):
        from django.urls import reverse

        url = reverse("wagtailadmin_pages:add", args=("stories", "storypage", self.index.pk))
        data = nested_form_data(
            {
                "title": "No portrait",
                "slug": "no-portrait",
                "son_name": "A son",
                "hard_call": "A call.",
                "summary": "One line.",
                "portrait": "",
                "portrait_alt": "",
                "narrative": streamfield([]),
                "action-publish": "action-publish",
            }
        )
        response = self.client.post(url, data, follow=True)
        # Kept as a draft (editorial/drafts.py), never published; the message names what is missing.
        story = StoryPage.objects.get(slug="no-portrait")
        self.assertFalse(story.live)
        self.assertEqual(response.redirect_chain[-1][0], reverse("wagtailadmin_pages:edit", args=(story.pk,)))
        text = html.unescape(response.content.decode())
        self.assertIn("“No portrait” is saved as a draft, but it was not published", text)
        self.assertIn("Portrait alt text: Describe the portrait for people who cannot see it.", text)
        self.assertIn("Portrait: Choose a portrait (or a share image)", text)
