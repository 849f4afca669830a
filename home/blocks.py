"""StreamField blocks for content pages.

Every text inside a block is required: wagtail-localize cannot translate an empty
optional CharBlock, and a half-filled block is never what an editor meant.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.CharBlock):
    """A section heading (rendered as h2, so the outline stays right)."""

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "home/blocks/heading.html"
        form_classname = "title"
        description = _("A section heading.")
        preview_value = "Come chiedere aiuto"


class ParagraphBlock(blocks.RichTextBlock):
    """Running text with the few inline features the site allows."""

    def __init__(self, **kwargs):
        super().__init__(features=["bold", "italic", "link", "ol", "ul"], **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "home/blocks/paragraph.html"
        description = _("Text with bold, italic, links and lists.")
        preview_value = "<p>Il 1522 è gratuito e attivo 24 ore su 24.</p>"


class CalloutBlock(blocks.StructBlock):
    """A highlighted box for something a reader must not miss."""

    class Tone(models.TextChoices):
        INFO = "info", _("Information")
        URGENT = "urgent", _("Urgent")

    tone = blocks.ChoiceBlock(
        choices=Tone.choices,
        default=Tone.INFO,
        label=_("Tone"),
    )
    title = blocks.CharBlock(label=_("Title"))
    text = blocks.RichTextBlock(features=["bold", "italic", "link"], label=_("Text"))

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "home/blocks/callout.html"
        description = _("A highlighted box, for example with phone numbers.")
        preview_value = {
            "tone": "urgent",
            "title": "In pericolo adesso?",
            "text": "<p>Chiama il 112.</p>",
        }


class FigureBlock(blocks.StructBlock):
    """An image, sized for phones and loaded lazily, with an optional caption."""

    image = ImageBlock(label=_("Image"))
    caption = blocks.TextBlock(required=False, label=_("Caption"))

    class Meta:
        icon = "image"
        label = _("Image")
        template = "home/blocks/figure.html"
        description = _("An image with alternative text and an optional caption.")


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"))
    answer = blocks.RichTextBlock(features=["bold", "italic", "link", "ul"], label=_("Answer"))


class AccordionBlock(blocks.StructBlock):
    """Questions and answers that open in place, without JavaScript."""

    questions = blocks.ListBlock(QuestionBlock(), label=_("Questions"))

    class Meta:
        icon = "list-ul"
        label = _("Questions and answers")
        template = "home/blocks/accordion.html"
        description = _("Questions that open in place to show their answer.")


class EntryPointBlock(blocks.StructBlock):
    """A card that leads to one of the site's main sections."""

    page = blocks.PageChooserBlock(label=_("Page"))
    text = blocks.TextBlock(label=_("Short description"))

    class Meta:
        icon = "link"
        label = _("Entry point")
        template = "home/blocks/entry_point.html"


def content_blocks():
    """The blocks a standard content or project page offers."""
    return [
        ("heading", HeadingBlock()),
        ("paragraph", ParagraphBlock()),
        ("callout", CalloutBlock()),
        ("figure", FigureBlock()),
        ("accordion", AccordionBlock()),
    ]
