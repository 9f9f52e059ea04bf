"""Plain text out of uploaded documents, so that search can find a word that is only in a PDF."""

import logging

from pypdf import PdfReader
from pypdf.errors import PdfReadError

logger = logging.getLogger(__name__)

# Enough for any monograph; a larger text would only bloat the search index.
MAX_TEXT_LENGTH = 1_000_000
MAX_PAGES = 2_000


def is_pdf(fileobj):
    """Judged by the file's first bytes, not by its name."""
    fileobj.seek(0)
    head = fileobj.read(1024)
    fileobj.seek(0)
    return b"%PDF-" in head


def extract_pdf_text(fileobj):
    """The text of every page, or "" when the PDF is damaged, encrypted or has no text layer."""
    try:
        reader = PdfReader(fileobj)
        if reader.is_encrypted:
            return ""
        parts = []
        length = 0
        for number, page in enumerate(reader.pages):
            if number >= MAX_PAGES or length >= MAX_TEXT_LENGTH:
                break
            text = page.extract_text() or ""
            parts.append(text)
            length += len(text)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        # A broken upload must not break the save: the document simply has no searchable text.
        logger.warning("Could not read text from PDF: %s", exc)
        return ""
    text = " ".join(" ".join(parts).split())
    return text[:MAX_TEXT_LENGTH].replace("\x00", "")


def extract_document_text(document):
    """The searchable text of a Wagtail document's file ("" for file types we do not read)."""
    with document.open_file() as fileobj:
        if is_pdf(fileobj):
            return extract_pdf_text(fileobj)
    return ""
