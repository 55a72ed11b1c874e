"""StreamField blocks for "what we did": text, pictures, quotes, tables and documents."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock()
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=300)

    class Meta:
        icon = "image"
        label = _("Picture")
        template = "knowledge/blocks/captioned_image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"), max_length=1000)
    speaker = blocks.ChoiceBlock(
        label=_("who said it"),
        choices=[
            ("pupil", _("A pupil")),
            ("colleague", _("A colleague")),
            ("parent", _("A parent")),
        ],
    )
    attribution = blocks.CharBlock(label=_("more about who (optional)"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "knowledge/blocks/quote.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    description = blocks.CharBlock(label=_("what it is"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "knowledge/blocks/document.html"


class ExperimentBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=["bold", "italic", "ol", "ul", "link", "h3"]
    )
    picture = CaptionedImageBlock()
    quote = QuoteBlock()
    table = TypedTableBlock(
        [("text", blocks.CharBlock()), ("number", blocks.DecimalBlock())],
        label=_("Table"),
        template="knowledge/blocks/table.html",
    )
    document = DocumentBlock()
