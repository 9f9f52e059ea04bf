"""Signal wiring of the site core: document text extraction and page-cache invalidation."""

from django.db.models.signals import post_save
from wagtail.documents import get_document_model


def queue_text_extraction(sender, instance, created, raw=False, update_fields=None, **kwargs):
    if raw:  # fixtures
        return
    if update_fields is not None and set(update_fields) <= {"extracted_text", "file_hash",
                                                            "file_size"}:
        return
    from cms.tasks import extract_document_text_task

    extract_document_text_task.enqueue(instance.pk)


def register_signal_handlers():
    post_save.connect(
        queue_text_extraction, sender=get_document_model(),
        dispatch_uid="cms_queue_text_extraction",
    )
