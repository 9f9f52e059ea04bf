"""Submission files: checking uploads by content, making the reviewer's copy, serving privately.

Uploads are identified by what is inside them, never by their name or the browser's claim: a PDF
must parse as one, a DOCX or ODT must be a ZIP package that declares itself as such.
"""

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass

from defusedxml import ElementTree as SafeET
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.http import FileResponse, HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from cms.stored_files import atomic_with_files, remember_written

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
EXTENSIONS = {PDF: "pdf", DOCX: "docx", ODT: "odt"}
MANUSCRIPT_TYPES = (PDF, DOCX, ODT)
MAX_UNPACKED_RATIO = 50


@dataclass
class CheckedUpload:
    content: bytes
    content_type: str
    original_name: str

    @property
    def extension(self):
        return EXTENSIONS[self.content_type]


def sniff_content_type(content):
    """The content type of a PDF, DOCX or ODT judged by its bytes, or None."""
    if content.startswith(b"%PDF-"):
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError

        try:
            reader = PdfReader(io.BytesIO(content))
            if len(reader.pages) < 1:
                return None
        except (PdfReadError, ValueError, KeyError, TypeError, AttributeError):
            return None
        except Exception:  # pypdf raises assorted errors on hostile input; any is a refusal
            return None
        return PDF
    if content.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as package:
                # A package that unpacks to far more than its size is a zip bomb, not a paper.
                unpacked = sum(info.file_size for info in package.infolist())
                if unpacked > MAX_UNPACKED_RATIO * max(len(content), 1024 * 1024):
                    return None
                names = set(package.namelist())
                if "mimetype" in names and package.read("mimetype").strip() == ODT.encode():
                    return ODT if "content.xml" in names else None
                if "[Content_Types].xml" in names and "word/document.xml" in names:
                    types = package.read("[Content_Types].xml").decode("utf-8", "replace")
                    if "wordprocessingml.document.main+xml" in types:
                        return DOCX
        except (zipfile.BadZipFile, KeyError, OSError):
            return None
    return None


def check_upload(uploaded, allowed=MANUSCRIPT_TYPES):
    """Read an uploaded file and return it checked, or raise a ValidationError that says why."""
    limit = settings.SUBMISSION_MAX_UPLOAD_SIZE
    if uploaded.size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s); the limit is %(limit)s.")
            % {"size": filesizeformat(uploaded.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    if uploaded.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    content = b"".join(uploaded.chunks())
    content_type = sniff_content_type(content)
    if content_type not in allowed:
        raise ValidationError(
            _("This file is not a PDF, DOCX or ODT document; please upload one of those."),
            code="bad_type",
        )
    return CheckedUpload(content=content, content_type=content_type, original_name=uploaded.name)


# The reviewer's copy -------------------------------------------------------------------------

def _strip_pdf(content):
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter()
    # Copy page by page rather than cloning the document, so that the old Info dictionary and
    # XMP stream are never carried over, even as unreferenced objects.
    for page in PdfReader(io.BytesIO(content)).pages:
        writer.add_page(page)
    for page in writer.pages:
        if "/Metadata" in page:
            del page[NameObject("/Metadata")]
        for annot in page.get("/Annots", []) or []:
            annot = annot.get_object()
            for key in ("/T", "/RC"):  # comment author, rich text that may sign it
                if key in annot:
                    del annot[NameObject(key)]
    writer.metadata = None
    writer.xmp_metadata = None
    writer.add_metadata({"/Producer": "JCMI review"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


_NEUTRAL_CORE = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    b'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"/>'
)
_NEUTRAL_APP = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-'
    b'properties"/>'
)
_NEUTRAL_ODT_META = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    b'office:version="1.3"><office:meta/></office:document-meta>'
)
# Attributes that carry a person inside a Word part: comment and tracked-change authors and their
# initials (w:), and the Office 2013+ extensions (w15:, w16cid:, w16cex: ...) that repeat the
# author or add their account id. Matched whatever the namespace prefix, since Word adds new
# prefixes with each version and an unknown one must not let a name through.
_DOCX_PERSON_ATTR = re.compile(
    rb"""\s((?:[\w.-]+:)?(?:author|initials|userId|providerId))=("[^"]*"|'[^']*')""")
# Parts that exist only to describe people; they are dropped whole, with every reference to them.
_DOCX_PEOPLE_PART = "word/people.xml"
_DOCX_PEOPLE_REL_TYPE = "/relationships/people"
_RELATIONSHIP = re.compile(rb"<Relationship\b[^>]*?/>|<Relationship\b[^>]*?>.*?</Relationship>",
                           re.S)
_OVERRIDE = re.compile(rb"<Override\b[^>]*?/>|<Override\b[^>]*?>.*?</Override>", re.S)
_XML_ATTR = re.compile(rb"""([\w:.-]+)=("[^"]*"|'[^']*')""")
# ODF annotations and tracked changes sign themselves with a creator and the creator's initials
# (meta: since ODF 1.3, loext: in older LibreOffice files).
_ODT_CREATOR = re.compile(rb"<dc:creator(\s[^>]*)?(?<!/)>.*?</dc:creator>", re.S)
_ODT_INITIALS = re.compile(
    rb"<(?:meta:creator-initials|loext:sender-initials)(?:\s[^>]*)?/>|"
    rb"<(meta:creator-initials|loext:sender-initials)(?:\s[^>]*)?(?<!/)>.*?</\1>", re.S)


def _attributes(tag):
    return {name.decode(): value[1:-1].decode("utf-8", "replace")
            for name, value in _XML_ATTR.findall(tag)}


def _rels_source_folder(rels_name):
    """The folder that a .rels part's relative targets start from ("word/_rels/x.rels" → word)."""
    return posixpath.dirname(posixpath.dirname(rels_name))


def _resolve_target(rels_name, target):
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(_rels_source_folder(rels_name), target))


def _rewrite_zip(content, replace):
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            data = replace(info.filename, data)
            if data is None:
                continue
            # ODT requires "mimetype" first and stored uncompressed; keep each entry's method.
            dst.writestr(info.filename, data, compress_type=info.compress_type)
    return out.getvalue()


def _docx_dropped_parts(content):
    """Parts of a DOCX package that only describe people, as package names (no leading "/")."""
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        names = set(package.namelist())
        dropped = {"docProps/custom.xml", _DOCX_PEOPLE_PART} & names
        # people.xml may live elsewhere: find it by the relationship type that points at it.
        for rels_name in (n for n in names if n.endswith(".rels")):
            for tag in _RELATIONSHIP.findall(package.read(rels_name)):
                attrs = _attributes(tag)
                if (attrs.get("Type", "").endswith(_DOCX_PEOPLE_REL_TYPE)
                        and attrs.get("TargetMode") != "External"):
                    target = _resolve_target(rels_name, attrs.get("Target", ""))
                    if target in names:
                        dropped.add(target)
    return dropped


def _strip_docx(content):
    dropped = _docx_dropped_parts(content)

    def drop_relationships(rels_name, data):
        # A relationship to a missing part makes Word call the file corrupt: remove it with the
        # part, and the content-type override below likewise.
        def keep(match):
            attrs = _attributes(match.group(0))
            if attrs.get("TargetMode") == "External":
                return match.group(0)
            target = _resolve_target(rels_name, attrs.get("Target", ""))
            return b"" if target in dropped else match.group(0)

        return _RELATIONSHIP.sub(keep, data)

    def drop_overrides(data):
        def keep(match):
            part = _attributes(match.group(0)).get("PartName", "").lstrip("/")
            return b"" if part in dropped else match.group(0)

        return _OVERRIDE.sub(keep, data)

    def replace(name, data):
        if name in dropped:
            return None
        if name == "docProps/core.xml":
            return _NEUTRAL_CORE
        if name == "docProps/app.xml":
            return _NEUTRAL_APP
        if name == "[Content_Types].xml":
            return drop_overrides(data)
        if name.endswith(".rels"):
            return drop_relationships(name, data)
        if name.startswith("word/") and name.endswith(".xml"):
            return _DOCX_PERSON_ATTR.sub(rb' \1=""', data)
        return data

    return _rewrite_zip(content, replace)


def _strip_odt(content):
    def replace(name, data):
        if name == "meta.xml":
            return _NEUTRAL_ODT_META
        if name in ("content.xml", "styles.xml"):
            data = _ODT_CREATOR.sub(b"<dc:creator></dc:creator>", data)
            return _ODT_INITIALS.sub(b"", data)
        return data

    return _rewrite_zip(content, replace)


def anonymised_copy(content, content_type):
    """The same document with its metadata (authors, editors, comment authors) removed."""
    strip = {PDF: _strip_pdf, DOCX: _strip_docx, ODT: _strip_odt}[content_type]
    return strip(content)


# Elements whose text names a person, by local name: package properties (DOCX core and app, ODT
# meta) and the creators and initials that sign ODF annotations and tracked changes.
_PERSON_ELEMENTS = {"creator", "lastModifiedBy", "initial-creator", "creator-initials",
                    "sender-initials", "Company", "Manager"}


def _named_people(xml):
    """Texts of the person-naming elements and attributes of one XML part, by local name."""
    found = {}
    for element in SafeET.fromstring(xml).iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag in _PERSON_ELEMENTS and (element.text or "").strip():
            found.setdefault(tag, element.text.strip())
        for attribute, value in element.attrib.items():
            name = attribute.rsplit("}", 1)[-1]
            if name in ("author", "initials", "userId", "providerId") and value.strip():
                found.setdefault(name, value.strip())
    return found


def document_metadata(content, content_type):
    """The identifying metadata a document still carries, for the editor's anonymity check.

    Looks wherever the reviewer's copy is stripped, not only at the package properties: a
    comment author or a Word account id in any part names the author just as well.
    """
    found = {}
    if content_type == PDF:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(content))
        for key, value in (reader.metadata or {}).items():
            if key in ("/Author", "/Creator", "/Title", "/Subject", "/Keywords") and value:
                found[key.lstrip("/")] = str(value)
        if "/Metadata" in reader.trailer["/Root"]:
            found["XMP"] = _("an XMP metadata packet")
        return found
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        names = package.namelist()
        if content_type == DOCX:
            parts = [n for n in names if n in ("docProps/core.xml", "docProps/app.xml")
                     or (n.startswith("word/") and n.endswith(".xml"))]
            if "docProps/custom.xml" in names:
                found["custom"] = _("custom document properties")
            if _docx_dropped_parts(content) - {"docProps/custom.xml"}:
                found["people"] = _("a list of the document's authors (people.xml)")
        else:
            parts = [n for n in names if n in ("meta.xml", "content.xml", "styles.xml")]
        for name in parts:
            try:
                people = _named_people(package.read(name))
            except (SafeET.ParseError, ValueError):  # defusedxml refuses DTDs and entities
                # A part the check cannot read is a part it cannot vouch for.
                found.setdefault(name, _("a part that could not be checked"))
                continue
            for key, value in people.items():
                found.setdefault(key, value)
    return found


def neutral_name(round_number, extension):
    return f"manuscript-round-{round_number}.{extension}"


def store(submission, kind, checked, *, round_number, user, download_name=None, assignment=None):
    """Save a checked upload as the next version of its kind in this round.

    Callers that store several files, or write rows after them, do so inside
    ``cms.stored_files.atomic_with_files()`` so that a failure leaves none of them behind.
    """
    from publications.models import SubmissionFile

    version = (
        SubmissionFile.objects.filter(
            submission=submission, round_number=round_number, kind=kind, assignment=assignment
        ).count()
        + 1
    )
    record = SubmissionFile(
        submission=submission,
        round_number=round_number,
        kind=kind,
        version=version,
        original_name=checked.original_name[:255],
        download_name=(download_name
                       or f"{kind}-round-{round_number}-v{version}.{checked.extension}"),
        content_type=checked.content_type,
        size=len(checked.content),
        uploaded_by=user,
        assignment=assignment,
    )
    # The object is written before its row: a failure of either, here or later in the caller's
    # atomic_with_files() block, removes the object again.
    with atomic_with_files():
        record.file.save(f"{kind}-v{version}.{checked.extension}", ContentFile(checked.content),
                         save=False)
        remember_written(record.file)
        record.save()
    return record


def serve(request, submission_file):
    """Hand a private file to someone already allowed to have it.

    Local storage streams it; a remote storage (S3) redirects to its short-lived signed URL.
    """
    storage = submission_file.file.storage
    try:
        storage.path(submission_file.file.name)
    except NotImplementedError:
        disposition = f'attachment; filename="{submission_file.download_name}"'
        try:
            # S3 signs the download name into the URL, so the neutral name survives the redirect.
            url = storage.url(submission_file.file.name,
                              parameters={"ResponseContentDisposition": disposition})
        except TypeError:  # another remote storage without per-URL parameters
            url = storage.url(submission_file.file.name)
        response = HttpResponseRedirect(url)
        response["Cache-Control"] = "private, no-store"
        return response
    response = FileResponse(
        submission_file.file.open("rb"),
        as_attachment=True,
        filename=submission_file.download_name,
        content_type=submission_file.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
