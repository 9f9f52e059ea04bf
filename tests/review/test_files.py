"""Uploads are judged by their bytes, and the reviewer's copy keeps no trace of its authors."""

import io
import posixpath
import re
import zipfile

import pytest
from pypdf import PdfReader

from publications.review import anonymise, files, identity_check

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


AUTHOR = identity_check.person_identities(AUTHOR_NAME, name=AUTHOR_NAME, email=AUTHOR_EMAIL)


def test_the_reviewer_copy_of_a_pdf_has_no_info_xmp_or_comment():
    original = make_pdf(annotate=True)
    assert AUTHOR_NAME.encode() in original
    found = identity_check.find_identities(original, files.PDF, AUTHOR)
    assert {hit.part for hit in found} == {"annotation", "metadata"}
    copy = anonymise.clean(original, files.PDF)
    assert AUTHOR_NAME.encode() not in copy
    reader = PdfReader(io.BytesIO(copy))
    assert "/Author" not in (reader.metadata or {})
    assert "/Metadata" not in reader.trailer["/Root"]
    assert "/Annots" not in reader.pages[0]
    assert "Civil-military coordination" in reader.pages[0].extract_text()
    assert identity_check.find_identities(copy, files.PDF, AUTHOR) == []


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


def test_the_reviewer_copy_of_a_docx_has_no_properties_comments_or_change_authors():
    original = make_docx()
    found = {(hit.found, hit.part) for hit in identity_check.find_identities(original, files.DOCX,
                                                                        AUTHOR)}
    assert {(AUTHOR_NAME, "word/comments.xml"), (AUTHOR_NAME, "docProps/app.xml"),
            (AUTHOR_EMAIL, "word/people.xml"), (AUTHOR_NAME, "word/document.xml")} <= found
    copy = anonymise.clean(original, files.DOCX)
    parts = _parts(copy)
    assert b"Liaison in disaster response" in parts["word/document.xml"]
    assert b"and recovery" in parts["word/document.xml"]  # the tracked change itself stays
    for name, data in parts.items():
        assert AUTHOR_NAME.encode() not in data, name
        assert AUTHOR_EMAIL.encode() not in data, name
        assert b"Haddad" not in data and b'initials="AH"' not in data, name
    assert files.sniff_content_type(copy) == files.DOCX
    assert identity_check.find_identities(copy, files.DOCX, AUTHOR) == []


def test_the_docx_people_and_comment_parts_go_with_their_relationships_and_content_types():
    original = make_docx()
    assert_docx_package_is_whole(_parts(original))
    parts = _parts(anonymise.clean(original, files.DOCX))
    for part in ("word/people.xml", "word/comments.xml", "word/commentsExtensible.xml"):
        assert part not in parts
    assert b"people" not in parts["word/_rels/document.xml.rels"]
    assert b"comments" not in parts["word/_rels/document.xml.rels"]
    assert b"people" not in parts["[Content_Types].xml"]
    assert b"/word/document.xml" in parts["[Content_Types].xml"]
    assert_docx_package_is_whole(parts)


def test_a_part_the_check_cannot_read_is_a_finding():
    with_dtd = anonymise.rewrite_zip(make_docx(), lambda name, data: (
        b'<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>' if name == "docProps/app.xml" else data))
    found = identity_check.find_identities(with_dtd, files.DOCX, AUTHOR)
    assert any(hit.unreadable and hit.part == "docProps/app.xml" for hit in found)


def test_the_reviewer_copy_of_an_odt_has_no_meta_or_annotation():
    original = make_odt()
    found = {hit.part for hit in identity_check.find_identities(original, files.ODT, AUTHOR)}
    assert found == {"meta.xml", "content.xml"}
    copy = anonymise.clean(original, files.ODT)
    with zipfile.ZipFile(io.BytesIO(copy)) as package:
        assert package.namelist()[0] == "mimetype"
        assert package.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
        everything = b"".join(package.read(name) for name in package.namelist())
        content = package.read("content.xml")
    assert AUTHOR_NAME.encode() not in everything
    assert b"creator-initials" not in content and b">AH<" not in content
    assert b"office:annotation" not in content
    assert files.sniff_content_type(copy) == files.ODT
    assert identity_check.find_identities(copy, files.ODT, AUTHOR) == []


def test_a_zip_bomb_dressed_as_a_word_document_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "wordprocessingml.document.main+xml")
        z.writestr("word/document.xml", b"\0" * (80 * 1024 * 1024))
    assert len(out.getvalue()) < 1024 * 1024
    assert files.sniff_content_type(out.getvalue()) is None
