"""Submission files: checking uploads by content, storing them, serving them privately.

Uploads are identified by what is inside them, never by their name or the browser's claim: a PDF
must parse as one, a DOCX or ODT must be a ZIP package that declares itself as such.
"""

import io
import zipfile
from dataclasses import dataclass

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


# The reviewer's copy is made by publications.review.anonymise.

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
