"""Home page, standard pages and the campaign's site settings."""

import re

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel, TitleFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from .blocks import RICH_TEXT_FEATURES, BaseStreamBlock

TEL_PATTERN = re.compile(r"^\+?[0-9]{3,15}$")
DEFAULT_QUICK_EXIT_URL = "https://www.bbc.co.uk/weather"
DEFAULT_YOUTH_SERVICE_URL = "https://www.fearless.org/"


@register_setting(icon="call")
class CampaignSettings(BaseSiteSetting):
    """The call-to-action and campaign facts. Change them here and every page changes."""

    phone_display = models.CharField(
        "phone number as shown",
        max_length=30,
        default="0800 555 111",
        help_text="The Crimestoppers number as visitors read it, for example 0800 555 111.",
    )
    phone_tel = models.CharField(
        "phone number for the call link",
        max_length=20,
        default="0800555111",
        help_text="The same number with digits only (an optional + at the start). Phones dial this.",
    )
    online_form_url = models.URLField(
        "anonymous online form",
        default="https://crimestoppers-uk.org/give-information/forms/give-information-anonymously",
        help_text="Crimestoppers' anonymous online form.",
    )
    anonymity_line = models.CharField(
        max_length=80,
        default="100% anonymous. Always.",
        help_text="The short promise shown beside every call button.",
    )
    hashtag = models.CharField(
        max_length=40, default="#HardCallsSaveLives", help_text="Used in share text. Start with #."
    )
    youth_service_url = models.URLField(
        "service for under-18s",
        default=DEFAULT_YOUTH_SERVICE_URL,
        help_text="Fearless, Crimestoppers' service for young people: linked beside every call-to-action for "
        "visitors under 18. Leave empty to hide the link.",
        blank=True,
    )
    quick_exit_url = models.URLField(
        "quick exit destination",
        default=DEFAULT_QUICK_EXIT_URL,
        help_text="Where the 'Exit this page' button takes a visitor who needs to leave quickly. "
        "Choose a busy, neutral website that looks ordinary on a shared screen (BBC Weather by default).",
    )
    launch_date = models.DateField(
        null=True,
        blank=True,
        help_text="The day the campaign launched. The insights dashboard compares before and after it.",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("phone_display"),
                FieldPanel("phone_tel"),
                FieldPanel("online_form_url"),
                FieldPanel("youth_service_url"),
            ],
            heading="Call to action",
        ),
        MultiFieldPanel(
            [FieldPanel("anonymity_line"), FieldPanel("hashtag"), FieldPanel("launch_date")],
            heading="Campaign",
        ),
        MultiFieldPanel([FieldPanel("quick_exit_url")], heading="Visitor safety"),
    ]

    class Meta:
        verbose_name = "campaign settings"

    def clean(self):
        super().clean()
        errors = {}
        if not TEL_PATTERN.match(self.phone_tel or ""):
            errors["phone_tel"] = "Use digits only, with an optional + at the start, e.g. 0800555111."
        elif re.sub(r"\D", "", self.phone_display or "") not in (self.phone_tel or "").lstrip("+"):
            errors["phone_display"] = "The number as shown must have the same digits as the call link."
        if self.quick_exit_url and not self.quick_exit_url.startswith("https://"):
            errors["quick_exit_url"] = "Use an https:// address, so nobody on the network can see or change the page."
        if self.hashtag and not self.hashtag.startswith("#"):
            errors["hashtag"] = "Start the hashtag with #."
        if errors:
            raise ValidationError(errors)


def _key_page(label, help_text):
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=label,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


@register_setting(icon="list-ul")
class KeyPages(BaseSiteSetting):
    """The pages the header, footer and call-to-action link to on every page. Rename or move them freely: the links
    follow the page, not its address."""

    NAMES = ("stories", "anonymity", "support", "accessibility", "privacy")

    stories_page = _key_page("stories list", "The list of stories, linked from the header on every page.")
    anonymity_page = _key_page(
        "your anonymity", "How calling Crimestoppers stays anonymous. Linked beside every call button."
    )
    support_page = _key_page("support", "Where to find support. Linked from content notes, the header and footer.")
    accessibility_page = _key_page("accessibility statement", "Linked from the footer.")
    privacy_page = _key_page("privacy", "What this site counts (and does not). Linked from the footer and the poll.")

    panels = [
        PageChooserPanel("stories_page", "stories.StoryIndexPage"),
        PageChooserPanel("anonymity_page", "pages.StandardPage"),
        PageChooserPanel("support_page", "pages.StandardPage"),
        PageChooserPanel("accessibility_page", "pages.StandardPage"),
        PageChooserPanel("privacy_page", "pages.StandardPage"),
    ]

    class Meta:
        verbose_name = "key pages"


class HomePage(Page):
    """The landing page: campaign line, premise, the five stories and why calling is anonymous."""

    campaign_line = models.CharField(
        max_length=140,
        help_text="The big line at the top. Plain and short.",
    )
    premise = RichTextField(
        features=RICH_TEXT_FEATURES,
        help_text="Two or three sentences under the campaign line: why this call matters.",
    )
    stories_heading = models.CharField(
        max_length=120, default="Five mothers. Five calls.", help_text="Heading above the story cards."
    )
    anonymity_heading = models.CharField(
        max_length=120, default="Why it is anonymous", help_text="Heading of the anonymity section."
    )
    anonymity_text = RichTextField(
        features=RICH_TEXT_FEATURES,
        help_text="A short, plain explanation. It links to the full 'Your anonymity' page below.",
    )
    anonymity_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The 'Your anonymity' page that the section links to.",
    )

    content_panels = [
        TitleFieldPanel(
            "title", help_text="The page's name in the admin and the browser tab, for example 'Hard calls save lives'."
        ),
        FieldPanel("campaign_line"),
        FieldPanel("premise"),
        FieldPanel("stories_heading"),
        MultiFieldPanel(
            [FieldPanel("anonymity_heading"), FieldPanel("anonymity_text"), FieldPanel("anonymity_page")],
            heading="Why it is anonymous",
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["stories.StoryIndexPage", "pages.StandardPage", "partners.PartnerToolkitPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        # By name, not import: stories build on pages, never the other way round.
        StoryPage = apps.get_model("stories", "StoryPage")
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = (
            StoryPage.objects.live().public().descendant_of(self).select_related("portrait").order_by("path")
        )
        return context


class StandardPage(Page):
    """A page of text, such as 'Your anonymity', 'Support' or the accessibility statement."""

    introduction = models.TextField(
        blank=True, max_length=400, help_text="One or two sentences shown in larger text under the title."
    )
    body = StreamField(BaseStreamBlock(), blank=True, help_text="The main content of the page.")

    content_panels = [
        TitleFieldPanel(
            "title",
            help_text="The page's heading, for example 'Your anonymity'. Also used in the browser tab and links.",
        ),
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
