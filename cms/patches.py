"""Changes to Wagtail's behaviour, each dated and naming what it works around."""


def retry_file_deletion_until_done():
    """2026-12, Wagtail 8.0: deleting a document, image or rendition queues
    ``wagtail.tasks.delete_file_from_storage_task`` once, after the commit. If the store is down
    the task fails, nothing retries it, and the object stays in the bucket for good. The project's
    receiver (``cms.stored_files.delete_file_of``) records the deletion in the same transaction
    and retries until the object is gone, so Wagtail's receivers are replaced by it.

    The cms app is ready before Wagtail's apps register their receivers, so the module-level
    functions they connect are swapped here; any receiver already connected is disconnected.
    """
    from django.db.models.signals import post_delete
    from wagtail.documents import signal_handlers as document_handlers
    from wagtail.images import signal_handlers as image_handlers

    from cms.stored_files import delete_file_of

    for module in (document_handlers, image_handlers):
        original = module.post_delete_file_cleanup
        if original is delete_file_of:
            continue
        for model in _models_with_wagtail_cleanup():
            post_delete.disconnect(original, sender=model)
        module.post_delete_file_cleanup = delete_file_of


def _models_with_wagtail_cleanup():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    image_model = get_image_model()
    return [get_document_model(), image_model, image_model.get_rendition_model()]
