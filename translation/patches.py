"""Work-arounds for upstream bugs, each dated and named; drop one when its bug is fixed.

2026-11-26, wagtail-localize 1.14.5: ``views.edit_translation.upload_pofile`` answers a POST
without a file (``request.FILES["file"]``) or with a PO file that lacks the
``X-WagtailLocalize-TranslationID`` header with a KeyError, i.e. a server error. The view below
checks both first and answers 400 with a message; a valid upload goes on to the original view.
It is mounted at the original's address ahead of it (see wagtail_hooks.register_admin_urls).

2026-11-26, wagtail-localize 1.14.5: ``views.edit_translation.user_can_edit_instance`` decides who
may change a snippet's translation (string edits, overrides, PO files, machine translation) by
the model permission alone, so a French translator could fill in the German translation of a
person. ``limit_snippet_translation_to_own_locales`` adds the locale check of
``translation.permissions.may_edit_in_locale``; pages keep their tree-based check.
"""

import contextlib
import os
import tempfile

import polib
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation

from wagtail.models import Page

from .permissions import may_edit_in_locale

TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"


def limit_snippet_translation_to_own_locales():
    original = edit_translation.user_can_edit_instance
    if getattr(original, "_limited_to_locales", False):
        return

    def user_can_edit_instance(user, instance):
        if not original(user, instance):
            return False
        return isinstance(instance, Page) or may_edit_in_locale(user, instance)

    user_can_edit_instance._limited_to_locales = True
    edit_translation.user_can_edit_instance = user_can_edit_instance


def _read_po(upload):
    # polib takes a file name or the contents; writing to a file of our own keeps an uploaded
    # "PO file" that is really a path from being opened (wagtail-localize does the same).
    with tempfile.NamedTemporaryFile(delete=False, suffix=".po") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    try:
        return polib.pofile(handle.name)
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
        upload.seek(0)


@require_POST
def upload_pofile(request, translation_id):
    translation = get_object_or_404(Translation, id=translation_id)
    upload = request.FILES.get("file")
    if upload is None:
        error = _("Choose a PO file to upload.")
    else:
        po = _read_po(upload)
        if po is None:
            error = _("Please upload a valid PO file.")
        elif TRANSLATION_ID_HEADER not in po.metadata:
            error = _("This PO file was not exported from this site's translation editor, so it "
                      "cannot be imported. Download the PO file of this translation and fill in that one.")
        else:
            return edit_translation.upload_pofile(request, translation_id)
    return render(
        request,
        "translation/upload_error.html",
        {"error": error, "translation": translation,
         "page_title": _("The PO file could not be imported")},
        status=400,
    )
