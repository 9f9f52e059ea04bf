"""Work-arounds for upstream issues, each dated and named; drop one when its cause is fixed.

2026-12-07, Wagtail 8.0 ``WagtailImageField.check_image_pixel_size``: a file whose first bytes
are an image signature (``GIF89a``) but which holds no image passes Willow's format check, then
Pillow raises ``UnidentifiedImageError`` while the size is read, and the upload answers 500.
``refuse_unreadable_images`` turns any failure to read the size into the field's own
"Upload a valid image" error, as ``to_python`` already does for files Willow cannot open.
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
