"""Uploads are judged by their bytes, and the reviewer's copy keeps no trace of its authors."""

import io
import zipfile

import pytest
from pypdf import PdfReader

from publications import files

from .conftest import AUTHOR_NAME, make_docx, make_odt, make_pdf


@pytest.mark.parametrize("maker, expected", [
    (make_pdf, files.PDF), (make_docx, files.DOCX), (make_odt, files.ODT)])
def test_real_documents_are_recognised_by_content(maker, expected):
    assert files.sniff_content_type(maker()) == expected


@pytest.mark.parametrize("content", [
    b"\x7fELF\x02\x01\x01" + b"\0" * 64,           # an executable renamed .pdf
    b"MZ\x90\x00" + b"\0" * 64,                      # a Windows program
    b"%PDF-1.7\n garbage that does not parse",
    b"PK\x03\x04 not a zip at all",
    b"<html><script>alert(1)</script></html>",
])
def test_anything_else_is_refused(content):
    assert files.sniff_content_type(content) is None


def test_a_zip_that_is_not_a_word_document_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("payload.exe", b"MZ")
    assert files.sniff_content_type(out.getvalue()) is None


def test_the_reviewer_copy_of_a_pdf_has_no_info_xmp_or_comment_author():
    original = make_pdf(annotate=True)
    assert AUTHOR_NAME.encode() in original
    assert files.document_metadata(original, files.PDF)["Author"] == AUTHOR_NAME
    copy = files.anonymised_copy(original, files.PDF)
    assert AUTHOR_NAME.encode() not in copy
    reader = PdfReader(io.BytesIO(copy))
    assert "/Author" not in (reader.metadata or {})
    assert "/Metadata" not in reader.trailer["/Root"]
    annot = reader.pages[0]["/Annots"][0].get_object()
    assert "/T" not in annot and annot["/Contents"] == "Check this figure"
    assert "Civil-military coordination" in reader.pages[0].extract_text()
    assert files.document_metadata(copy, files.PDF) == {}


def test_the_reviewer_copy_of_a_docx_has_no_properties_or_comment_authors():
    original = make_docx()
    assert files.document_metadata(original, files.DOCX)["creator"] == AUTHOR_NAME
    copy = files.anonymised_copy(original, files.DOCX)
    with zipfile.ZipFile(io.BytesIO(copy)) as package:
        everything = b"".join(package.read(name) for name in package.namelist())
        assert b"Liaison in disaster response" in package.read("word/document.xml")
    assert AUTHOR_NAME.encode() not in everything and b'w:initials="AH"' not in everything
    assert files.sniff_content_type(copy) == files.DOCX
    assert files.document_metadata(copy, files.DOCX) == {}


def test_the_reviewer_copy_of_an_odt_has_no_meta_or_annotation_creator():
    copy = files.anonymised_copy(make_odt(), files.ODT)
    with zipfile.ZipFile(io.BytesIO(copy)) as package:
        assert package.namelist()[0] == "mimetype"
        assert package.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
        everything = b"".join(package.read(name) for name in package.namelist())
    assert AUTHOR_NAME.encode() not in everything
    assert files.sniff_content_type(copy) == files.ODT


def test_a_zip_bomb_dressed_as_a_word_document_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "wordprocessingml.document.main+xml")
        z.writestr("word/document.xml", b"\0" * (80 * 1024 * 1024))
    assert len(out.getvalue()) < 1024 * 1024
    assert files.sniff_content_type(out.getvalue()) is None
