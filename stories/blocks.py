"""Blocks for a story's narrative."""

from wagtail import blocks

from pages.blocks import HeadingBlock, ImageWithCaptionBlock, ParagraphBlock, PlaceholderNoteBlock


class PullQuoteBlock(blocks.StructBlock):
    """A short quotation set apart, always with who said it."""

    quote = blocks.TextBlock(
        label="Quotation", max_length=400, help_text="Only words the person really said, agreed with the family."
    )
    attribution = blocks.CharBlock(
        label="Who said it", max_length=120, help_text="For example 'Lillian, Quamari's mother'."
    )

    class Meta:
        icon = "openquote"
        template = "blocks/pull_quote_block.html"
        description = "A quotation with its attribution"


class PublicPostBlock(blocks.StructBlock):
    """A social media post quoted as text with a link to it: never the platform's widget or script."""

    author = blocks.CharBlock(label="Who posted it", max_length=120, help_text="For example 'Kingston Police'.")
    handle = blocks.CharBlock(
        label="Account name", required=False, max_length=60, help_text="Optional, for example @MPSKingston."
    )
    text = blocks.TextBlock(label="Words of the post", max_length=600, help_text="Copied exactly.")
    date = blocks.DateBlock(label="Date posted", required=False, help_text="Optional. The day it was posted.")
    url = blocks.URLBlock(
        label="Link to the post",
        help_text="The post's web address, starting https://. Visitors follow it only if they choose to.",
    )

    class Meta:
        icon = "globe"
        template = "blocks/public_post_block.html"
        description = "A public social post, quoted as text with a link"


class StoryStreamBlock(blocks.StreamBlock):
    """The blocks available in a story's narrative."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    pull_quote = PullQuoteBlock()
    image = ImageWithCaptionBlock()
    public_post = PublicPostBlock()
    placeholder_note = PlaceholderNoteBlock()
