"""The project's one maker of PDF files (fpdf2): the demo's publications, manuscripts and slides,
the scale seeding's documents and the tests' documents are all drawn here.

Text is set in DejaVu Sans when Debian's fonts-dejavu-core is installed (the README and CI install
it), so French, German and Arabic names come out whole; without it, in Helvetica with the
characters Latin-1 lacks replaced.
"""

from dataclasses import dataclass, field
from pathlib import Path

from fpdf import FPDF

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


@dataclass
class Section:
    heading: str
    text: str


@dataclass
class PdfDocument:
    title: str
    # Small line above the title (a series name), and lines under it (authors).
    kicker: str = ""
    byline: list = field(default_factory=list)
    sections: list = field(default_factory=list)
    # Document metadata: /Author (an anonymised copy must lose it, which tests rely on).
    author: str = ""


def _fonts(pdf):
    if (FONT_DIR / "DejaVuSans.ttf").exists():
        pdf.add_font("body", "", str(FONT_DIR / "DejaVuSans.ttf"))
        pdf.add_font("body", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        return "body", str
    # Helvetica is Latin-1 only.
    return "helvetica", lambda text: text.encode("latin-1", "replace").decode("latin-1")


def render(document):
    """The bytes of ``document`` as a PDF: the title page, then one paragraph per section."""
    pdf = FPDF()
    pdf.set_title(document.title)
    if document.author:
        pdf.set_author(document.author)
    font, fit = _fonts(pdf)

    def block(text, size, height, style=""):
        pdf.set_font(font, style, size=size)
        pdf.multi_cell(0, height, fit(text), new_x="LMARGIN", new_y="NEXT")

    pdf.add_page()
    if document.kicker:
        block(document.kicker, 10, 6)
        pdf.ln(12)
    block(document.title, 18, 10, "B")
    pdf.ln(4)
    for line in document.byline:
        block(line, 12, 7)
    for section in document.sections:
        pdf.ln(6)
        if section.heading:
            block(section.heading, 12, 7, "B")
        block(section.text, 11, 6)
    return bytes(pdf.output())


def simple_pdf(title, text="", *, author=""):
    """A one-page PDF with a title and a paragraph."""
    return render(PdfDocument(title=title, author=author,
                              sections=[Section("", text)] if text else []))
