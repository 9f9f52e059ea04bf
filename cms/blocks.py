"""StreamField blocks shared by several apps' pages."""

import copy

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", "H2"), ("h3", "H3"), ("h4", "H4")], default="h2", label=_("Level")
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"


class CaptionedImageBlock(blocks.StructBlock):
    """An image with caption and credit. Alt text comes from the image's own description."""

    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, label=_("Caption"))
    credit = blocks.CharBlock(
        required=False, label=_("Credit"), help_text=_("Leave empty to use the image's credit.")
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, label=_("Attribution"))

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"


class CallOutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul"], label=_("Text"))
    link_page = blocks.PageChooserBlock(required=False, label=_("Link to page"))
    link_text = blocks.CharBlock(required=False, label=_("Link text"))

    class Meta:
        icon = "pick"
        label = _("Call-out")
        template = "blocks/callout.html"


class DosAndDontsBlock(blocks.StructBlock):
    dos_title = blocks.CharBlock(default="Do", label=_("Title of the 'do' column"))
    dos = blocks.ListBlock(blocks.CharBlock(label=_("Do")), label=_("Do"))
    donts_title = blocks.CharBlock(default="Don't", label=_("Title of the 'don't' column"))
    donts = blocks.ListBlock(blocks.CharBlock(label=_("Don't")), label=_("Don't"))

    class Meta:
        icon = "list-ul"
        # Without a label Wagtail derives "Dos and donts" from the block's name.
        label = _("Do's and don'ts")
        template = "blocks/dos_and_donts.html"


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Question or title"))
    body = blocks.RichTextBlock(label=_("Answer or text"))


class AccordionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, label=_("Heading"))
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Items"))

    class Meta:
        icon = "list-ol"
        label = _("Accordion")
        template = "blocks/accordion.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(required=False, label=_("Link text"))


class DocumentListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, label=_("Heading"))
    documents = blocks.ListBlock(DocumentLinkBlock(), label=_("Documents"))

    class Meta:
        icon = "doc-full"
        label = _("Documents")
        template = "blocks/documents.html"


class VideoEmbedBlock(blocks.StructBlock):
    # Required on purpose: wagtail-localize crashes on an optional EmbedBlock left empty.
    video = EmbedBlock(label=_("Video URL"), help_text=_("A YouTube or Vimeo address."))
    title = blocks.CharBlock(required=False, label=_("Title"))

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/embed.html"

    def get_context(self, value, parent_context=None):
        from django.utils.translation import gettext

        from lectures.embeds import video_block_facade

        context = super().get_context(value, parent_context=parent_context)
        # The stored embed has neither a title (no oEmbed is asked for YouTube or Vimeo) nor a
        # poster, and carries no words: the block renders its own facade with both.
        video = value.get("video")
        context["title"] = value.get("title") or gettext("Video")
        context["facade"] = video_block_facade(video.url, context["title"]) if video else None
        return context


class TranslatableTableBlock(TableBlock):
    """Wagtail's table, with its caption and cells offered for translation.

    wagtail-localize leaves TableBlock out of what it extracts (wagtail-localize#302, open since
    2021; checked against 1.14, 2026-12), so a table showed in English on every translated page.
    wagtail-localize asks a block that knows its own strings for them through these two methods.
    A cell is named by its place ("r2c1": third row, second column), as the table's data has no
    ids: a row inserted above a translated cell asks for that cell again.
    """

    def get_translatable_segments(self, value):
        from wagtail_localize.segments import StringSegmentValue

        if not value:
            return []
        segments = []
        if value.get("table_caption"):
            segments.append(StringSegmentValue("caption", value["table_caption"]))
        for row_number, row in enumerate(value.get("data") or []):
            for column, cell in enumerate(row or []):
                if isinstance(cell, str) and cell.strip():
                    segments.append(StringSegmentValue(f"r{row_number}c{column}", cell))
        return segments

    def restore_translated_segments(self, value, segments):
        translated = {segment.path: segment.render_text() for segment in segments}
        value = copy.deepcopy(value)
        if "caption" in translated:
            value["table_caption"] = translated["caption"]
        for row_number, row in enumerate(value.get("data") or []):
            for column in range(len(row or [])):
                text = translated.get(f"r{row_number}c{column}")
                if text is not None:
                    row[column] = text
        return value


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(icon="pilcrow", label=_("Paragraph"))
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    callout = CallOutBlock()
    dos_and_donts = DosAndDontsBlock()
    accordion = AccordionBlock()
    table = TranslatableTableBlock(template="blocks/table.html", label=_("Table"))
    documents = DocumentListBlock()
    embed = VideoEmbedBlock()
