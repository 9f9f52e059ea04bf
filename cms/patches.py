"""Work-arounds for upstream issues, each dated and named; drop one when its cause is fixed.

``refuse_unreadable_images`` (2026-12-07, Wagtail 8.0, ``WagtailImageField``'s
``check_image_pixel_size``): a file whose first bytes are an image signature (``GIF89a``) but
which holds no image passes Willow's format check, then Pillow raises
``UnidentifiedImageError`` while the size is read, and the upload answers 500. The patch turns
any failure to read the size into the field's own "Upload a valid image" error, as
``to_python`` already does for files Willow cannot open.

``retry_file_deletion_until_done`` (2026-12, Wagtail 8.0): see its docstring.
"""

import functools

from django.core.exceptions import ValidationError


def refuse_unreadable_images():
    from wagtail.images.fields import WagtailImageField

    original = WagtailImageField.check_image_pixel_size
    if getattr(original, "_jcmi_patched", False):
        return

    @functools.wraps(original)
    def check_image_pixel_size(self, f):
        try:
            return original(self, f)
        except ValidationError:
            raise
        except Exception as exc:  # Pillow raises OSError, SyntaxError, ValueError... per format
            raise ValidationError(self.error_messages["invalid_image"],
                                  code="invalid_image") from exc

    check_image_pixel_size._jcmi_patched = True
    WagtailImageField.check_image_pixel_size = check_image_pixel_size

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
