"""Uploads are judged by their bytes, and the reviewer's copy keeps no trace of its authors."""

import io
import posixpath
import re
import zipfile

import pytest
from pypdf import PdfReader

from publications.review import files

from .conftest import AUTHOR_EMAIL, AUTHOR_NAME, make_docx, make_odt, make_pdf


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


def _parts(package_bytes):
    with zipfile.ZipFile(io.BytesIO(package_bytes)) as package:
        return {name: package.read(name) for name in package.namelist()}


def assert_docx_package_is_whole(parts):
    """What Word checks on opening: every relationship points at a part that is there, and every
    content-type override names one."""
    names = set(parts)
    for name, data in parts.items():
        if not name.endswith(".rels"):
            continue
        folder = posixpath.dirname(posixpath.dirname(name))
        for target in re.findall(rb'Target="([^"]+)"', data):
            target = target.decode()
            resolved = (target.lstrip("/") if target.startswith("/")
                        else posixpath.normpath(posixpath.join(folder, target)))
            assert resolved in names, f"{name} points at missing {target}"
    for part in re.findall(rb'PartName="/([^"]+)"', parts["[Content_Types].xml"]):
        assert part.decode() in names, f"override for missing {part.decode()}"


def test_the_reviewer_copy_of_a_docx_has_no_properties_or_comment_authors():
    original = make_docx()
    assert files.document_metadata(original, files.DOCX)["creator"] == AUTHOR_NAME
    copy = files.anonymised_copy(original, files.DOCX)
    parts = _parts(copy)
    assert b"Liaison in disaster response" in parts["word/document.xml"]
    assert b"and recovery" in parts["word/document.xml"]  # the tracked change itself stays
    for name, data in parts.items():
        assert AUTHOR_NAME.encode() not in data, name
        assert AUTHOR_EMAIL.encode() not in data, name
        assert b"Haddad" not in data and b'initials="AH"' not in data, name
    assert files.sniff_content_type(copy) == files.DOCX
    assert files.document_metadata(copy, files.DOCX) == {}


def test_the_docx_people_part_goes_with_its_relationship_and_content_type():
    original = make_docx()
    assert_docx_package_is_whole(_parts(original))
    parts = _parts(files.anonymised_copy(original, files.DOCX))
    assert "word/people.xml" not in parts
    assert b"people" not in parts["word/_rels/document.xml.rels"]
    assert b"people" not in parts["[Content_Types].xml"]
    # The comments keep their relationship and override: only the people part went.
    assert b'Target="comments.xml"' in parts["word/_rels/document.xml.rels"]
    assert b"/word/comments.xml" in parts["[Content_Types].xml"]
    assert_docx_package_is_whole(parts)


def test_the_anonymity_check_flags_what_a_docx_still_says_about_its_author():
    found = files.document_metadata(make_docx(), files.DOCX)
    assert "people" in found
    assert found["userId"] == AUTHOR_EMAIL
    assert found["author"] == AUTHOR_NAME
    # Even with clean package properties, a named comment is still a finding.
    with_comment_only = files._rewrite_zip(
        make_docx(), lambda name, data: None if name in (
            "docProps/core.xml", "docProps/app.xml", "word/people.xml") else data)
    assert files.document_metadata(with_comment_only, files.DOCX)["author"] == AUTHOR_NAME


def test_the_reviewer_copy_of_an_odt_has_no_meta_or_annotation_creator():
    original = make_odt()
    found = files.document_metadata(original, files.ODT)
    assert found["initial-creator"] == AUTHOR_NAME and found["creator-initials"] == "AH"
    copy = files.anonymised_copy(original, files.ODT)
    with zipfile.ZipFile(io.BytesIO(copy)) as package:
        assert package.namelist()[0] == "mimetype"
        assert package.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
        everything = b"".join(package.read(name) for name in package.namelist())
        content = package.read("content.xml")
    assert AUTHOR_NAME.encode() not in everything
    assert b"creator-initials" not in content and b">AH<" not in content
    assert b"Check this figure" in content  # the annotation itself stays
    assert files.sniff_content_type(copy) == files.ODT
    assert files.document_metadata(copy, files.ODT) == {}


def test_a_zip_bomb_dressed_as_a_word_document_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "wordprocessingml.document.main+xml")
        z.writestr("word/document.xml", b"\0" * (80 * 1024 * 1024))
    assert len(out.getvalue()) < 1024 * 1024
    assert files.sniff_content_type(out.getvalue()) is None
