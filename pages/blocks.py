"""StreamField blocks shared by every page family."""

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    """A section heading (level 2 or 3) so the page keeps a sound outline."""

    text = blocks.CharBlock(label="Heading", max_length=120, help_text="Keep it short and plain.")
    level = blocks.ChoiceBlock(
        label="Heading level",
        choices=[("h2", "Section heading"), ("h3", "Sub-heading")],
        default="h2",
        help_text="Use a sub-heading only inside a section.",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        preview_value = {"text": "Why your call stays anonymous", "level": "h2"}
        description = "A heading that starts a new section"


class ParagraphBlock(blocks.RichTextBlock):
    """Body text with bold, italic, links and lists."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        preview_value = "<p>No piece of information is too small.</p>"
        description = "One or more paragraphs of text"


class ImageWithCaptionBlock(blocks.StructBlock):
    """An image with alt text for screen readers and an optional visible caption."""

    image = ImageChooserBlock(help_text="Choose or upload the picture.")
    alt_text = blocks.CharBlock(
        label="Alt text (describe the image)",
        max_length=250,
        help_text="Describe what the picture shows for people who cannot see it. Required before publishing.",
    )
    caption = blocks.CharBlock(required=False, max_length=250, help_text="Optional. Shown under the image.")

    class Meta:
        icon = "image"
        template = "blocks/image_with_caption_block.html"
        description = "An image with a caption"


class LinkBlock(blocks.StructBlock):
    """One link with a plain description of where it goes."""

    label = blocks.CharBlock(label="Name", max_length=120, help_text="The organisation or page name.")
    url = blocks.URLBlock(label="Web address", help_text="The full web address, starting https://")
    description = blocks.TextBlock(
        required=False, max_length=300, help_text="Optional. One or two sentences: who it helps and how."
    )
    phone = blocks.CharBlock(
        label="Phone number", required=False, max_length=40, help_text="Optional. As visitors should read it."
    )

    class Meta:
        icon = "link"


class LinkListBlock(blocks.StructBlock):
    """A titled list of links, for example support services."""

    title = blocks.CharBlock(label="Heading", max_length=120, help_text="For example 'Where to find support'.")
    links = blocks.ListBlock(LinkBlock())

    class Meta:
        icon = "list-ul"
        template = "blocks/link_list_block.html"
        description = "A list of links with descriptions"


class PlaceholderNoteBlock(blocks.TextBlock):
    """A visible note that the text around it is placeholder for the comms team to replace."""

    class Meta:
        icon = "warning"
        template = "blocks/placeholder_note_block.html"
        preview_value = "This section is placeholder text for the comms team to replace."
        description = "A clearly marked placeholder note (remove before launch)"


class BaseStreamBlock(blocks.StreamBlock):
    """The blocks available on standard pages."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageWithCaptionBlock()
    link_list = LinkListBlock()
    placeholder_note = PlaceholderNoteBlock()
