"""Where files live: local folders by default, S3 when AWS_STORAGE_BUCKET_NAME is set.

Three storages (settings.STORAGES):

* ``default``: images and renditions, publicly readable (through AWS_S3_CUSTOM_DOMAIN if set).
* ``documents``: Wagtail documents. Uploaded private; a document is made publicly readable only
  while its collection has no view restriction (``sync_document_acl``). Links go through
  Wagtail's document view, which checks the collection's privacy and then redirects to a
  short-lived signed URL (WAGTAILDOCS_SERVE_METHOD = "redirect").
* ``private``: manuscripts and review files. Never public; a view checks permission first and
  then hands out a signed URL that lives PRIVATE_URL_EXPIRY seconds (``private_file_response``).
"""

import logging

from django.conf import settings
from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import FileResponse, HttpResponse, HttpResponseRedirect, JsonResponse
from django.utils.functional import LazyObject, empty
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


class _DocumentStorage(LazyObject):
    """The ``documents`` storage when configured, else ``default``; follows settings changes."""

    def _setup(self):
        alias = "documents" if "documents" in settings.STORAGES else "default"
        self._wrapped = storages[alias]


document_storage = _DocumentStorage()


def get_document_storage():
    # A callable, so migrations record a reference rather than the storage's settings.
    return document_storage


class _PrivateStorage(LazyObject):
    """The ``private`` storage; follows settings changes.

    A model field calls its storage callable once, when the model class is made, so a field
    that named ``storages["private"]`` directly would keep whatever storage existed then.
    """

    def _setup(self):
        self._wrapped = storages["private"]


private_storage = _PrivateStorage()


@receiver(setting_changed)
def _reset_lazy_storages(setting, **kwargs):
    if setting == "STORAGES":
        document_storage._wrapped = empty
        private_storage._wrapped = empty


def is_s3(storage):
    from storages.backends.s3 import S3Storage

    if isinstance(storage, LazyObject):
        if storage._wrapped is empty:
            storage._setup()
        storage = storage._wrapped
    return isinstance(storage, S3Storage)


def document_is_public(document):
    """Public when neither the document's collection nor any ancestor restricts viewing."""
    return not document.collection.get_view_restrictions().exists()


def set_document_acl(document, acl):
    """Give the document's S3 object this canned ACL ("private", "public-read"); not off S3."""
    storage = document.file.storage
    if not document.file or not is_s3(storage):
        return None
    storage.bucket.Object(storage._normalize_name(document.file.name)).Acl().put(ACL=acl)
    return acl


def sync_document_acl(document):
    """Make the S3 object match the collection's privacy. Does nothing off S3."""
    return set_document_acl(document, "public-read" if document_is_public(document) else "private")


def signed_url(fieldfile, expire=None):
    """A URL for a file in private storage, signed for PRIVATE_URL_EXPIRY seconds on S3."""
    expire = expire or settings.PRIVATE_URL_EXPIRY
    return fieldfile.storage.url(fieldfile.name, expire=expire)


def private_file_response(fieldfile, *, download_name=None):
    """Hand a private file to someone a view has ALREADY checked may have it.

    On S3: a redirect to a signed URL that expires after PRIVATE_URL_EXPIRY seconds. On the
    file system (development): the file itself, streamed, as an attachment.
    """
    if is_s3(fieldfile.storage):
        response = HttpResponseRedirect(signed_url(fieldfile))
    else:
        response = FileResponse(
            fieldfile.open("rb"), as_attachment=True,
            filename=download_name or fieldfile.name.rsplit("/", 1)[-1],
        )
    # The signed URL and the file are for this person only.
    response["Cache-Control"] = "private, no-store"
    return response


STORAGE_ERROR_MESSAGE = _(
    "The file store could not be reached, so nothing was saved. Please try again in a few "
    "minutes."
)


def remote_storage_errors():
    """What boto3 raises when S3 cannot be reached or refuses a request."""
    try:
        from boto3.exceptions import Boto3Error
        from botocore.exceptions import BotoCoreError, ClientError
    except ImportError:  # pragma: no cover - boto3 is a dependency
        return ()
    return (BotoCoreError, ClientError, Boto3Error)


class StorageErrorMiddleware:
    """An S3 outage during an upload answers 503 with a clear message instead of a 500.

    A file is written before its database row (FileField.pre_save), so a single failed write
    leaves nothing; views that write several files do so in ``cms.stored_files.
    atomic_with_files()``, which removes those already written when a later one fails.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.errors = remote_storage_errors()

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not self.errors or not isinstance(exception, self.errors):
            return None
        logger.error("File storage failed: %s", exception, exc_info=exception)
        message = str(STORAGE_ERROR_MESSAGE)
        wants_json = (
            "application/json" in request.headers.get("Accept", "")
            or request.headers.get("X-Requested-With") == "XMLHttpRequest"
        )
        if wants_json:
            response = JsonResponse({"success": False, "error_message": message}, status=503)
        else:
            response = HttpResponse(
                f"<!DOCTYPE html><title>{escape(message)}</title><h1>{escape(message)}</h1>",
                status=503,
            )
        response["Retry-After"] = "120"
        return response
