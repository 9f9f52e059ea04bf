"""Admin form tweaks that keep the public site accessible."""

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class AccessibleImageForm(BaseImageForm):
    """Images must have a description: the public site uses it as the image's alt text."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            self.fields["description"].required = True
            self.fields["description"].help_text = _(
                "Say what the image shows for people who cannot see it. Used as its alt text."
            )
