"""Real documents for the journeys to upload, made with reportlab (no Django needed: the
journeys run in the browser's process, the site in its own)."""

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


def make_pdf(lines, author=""):
    """A one-page PDF with these lines of text; ``author`` goes into its metadata, as a word
    processor would put it there."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle(lines[0])
    if author:
        pdf.setAuthor(author)
        pdf.setCreator(f"{author}'s word processor")
    y = 760
    for line in lines:
        pdf.drawString(72, y, line)
        y -= 20
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def pdf_upload(name, lines, author=""):
    """What Playwright's ``set_input_files`` takes for a file the person picks from disk."""
    return {"name": name, "mimeType": "application/pdf", "buffer": make_pdf(lines, author)}
