"""Submission files: storing them per round and version, serving them privately.

Uploads reach this module already checked by content (``cms.uploads.check_upload``, the one
upload checker of the project); the reviewer's copy is made by ``anonymise``.
"""


from django.core.files.base import ContentFile
from django.http import FileResponse, HttpResponseRedirect

from cms.stored_files import atomic_with_files, remember_written
from cms.uploads import (  # noqa: F401  (the pipeline's file kinds, named here for its callers)
    DOCX,
    EXTENSIONS,
    MANUSCRIPT_TYPES,
    ODT,
    PDF,
    CheckedUpload,
    check_upload,
    sniff_content_type,
)

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
