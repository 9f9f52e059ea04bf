"""Covers for publications: the first page of a document's PDF, drawn by PDFium (pypdfium2)
when the document is uploaded and kept as a Wagtail image, so that cards and publication pages
show it through responsive renditions.

A file PDFium cannot read (damaged, encrypted, not a PDF at all) leaves the document without a
cover: the upload itself stands, and templates show their placeholder instead.
"""

import io
import logging
import secrets

import pypdfium2 as pdfium
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.images.models import Filter

from cms.storage import document_is_public
from cms.text_extraction import is_pdf

logger = logging.getLogger(__name__)

# The renditions templates show (publication_card.html, publication_page.html: keep them in
# step), made with the cover so that no visitor's request pays for them.
COVER_RENDITIONS = ["format-{webp,jpeg}|width-{96,192}", "format-{webp,jpeg}|width-{160,240,480}"]

# Wide enough for the largest rendition shown (the publication page's, twice its 240 px for
# sharp screens) with room to spare; the longest side is bounded for odd page shapes.
COVER_WIDTH = 800
MAX_COVER_HEIGHT = 2400


class CoverError(Exception):
    """The first page could not be drawn."""


def draw_first_page(fileobj):
    """PNG bytes of the first page of the PDF in ``fileobj``, COVER_WIDTH pixels wide."""
    try:
        document = pdfium.PdfDocument(fileobj.read())
    except pdfium.PdfiumError as exc:  # damaged, encrypted without password, not a PDF
        raise CoverError(str(exc)) from exc
    try:
        if len(document) == 0:
            raise CoverError("the PDF has no pages")
        page = document[0]
        width, height = page.get_size()
        if width <= 0 or height <= 0:
            raise CoverError("the first page has no size")
        scale = min(COVER_WIDTH / width, MAX_COVER_HEIGHT / height)
        image = page.render(scale=scale).to_pil()
        buffer = io.BytesIO()
        image.convert("RGB").save(buffer, format="PNG", optimize=True)
        return buffer.getvalue()
    except pdfium.PdfiumError as exc:
        raise CoverError(str(exc)) from exc
    finally:
        document.close()


def render_cover(document):
    """Draw ``document``'s first page and keep it as its cover (replacing an older one).

    Returns the new image, or None when the document is not a PDF or cannot be drawn (logged;
    the document keeps no cover rather than a stale one of another file).
    """
    Image = get_image_model()
    old_cover_id = document.cover_id
    try:
        with document.open_file() as fileobj:
            if not is_pdf(fileobj):
                png = None
            else:
                png = draw_first_page(fileobj)
    except (CoverError, OSError) as exc:
        logger.warning("No cover for document %s: %s", document.pk, exc)
        png = None
    except Exception:  # noqa: BLE001 -- a cover is a nicety; the upload must stand regardless
        logger.exception("No cover for document %s: drawing failed", document.pk)
        png = None
    with transaction.atomic():
        cover = None
        if png is not None:
            # A name nobody can guess: the original sits in public media, and a publication's
            # PDF may be uploaded before its page is live.
            cover = Image(title=f"Cover: {document.title}"[:255],
                          collection_id=document.collection_id)
            cover.file = ImageFile(io.BytesIO(png), name=f"cover-{secrets.token_hex(8)}.png")
            cover.save()
            cover.get_renditions(*[spec for pattern in COVER_RENDITIONS
                                   for spec in Filter.expand_spec(pattern)])
        # update(), not save(): a save would start this again (cms.signal_handlers).
        type(document).objects.filter(pk=document.pk).update(
            cover=cover, cover_of=document.file.name
        )
        document.cover, document.cover_of = cover, document.file.name
        if old_cover_id:
            Image.objects.filter(pk=old_cover_id).delete()
    return cover


def needs_cover(document):
    """True when the document's current file has not been drawn yet (a new upload always has
    a new name: stored files are never overwritten) and anyone may read the document: a cover
    is public media, and the first page of an embargoed work shows its title and authors."""
    return (bool(document.file) and document.cover_of != document.file.name
            and document_is_public(document))


def withdraw_cover(document):
    """A document that is no longer public loses its cover (drawn again when it is public)."""
    Image = get_image_model()
    cover_id = document.cover_id
    if cover_id is None:
        return
    with transaction.atomic():
        type(document).objects.filter(pk=document.pk).update(cover=None, cover_of="")
        document.cover, document.cover_of = None, ""
        Image.objects.filter(pk=cover_id).delete()
