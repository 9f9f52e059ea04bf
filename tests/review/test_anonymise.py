"""The identity check: each planted identity is found in the original, none in the copy."""

import io
import zipfile

import pytest
from django.utils import translation
from pypdf import PdfReader

from publications.review import anonymise, files, identity_check

from .hostile_files import (
    AFFILIATION,
    EMAIL,
    NAME,
    ORCID,
    hostile_docx,
    hostile_odt,
    hostile_pdf,
)

AUTHOR = identity_check.person_identities(NAME, name=NAME, email=EMAIL, orcid=ORCID,
                                     affiliation=AFFILIATION)


def found(content, content_type):
    return {(hit.found, hit.part, hit.page)
            for hit in identity_check.find_identities(content, content_type, AUTHOR)}


def test_the_check_finds_the_author_in_every_corner_of_a_pdf():
    assert found(hostile_pdf(), files.PDF) >= {
        (NAME, "annotation", 1),  # the comment's text, in capitals and with an accent
        (EMAIL, "link", 1),  # mailto: target
        (ORCID, "metadata", 1),  # XMP of the page
        (EMAIL, "metadata", 1),  # application data of the page
        (AFFILIATION, "form", 1),  # the form field's value, on its page
        ("Haddad", "attachment", None),  # the attached file's name
        (NAME, "script", None),  # a document script
        (EMAIL, "script", None),  # the action run on opening
        ("Amira", "outline", None),  # a bookmark
        (NAME, "metadata", None),  # the document's information
        ("Haddad", "other", None),  # XMP of a drawing on the page
    }


def test_each_hit_says_where_and_quotes_its_context():
    hit = next(h for h in identity_check.find_identities(hostile_pdf(), files.PDF, AUTHOR)
               if h.part == "annotation")
    assert hit.person == NAME
    with translation.override("en"):
        assert hit.where == "page 1, comment or annotation"
    assert hit.context == "Note to self (AMIRA HÁDDAD): cite the 2024 paper"
    assert identity_check.Hit(**hit.as_json()) == hit


def test_the_reviewer_copy_of_the_pdf_names_nobody():
    copy = anonymise.clean(hostile_pdf(), files.PDF)
    assert found(copy, files.PDF) == set()
    reader = PdfReader(io.BytesIO(copy))
    root = reader.trailer["/Root"]
    for key in ("/AcroForm", "/Names", "/OpenAction", "/Outlines", "/Metadata", "/AA"):
        assert key not in root, key
    assert reader.attachments == {}
    for page in reader.pages:
        for key in ("/Annots", "/Metadata", "/PieceInfo", "/AA"):
            assert key not in page, key
        for xobject in page["/Resources"].get("/XObject", {}).values():
            assert "/Metadata" not in xobject.get_object()
    assert set(reader.metadata) == {"/Producer"}
    assert "Liaison cells in flood response" in reader.pages[0].extract_text()
    assert "relief agencies" in reader.pages[1].extract_text()
    lowered = copy.lower()
    for planted in (b"haddad", EMAIL.encode(), ORCID.encode(), AFFILIATION.lower().encode()):
        assert planted not in lowered, planted


def test_a_name_in_the_text_itself_stays_and_is_found_on_its_page():
    copy = anonymise.clean(hostile_pdf("Acknowledgements: my supervisor, and Amira Haddad"),
                           files.PDF)
    hits = identity_check.find_identities(copy, files.PDF, AUTHOR)
    assert [(h.found, h.part, h.page) for h in hits] == [(NAME, "text", 1)]
    assert "my supervisor, and Amira Haddad" in hits[0].context


def _everything(package):
    with zipfile.ZipFile(io.BytesIO(package)) as z:
        return {name: z.read(name) for name in z.namelist()}


def test_the_check_finds_the_author_in_every_corner_of_a_docx_and_the_copy_names_nobody():
    original = hostile_docx()
    assert found(original, files.DOCX) >= {
        (NAME, "word/comments.xml", None),  # split across two runs of the comment's text
        (EMAIL, "word/_rels/document.xml.rels", None),
        (NAME, "word/document.xml", None),  # the tracked change's author
        (ORCID, "docProps/custom.xml", None),
    }
    copy = anonymise.clean(original, files.DOCX)
    assert found(copy, files.DOCX) == set()
    parts = _everything(copy)
    assert {"word/comments.xml", "docProps/custom.xml", "docProps/thumbnail.jpeg"}.isdisjoint(
        parts)
    assert b"commentReference" not in parts["word/document.xml"]
    assert b'Target="mailto:"' in parts["word/_rels/document.xml.rels"]
    assert b"Write to the corresponding author" in parts["word/document.xml"]
    assert files.sniff_content_type(copy) == files.DOCX


def test_the_check_finds_the_author_in_an_odt_and_the_copy_names_nobody():
    original = hostile_odt()
    assert found(original, files.ODT) >= {(NAME, "content.xml", None),
                                          (EMAIL, "content.xml", None),
                                          (NAME, "meta.xml", None)}
    copy = anonymise.clean(original, files.ODT)
    assert found(copy, files.ODT) == set()
    parts = _everything(copy)
    assert "Thumbnails/thumbnail.png" not in parts
    assert b"Thumbnails" not in parts["META-INF/manifest.xml"]
    assert b"Liaison in disaster response" in parts["content.xml"]
    assert files.sniff_content_type(copy) == files.ODT


@pytest.mark.parametrize("name, text, expected", [
    ("Zoë Müller-Öztürk", "as ZOE MULLER argued", ["Zoë", "Müller"]),
    ("Søren Ødegård", "SØREN ØDEGÅRD's data", ["Søren Ødegård"]),  # the full name, not its parts
    ("Jo Li", "Li wrote", []),  # parts of one or two letters are not searched alone...
    ("Ann Smith", "the annual report", []),  # ...a name matches whole words only...
    ("Pieter van der Berg", "in der Stadt", []),  # ...and particles are not names of their own
])
def test_names_match_whatever_their_case_and_accents(name, text, expected):
    identities = identity_check.person_identities(name, name=name)
    hits = identity_check._Matcher(identities).hits(text, "text", 1)
    assert [h.found for h in hits] == expected


def test_a_file_that_cannot_be_read_through_is_a_finding():
    broken = hostile_pdf()[:2000]
    hits = identity_check.find_identities(broken, files.PDF, AUTHOR)
    assert hits and all(h.unreadable for h in hits)


@pytest.mark.parametrize("login, searched", [
    ("amira.haddad@university.example", ""),  # the e-mail address, already searched
    ("ahaddad", "ahaddad"),  # holds a name
    ("ah2024", "ah2024"),  # no word at all
    ("author", ""),  # a word every manuscript uses
])
def test_a_login_is_searched_when_it_tells_who_someone_is(login, searched):
    assert identity_check._identifying_login(login, NAME, EMAIL) == searched


def test_a_reviewers_annotated_pdf_keeps_its_comments_without_their_author():
    copy = anonymise.clean(hostile_pdf(), files.PDF, keep_comments=True)
    reader = PdfReader(io.BytesIO(copy))
    annots = [a.get_object() for a in reader.pages[0]["/Annots"]]
    assert [a["/Subtype"] for a in annots] == ["/Text"]  # the link and the form field went
    assert "/T" not in annots[0]
    # What the comment says is the review; here it names someone, and the check says so.
    assert found(copy, files.PDF) == {(NAME, "annotation", 1)}


def test_a_reviewers_annotated_docx_and_odt_keep_their_comments_without_their_authors():
    docx = _everything(anonymise.clean(hostile_docx(), files.DOCX, keep_comments=True))
    assert b"Note to self" in docx["word/comments.xml"]
    assert b'w:author=""' in docx["word/comments.xml"]
    assert b"commentReference" in docx["word/document.xml"]
    assert b'Target="comments.xml"' in docx["word/_rels/document.xml.rels"]
    assert "docProps/custom.xml" not in docx
    odt = _everything(anonymise.clean(hostile_odt(), files.ODT, keep_comments=True))
    assert b"<office:annotation><dc:creator></dc:creator><text:p>Note to self" in odt[
        "content.xml"]
