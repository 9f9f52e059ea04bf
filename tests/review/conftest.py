"""Shared fixtures for the peer-review journeys: real users, a real series, real documents."""

import io
import zipfile

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from wagtail.models import Locale

from publications.models import Series
from publications.review.factories import AccountFactory

PASSWORD = "a-long-test-passphrase-2026"
AUTHOR_NAME = "Amira Haddad"
AUTHOR_EMAIL = "amira.haddad@university.example"


def make_pdf(text="Civil-military coordination after the 2026 floods", author=AUTHOR_NAME,
             annotate=False):
    """A real PDF with text on its page and the author's name in its Info and XMP metadata."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setAuthor(author)
    pdf.setTitle("Draft manuscript")
    pdf.setCreator(f"{author}'s word processor")
    pdf.drawString(72, 760, text)
    pdf.drawString(72, 740, "Findings on liaison between relief agencies and military units.")
    pdf.showPage()
    pdf.save()
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        FloatObject,
        NameObject,
        TextStringObject,
    )

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(buffer.getvalue())))
    writer.add_metadata({"/Author": author})
    writer.xmp_metadata = (
        '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>'
        f'{author}</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>'
        '<?xpacket end="w"?>'
    ).encode()
    if annotate:
        annot = DictionaryObject({
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Text"),
            NameObject("/Rect"): ArrayObject([FloatObject(10), FloatObject(10), FloatObject(20),
                                              FloatObject(20)]),
            NameObject("/T"): TextStringObject(author),
            NameObject("/Contents"): TextStringObject("Check this figure"),
        })
        writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(annot)])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


W_MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
W16CEX = "http://schemas.microsoft.com/office/word/2018/wordml/cex"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def make_docx(author=AUTHOR_NAME, email=AUTHOR_EMAIL):
    """A minimal but valid DOCX package that names the author the ways Word does: in the package
    properties, on a comment and a tracked change, in the Office 2013+ people part (with the
    Word account's e-mail) and on the Office 2018 comment extension."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org'
            '/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.document.main+xml"/>'
            '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.comments+xml"/>'
            '<Override PartName="/word/commentsExtensible.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.wordprocessingml.commentsExtensible+xml"/>'
            '<Override PartName="/word/people.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.people+xml"/>'
            '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
            'package.core-properties+xml"/></Types>'))
        z.writestr("_rels/.rels", (
            f'<Relationships xmlns="{RELS}">'
            f'<Relationship Id="rId1" Type="{OFFICE_RELS}/officeDocument" '
            'Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
            'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '</Relationships>'))
        z.writestr("word/_rels/document.xml.rels", (
            f'<Relationships xmlns="{RELS}">'
            f'<Relationship Id="rId1" Type="{OFFICE_RELS}/comments" Target="comments.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2018/08/'
            'relationships/commentsExtensible" Target="commentsExtensible.xml"/>'
            '<Relationship Id="rId3" Type="http://schemas.microsoft.com/office/2011/'
            'relationships/people" Target="people.xml"/>'
            '</Relationships>'))
        z.writestr("word/document.xml", (
            f'<w:document xmlns:w="{W_MAIN}"><w:body><w:p><w:r><w:t>Liaison in disaster '
            f'response</w:t></w:r><w:ins w:id="1" w:author="{author}" w:date="2026-01-05T10:00:'
            '00Z"><w:r><w:t> and recovery</w:t></w:r></w:ins></w:p></w:body></w:document>'))
        z.writestr("word/comments.xml", (
            f'<w:comments xmlns:w="{W_MAIN}">'
            f'<w:comment w:id="0" w:author="{author}" w:initials="AH"><w:p><w:r><w:t>fix'
            '</w:t></w:r></w:p></w:comment></w:comments>'))
        z.writestr("word/commentsExtensible.xml", (
            f'<w16cex:commentsExtensible xmlns:w16cex="{W16CEX}"><w16cex:commentExtensible '
            f'w16cex:durableId="1A2B3C4D" w16cex:dateUtc="2026-01-05T10:00:00Z" '
            f"w16cex:author='{author}'/></w16cex:commentsExtensible>"))
        z.writestr("word/people.xml", (
            f'<w15:people xmlns:w15="{W15}"><w15:person w15:author="{author}">'
            f'<w15:presenceInfo w15:providerId="AD" w15:userId="{email}"/></w15:person>'
            '</w15:people>'))
        z.writestr("docProps/core.xml", (
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata'
            '/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy>'
            '</cp:coreProperties>'))
        z.writestr("docProps/app.xml", (
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-'
            f'properties"><Company>{author} Institute</Company></Properties>'))
    return out.getvalue()


def make_odt(author=AUTHOR_NAME):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", (
            '<office:document-content '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
            ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
            ' xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
            ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
            '<office:body><office:text>'
            f'<office:annotation><dc:creator>{author}</dc:creator>'
            '<meta:creator-initials>AH</meta:creator-initials><dc:date>2026-01-05</dc:date>'
            '<text:p>Check this figure</text:p></office:annotation>'
            '</office:text></office:body></office:document-content>'), zipfile.ZIP_DEFLATED)
        z.writestr("meta.xml", (
            '<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
            ' xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"><office:meta>'
            f'<meta:initial-creator>{author}</meta:initial-creator></office:meta>'
            '</office:document-meta>'), zipfile.ZIP_DEFLATED)
    return out.getvalue()


def make_user(django_user_model, username, group=None, *, first="", last="", language="en"):
    return AccountFactory(username=username, password=PASSWORD, first_name=first, last_name=last,
                          groups=[group] if group else [],
                          profile__preferred_language=language)


@pytest.fixture
def series(db):
    return Series.objects.create(
        name="Working Papers on Civil-Military Interaction", slug="working-papers",
        kind=Series.Kind.WORKING_PAPER, locale=Locale.get_default(),
    )


@pytest.fixture
def open_series(db):
    return Series.objects.create(
        name="White Papers", slug="white-papers", kind=Series.Kind.WHITE_PAPER,
        review_anonymity=Series.Anonymity.OPEN, locale=Locale.get_default(),
    )


@pytest.fixture
def editor(django_user_model):
    return make_user(django_user_model, "managing-editor", "Managing Editors",
                     first="Jonas", last="Weber")


@pytest.fixture
def reviewers(django_user_model):
    return [
        make_user(django_user_model, "reviewer", "Reviewers", first="Claire", last="Dubois",
                  language="fr"),
        make_user(django_user_model, "reviewer2", "Reviewers", first="Ben", last="Okafor"),
    ]


@pytest.fixture
def author(django_user_model):
    return make_user(django_user_model, "author", "Authors", first="Amira", last="Haddad")


@pytest.fixture
def pdf_bytes():
    return make_pdf()


@pytest.fixture(autouse=True)
def _no_task_fails_quietly():
    """The immediate task backend logs a failing task instead of raising: make any failure of a
    notification fail the test that caused it."""
    from django_tasks.base import TaskResultStatus
    from django_tasks.signals import task_finished

    failures = []

    def record(sender, task_result, **kwargs):
        if task_result.status == TaskResultStatus.FAILED:
            failures.append(task_result.errors[-1].traceback)

    task_finished.connect(record)
    yield
    task_finished.disconnect(record)
    assert failures == [], failures[0] if failures else ""
