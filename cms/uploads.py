"""Upload validation by content: a file must be what its name says it is.

Extension allow-lists (WAGTAILDOCS_EXTENSIONS, WAGTAILIMAGES_EXTENSIONS) only look at the name,
so an executable renamed to ``report.pdf`` would pass them. These checks read the file's first
bytes and refuse anything whose content does not match its extension, and refuse outright the
kinds of file that can run code in a visitor's browser or on a desktop (executables, HTML, SVG
with script). Wagtail's document form calls them (ContentCheckedDocumentForm below); any other
upload form in the project (the author portal's manuscripts, say) calls ``validate_upload``.
"""

import os
import re
import zipfile

import filetype
from django.core.exceptions import ValidationError
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
