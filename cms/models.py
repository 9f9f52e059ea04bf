"""Media models shared by every app: images carry a credit, documents can extract their text.

Both are swapped in through WAGTAILIMAGES_IMAGE_MODEL and WAGTAILDOCS_DOCUMENT_MODEL, so other
apps refer to them with ``get_image_model_string()`` / ``get_document_model_string()``.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.search import index

from cms.storage import get_document_storage


class CustomImage(AbstractImage):
    credit = models.CharField(_("credit"), max_length=255, blank=True)

    admin_form_fields = Image.admin_form_fields + ("credit",)


class Rendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class CustomDocument(AbstractDocument):
    # Documents have their own storage: on S3 they are private unless their collection is public.
    file = models.FileField(
        upload_to="documents", verbose_name=_("file"), storage=get_document_storage
    )
    # Plain text of the file (a PDF's words), filled in the background so search can find it.
    extracted_text = models.TextField(blank=True, editable=False)
    # A PDF's first page as an image (cms.covers), drawn in the background after each upload;
    # ``cover_of`` names the file it was drawn from (or that could not be drawn).
    cover = models.ForeignKey(
        CustomImage, verbose_name=_("cover"), null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="+",
    )
    cover_of = models.CharField(max_length=255, blank=True, editable=False)

    admin_form_fields = Document.admin_form_fields

    search_fields = AbstractDocument.search_fields + [
        index.SearchField("extracted_text"),
    ]

    def clean(self):
        # Wagtail checks the extension of the model's file even when the form refused the upload
        # (too big, content not what its name says): the file is then empty, and the editor got
        # a second, baffling error, "File extension “” is not allowed". The form has said why.
        if not self.file:
            return
        super().clean()


class PendingFileDeletion(models.Model):
    """A stored file whose record is gone and whose object must go too.

    Written in the same transaction as the deletion of the record, so it survives a file store
    that is down, a worker that restarts or a task that is lost; ``cms.stored_files`` removes the
    object and then this row, trying again with a growing delay until the store answers.
    """

    storage = models.CharField(max_length=50)  # an alias of settings.STORAGES
    name = models.CharField(max_length=1024)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["next_attempt_at", "pk"]

    def __str__(self):
        return f"{self.storage}:{self.name}"
