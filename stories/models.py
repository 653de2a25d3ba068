"""The story index and one page per mother's story."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.template.response import TemplateResponse
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from pages.links import page_url

from .blocks import StoryStreamBlock
from .publish_guards import StoryPageForm, check_before_publish

# Open Graph's recommended size: every share card is drawn this size (sharing/cards.py), and an editor's own share
# image must be at least this big.
SHARE_IMAGE_SIZE = (1200, 630)
# The embed card of a story (sharing/embed.py, at /stories/<slug>/embed/), relative to the story's own address.
EMBED_CARD_PATH = "embed/"

SHORT_ADDRESS_VALIDATOR = RegexValidator(
    r"^[a-z0-9][a-z0-9-]{1,49}$", "Use lower-case letters, digits and hyphens, for example 'lillian'."
)
# True of every story, so it names no age, weapon or place (the demo's fact register, demo/content/facts.toml,
# records the article's sentences behind it as "campaign.content_note").
DEFAULT_CONTENT_NOTE = (
    "This story is about a mother who lost her son to violence and knife crime. You may find it upsetting."
)

# Words that mark text as a placeholder for the comms team, in any field of a story.
PLACEHOLDER_MARKERS = ("placeholder", "to be confirmed")
# What a story shows wherever it is shared (share text and card, embed card, oEmbed, partner toolkit).
SHARED_FIELDS = ("title", "summary", "son_name", "mother_name")


def is_placeholder(text):
    """Whether text is (or holds) placeholder wording still to be replaced by the comms team."""
    lowered = (text or "").lower()
    return any(marker in lowered for marker in PLACEHOLDER_MARKERS)


class StoryIndexPage(Page):
    """Lists every live story (at /stories/)."""

    introduction = models.TextField(blank=True, max_length=400, help_text="A sentence or two shown above the stories.")

    content_panels = [
        TitleFieldPanel("title", help_text="The heading of the stories list, for example 'Their stories'."),
        FieldPanel("introduction"),
    ]

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
        "mother's name",
        max_length=80,
        blank=True,
        help_text="Leave empty until the family agrees to her name being used. "
        "The page then says it is to be confirmed.",
    )
    son_name = models.CharField("son's name", max_length=80, help_text="Her son's name as the family wants it shown.")
    son_age = models.PositiveSmallIntegerField(
        "son's age", null=True, blank=True, help_text="His age when he died, if the family wants it shown."
    )
    borough = models.CharField(
        max_length=80, blank=True, help_text="The London borough where it happened, for example Lambeth."
    )
    hard_call = models.TextField(
        "the hard call",
        max_length=300,
        help_text="The campaign's central image: who she had to call, and what she had to tell them. "
        "One or two sentences.",
    )
    summary = models.TextField(
        "one-line summary",
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
    content_note = models.TextField(
        "content note (a warning before the story)",
        blank=True,
        max_length=300,
        default=DEFAULT_CONTENT_NOTE,
        help_text="Shown before the film and the story, so visitors know what they are about to read or watch. "
        "Plain and short. The page adds a link to support and to the call-to-action. "
        "Empty it only if the story needs no warning.",
    )
    narrative = StreamField(
        StoryStreamBlock(),
        blank=True,
        verbose_name="the story",
        help_text="The story itself, in order: paragraphs, headings, quotes, images. A story needs at least one "
        "paragraph before it is published, and every image needs alt text.",
    )
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
        verbose_name="share image",
        help_text="Optional. The picture shown when this story is shared (at least 1200x630 pixels). "
        "Leave empty to use a card made from the portrait, her names, the summary and the phone number.",
    )
    short_address = models.CharField(
        "short address",
        max_length=50,
        blank=True,
        validators=[SHORT_ADDRESS_VALIDATOR],
        help_text="The short web address for radio, TV and print: 'lillian' makes /lillian lead to this story. "
        "Leave it empty and the story's slug or her son's name, whichever is free, is used when the story is first "
        "published. If you change it later, the old short address keeps working. "
        "Lower-case letters, digits and hyphens.",
    )

    content_panels = [
        TitleFieldPanel(
            "title",
            help_text="The story's heading, for example 'Lillian and Quamari'. Use only names the family agreed to.",
        ),
        MultiFieldPanel(
            [FieldPanel("mother_name"), FieldPanel("son_name"), FieldPanel("son_age"), FieldPanel("borough")],
            heading="The family",
        ),
        FieldPanel("hard_call"),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("portrait"), FieldPanel("portrait_alt")], heading="Portrait"),
        FieldPanel("placeholder_note"),
        FieldPanel("content_note"),
        FieldPanel("film", heading="Film"),
        FieldPanel("narrative"),
    ]
    promote_panels = Page.promote_panels + [
        MultiFieldPanel([FieldPanel("short_address"), FieldPanel("share_image")], heading="Sharing the story")
    ]

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []

    # Drafts save with anything missing; publishing and sign-off need everything (see publish_guards).
    base_form_class = StoryPageForm

    # The editor's live preview offers both; its size switcher covers phone (375 px), tablet and desktop (1280 px).
    preview_modes = [("", "Story page"), ("embed", "Embed card")]
    embed_preview_template = "sharing/embed_card.html"

    def serve_preview(self, request, mode_name):
        if mode_name == "embed":
            # The same template and context as the public card at /stories/<slug>/embed/ (sharing/embed.py).
            context = {**self.get_context(request), "story": self, "story_url": page_url(self)}
            return TemplateResponse(request, self.embed_preview_template, context)
        return super().serve_preview(request, mode_name)

    def get_cached_paths(self):
        # What a CDN must drop when the story changes: the page and its embed card, which shows the same content.
        return ["/", EMBED_CARD_PATH]

    def publish(self, revision, *args, **kwargs):
        if not check_before_publish(revision, log_action=kwargs.get("log_action")):
            return None
        return super().publish(revision, *args, **kwargs)

    @property
    def son_known(self):
        return bool(self.son_name) and not is_placeholder(self.son_name)

    @property
    def confirmed_by_family(self):
        """Ready to share, and nothing on the story is placeholder any more (its placeholder note is empty and the
        hard call is the family's own words). Only then is it offered in the partner kit (sharing/kit.py): a poster
        must never carry words the family has not agreed."""
        return self.ready_to_share and not self.placeholder_note.strip() and not is_placeholder(self.hard_call)

    @property
    def mother_display(self):
        """Her name, or a label that reads naturally until the family agrees to it: "Dwayne's mother (name to be
        confirmed)"."""
        if self.mother_name:
            return self.mother_name
        if self.son_known:
            return f"{self.son_name.split()[0]}'s mother (name to be confirmed)"
        return "Name to be confirmed"

    @property
    def mother_of(self):
        """Her son's name where a card says "Lillian, mother of Quamari"; empty while her name is not known, so no
        card reads "Dwayne's mother (name to be confirmed), mother of Dwayne"."""
        return self.son_name if self.mother_name and self.son_known else ""

    @property
    def share_heading(self):
        """The heading where the story is shared: "Lillian, mother of Quamari", else the story's title."""
        return f"{self.mother_name}, mother of {self.son_name}" if self.mother_of else self.title

    @property
    def placeholder_shared_fields(self):
        """The fields sharing would show that still hold placeholder text, for example ["summary"]."""
        return [field for field in SHARED_FIELDS if is_placeholder(getattr(self, field))]

    @property
    def ready_to_share(self):
        """Whether the story may be shared, embedded and offered to partners: none of what sharing shows (title,
        summary, names) is placeholder text. Until then it has no share links, card, embed, oEmbed or kit."""
        return not self.placeholder_shared_fields

    def get_meta_description(self):
        return self.search_description or self.summary

    def clean(self):
        super().clean()
        image = self.share_image
        width, height = SHARE_IMAGE_SIZE
        if image and (image.width < width or image.height < height):
            raise ValidationError(
                {
                    "share_image": f"This image is {image.width}x{image.height} pixels. A share image must be at "
                    f"least {width}x{height} so it looks sharp wherever the story is shared."
                }
            )
