"""The project's one PDF maker (cms/pdfs.py) makes files that readers and extractors accept."""

import io

from pypdf import PdfReader

from cms import pdfs


def test_a_document_reads_back_with_its_text_and_metadata():
    content = pdfs.render(pdfs.PdfDocument(
        title="Liaison in the field", kicker="JCMI Working Papers", author="Ana Müller",
        byline=["Ana Müller, University of Ulm"],
        sections=[pdfs.Section("Abstract", "How relief agencies and units share plans.")],
    ))
    reader = PdfReader(io.BytesIO(content))
    text = " ".join(page.extract_text() for page in reader.pages)
    for expected in ("JCMI Working Papers", "Liaison in the field", "Ana Müller, University of Ulm",
                     "Abstract", "How relief agencies and units share plans."):
        assert expected in text
    assert reader.metadata.title == "Liaison in the field"
    assert reader.metadata.author == "Ana Müller"


def test_a_simple_pdf_has_no_author_unless_given():
    reader = PdfReader(io.BytesIO(pdfs.simple_pdf("Slides", "One paragraph.")))
    assert reader.metadata.author is None
    assert "One paragraph." in reader.pages[0].extract_text()
