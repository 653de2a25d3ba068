"""The story index and one page per mother's story."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from films.publish_guard import FilmPublishGuardForm
from pages import share
from pages.share import SHARE_HEIGHT, SHARE_WIDTH

from .blocks import StoryStreamBlock


class StoryIndexPage(Page):
    """Lists every live story (at /stories/)."""

    introduction = models.TextField(blank=True, max_length=400, help_text="A sentence or two shown above the stories.")

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["stories.StoryPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = self.get_children().live().public().specific().order_by("path")
        return context


class StoryPage(Page):
    """One mother's story: who she lost, the hard call she had to make, and her film."""

    mother_name = models.CharField(
        max_length=80,
        blank=True,
        help_text="Leave empty until the family agrees to her name being used. "
        "The page then says it is to be confirmed.",
    )
    son_name = models.CharField(max_length=80, help_text="Her son's name as the family wants it shown.")
    son_age = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="His age when he died, if the family wants it shown."
    )
    borough = models.CharField(
        max_length=80, blank=True, help_text="The London borough where it happened, for example Lambeth."
    )
    hard_call = models.TextField(
        max_length=300,
        help_text="The campaign's central image: who she had to call, and what she had to tell them. "
        "One or two sentences.",
    )
    summary = models.TextField(
        max_length=200,
        help_text="One line for the story card and for sharing (up to 200 characters).",
    )
    portrait = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=False,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The portrait shown on cards and at the top of the story.",
    )
    portrait_alt = models.CharField(
        "portrait alt text",
        max_length=250,
        help_text="Describe the portrait for people who cannot see it.",
    )
    placeholder_note = models.TextField(
        blank=True,
        max_length=500,
        help_text="Say plainly which parts of this page are placeholder text still to be replaced. "
        "Shown at the top of the page. Empty it when the story is final.",
    )
    narrative = StreamField(StoryStreamBlock(), blank=True, help_text="The story itself, in order.")
    film = models.ForeignKey(
        "films.Film",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="stories",
        help_text="Her film (Films in the admin menu). It needs captions and a transcript before the story "
        "is published.",
    )
    share_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional. The picture shown when this story is shared (at least 1200x630 pixels). "
        "Leave empty to use a card made from the portrait, her names, the summary and the phone number.",
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("mother_name"), FieldPanel("son_name"), FieldPanel("son_age"), FieldPanel("borough")],
            heading="The family",
        ),
        FieldPanel("hard_call"),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("portrait"), FieldPanel("portrait_alt")], heading="Portrait"),
        FieldPanel("placeholder_note"),
        FieldPanel("film", heading="Film"),
        FieldPanel("narrative"),
    ]
    promote_panels = Page.promote_panels + [FieldPanel("share_image")]

    # Publishing is refused while her film lacks captions or a transcript (films/publish_guard.py).
    base_form_class = FilmPublishGuardForm

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []

    @property
    def mother_display(self):
        return self.mother_name or "Name to be confirmed"

    def get_meta_description(self):
        return self.search_description or self.summary

    def clean(self):
        super().clean()
        image = self.share_image
        if image and (image.width < SHARE_WIDTH or image.height < SHARE_HEIGHT):
            raise ValidationError(
                {
                    "share_image": f"This image is {image.width}x{image.height} pixels. A share image must be at "
                    f"least {SHARE_WIDTH}x{SHARE_HEIGHT} so it looks sharp wherever the story is shared."
                }
            )

    def get_share_image(self):
        """The 1200x630 image for og:image: the editor's override, or a card drawn from the portrait."""
        from pages import cta
        from pages.models import CampaignSettings

        site = self.get_site()  # None for a page previewed before it is saved under a site
        values = cta.values_from(CampaignSettings.for_site(site)) if site else cta.without_database()
        if self.share_image:
            return share.override_share_image(self.share_image, f"{self.title}: {self.summary}")
        if self.portrait is None:
            return share.campaign_share_image(values)
        return share.story_share_image(self, values)
