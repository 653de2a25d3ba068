"""Partners and their toolkit page.

Partners are organisations that share the campaign. Each has a short code used in its links' query string
(`?via=CODE`).
"""

from django.core.validators import RegexValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.snippets.models import register_snippet

from pages import call_to_action
from pages.blocks import BaseStreamBlock
from sharing.channels import CODE_PATTERN
from sharing.kit import kit_for, ready_stories
from sharing.toolkit import story_kits

code_validator = RegexValidator(CODE_PATTERN, "Use 2 to 30 lower-case letters, digits or hyphens.")


@register_snippet
class Partner(models.Model):
    name = models.CharField(max_length=120, help_text="The organisation's name as the public knows it.")
    website = models.URLField(
        "website address", blank=True, help_text="Optional. The partner's own website, starting https://"
    )
    code = models.CharField(
        "link code",
        max_length=30,
        unique=True,
        validators=[code_validator],
        help_text="A short code for this partner's links, for example 'lambeth-police'. Lower-case, no spaces. "
        "Changing it breaks links the partner already shared.",
    )

    panels = [FieldPanel("name"), FieldPanel("website"), FieldPanel("code")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class PartnerToolkitPage(Page):
    """What partners need to share the campaign: per story the post text, short address, embed code and image."""

    introduction = models.TextField(
        max_length=600, help_text="Who this page is for and how to use it. One or two sentences."
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        help_text="Guidance above the stories, such as what to post and what not to say.",
    )
    partners_heading = models.CharField(
        max_length=120,
        default="Partners sharing the campaign",
        help_text="The heading above the list of partners.",
    )
    partners_text = models.TextField(
        blank=True,
        max_length=600,
        help_text="Shown above the list of partners. Each partner's links carry its code, so the anonymous "
        "totals can show which partner brought visitors.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("partners_heading"), FieldPanel("partners_text")], heading="Partners"),
    ]

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partners"] = list(Partner.objects.all())
        cta = call_to_action.cta_for(request)
        context["kits"] = story_kits(context["partners"], cta)
        # The downloadable kit: generic, then one per partner (files are made by partners/kit.py, never here).
        stories = ready_stories()
        context["generic_kit"] = kit_for(cta, None, None, stories)
        for partner in context["partners"]:
            partner.kit = kit_for(cta, partner.code, partner.name, stories)
        return context
