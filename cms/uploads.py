"""Upload checking by content, for the whole project: a file must be what it claims to be.

Two entry points, one for each kind of upload:

- ``validate_upload`` for files that carry their kind in their name: Wagtail's documents
  (``ContentCheckedDocumentForm``, WAGTAILDOCS_DOCUMENT_FORM_BASE). Extension allow-lists only
  look at the name, so an executable renamed to ``report.pdf`` would pass them: this reads the
  file's first bytes and refuses anything whose content does not match its extension, and refuses
  outright the kinds of file that can run code in a browser or on a desktop.
- ``check_upload`` for the peer-review pipeline's manuscripts and review files, whose names say
  nothing: the kind is judged from the bytes alone (``sniff_content_type``: a PDF must parse, a
  DOCX or ODT must be a package that declares itself as one and is no zip bomb).
"""

import io
import os
import re
import zipfile
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

# Enough of the file's start for filetype's signatures and for spotting markup in text files.
HEAD_BYTES = 8192

# What filetype may report for each extension we accept. Office formats are ZIP containers:
# filetype names some of them precisely and reports others as plain ZIP, so both are accepted
# and the container is then opened to check that it holds the expected document.
EXPECTED_KINDS = {
    "pdf": {"pdf"},
    "zip": {"zip"},
    "docx": {"docx", "zip"},
    "xlsx": {"xlsx", "zip"},
    "pptx": {"pptx", "zip"},
    "odt": {"odt", "zip"},
    "rtf": {"rtf"},
    "gif": {"gif"},
    "jpg": {"jpg"},
    "jpeg": {"jpg"},
    "png": {"png", "apng"},
    "webp": {"webp"},
    "avif": {"avif"},
}
# Plain-text formats have no signature: they must decode as text and carry no markup.
TEXT_EXTENSIONS = {"csv", "txt"}

# A file whose content is one of these is refused whatever its name.
DANGEROUS_KINDS = {"exe", "elf", "deb", "rpm", "cab", "swf", "crx", "wasm"}
# Magic numbers filetype does not know: Mach-O binaries, shell scripts, Windows shortcuts.
DANGEROUS_PREFIXES = (
    b"MZ",  # DOS/Windows executables and DLLs
    b"\x7fELF",
    b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf", b"\xce\xfa\xed\xfe", b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",
    b"#!",
    b"L\x00\x00\x00\x01\x14\x02\x00",
)
# Markup a browser would execute if the file were ever served inline.
ACTIVE_MARKUP = re.compile(
    rb"<\s*(script|svg|html|iframe|object|embed)\b|javascript:|<[^>]*\bon[a-z]+\s*=",
    re.IGNORECASE,
)

OFFICE_MEMBERS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}


def _read_head(uploaded_file):
    position = uploaded_file.tell() if hasattr(uploaded_file, "tell") else 0
    uploaded_file.seek(0)
    head = uploaded_file.read(HEAD_BYTES)
    uploaded_file.seek(position)
    return head


def _extension(name):
    return os.path.splitext(name or "")[1].lower().lstrip(".")


def _check_office_container(uploaded_file, extension):
    """A .docx/.xlsx/.pptx/.odt must be a ZIP that holds that kind of document."""
    position = uploaded_file.tell()
    uploaded_file.seek(0)
    try:
        with zipfile.ZipFile(uploaded_file) as archive:
            names = set(archive.namelist())
            if extension == "odt":
                mimetype = archive.read("mimetype") if "mimetype" in names else b""
                return mimetype.strip() == b"application/vnd.oasis.opendocument.text"
            return OFFICE_MEMBERS[extension] in names
    except (zipfile.BadZipFile, KeyError, OSError):
        return False
    finally:
        uploaded_file.seek(position)


def validate_upload(uploaded_file, allowed_extensions=None):
    """Raise ValidationError unless the file's content matches its (allowed) extension.

    ``allowed_extensions`` narrows the accepted kinds (for example ``{"pdf"}`` for a
    manuscript); by default every extension this module knows is accepted.
    """
    name = getattr(uploaded_file, "name", "")
    extension = _extension(name)
    known = set(EXPECTED_KINDS) | TEXT_EXTENSIONS
    allowed = set(allowed_extensions) & known if allowed_extensions else known
    if extension not in allowed:
        raise ValidationError(
            _("Files of type “%(extension)s” cannot be uploaded here."),
            code="invalid_extension",
            params={"extension": extension or "?"},
        )

    head = _read_head(uploaded_file)
    if not head:
        raise ValidationError(_("The file is empty."), code="empty_file")

    kind = filetype.guess(head)
    if (kind and kind.extension in DANGEROUS_KINDS) or head.startswith(DANGEROUS_PREFIXES):
        raise ValidationError(
            _("This file is a program, not a document, and cannot be uploaded."),
            code="executable",
        )

    if extension in TEXT_EXTENSIONS:
        if kind is not None or b"\x00" in head:
            raise ValidationError(
                _("A .%(extension)s file must contain plain text."),
                code="content_mismatch",
                params={"extension": extension},
            )
        if ACTIVE_MARKUP.search(head):
            raise ValidationError(
                _("This text file contains HTML or script, which is not allowed."),
                code="active_content",
            )
        return

    if kind is None or kind.extension not in EXPECTED_KINDS[extension]:
        raise ValidationError(
            _("The file's content is not a valid .%(extension)s file."),
            code="content_mismatch",
            params={"extension": extension},
        )
    if extension in OFFICE_MEMBERS or extension == "odt":
        if not _check_office_container(uploaded_file, extension):
            raise ValidationError(
                _("The file's content is not a valid .%(extension)s file."),
                code="content_mismatch",
                params={"extension": extension},
            )


class ContentCheckedDocumentForm(BaseDocumentForm):
    """Wagtail's document form (single and multiple upload; WAGTAILDOCS_DOCUMENT_FORM_BASE)
    refuses files whose content does not match their extension."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        # Only a newly uploaded file needs checking; an unchanged one was checked on its way in.
        if uploaded and "file" in self.changed_data:
            validate_upload(uploaded)
        return uploaded


# Manuscripts and review files: the kind from the bytes alone -------------------------------

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
            _gettext("The file is too large (%(size)s); the limit is %(limit)s.")
            % {"size": filesizeformat(uploaded.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    if uploaded.size == 0:
        raise ValidationError(_gettext("The file is empty."), code="empty")
    content = b"".join(uploaded.chunks())
    content_type = sniff_content_type(content)
    if content_type not in allowed:
        raise ValidationError(
            _gettext("This file is not a PDF, DOCX or ODT document; please upload one of those."),
            code="bad_type",
        )
    return CheckedUpload(content=content, content_type=content_type, original_name=uploaded.name)
