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

2026-12-01, wagtail-localize 1.14.5: ``views.convert.convert_to_alias`` only checks that the user
may edit the page. Converting a translation to an alias publishes the source's content in that
locale (a live translation shows English at once; a draft goes live), so a translator could put
content live without moderation. ``convert_to_alias`` below requires the publish right first
(``translation.permissions.can_convert_to_alias``); the editors hide the action from users
without it (``translation.wagtail_hooks``).

2026-12-06, wagtail-localize 1.14.5: ``views.edit_translation.stop_translation`` ("Stop Synced
translation") only checks that the user may edit the translated object, and the editor's footer
always offers it, as the primary action when the user may not publish. ``stop_translation``
below requires the publish right on a page first
(``translation.permissions.can_stop_synced_translation``), answering others 403; the translation
editor hides the button from users without it
(translation/templates/wagtail_localize/admin/edit_translation.html).

2026-12-07, Wagtail 8.0: ``PagePermissionTester.can_delete`` lets the edit right delete pages
that are not live, and ``can_move`` follows it, so a translator could delete a draft translation
(the translation editor's footer even offers "Delete" as their main button) or move it. Every
delete and move path asks the tester (the delete and move views, bulk actions, the page action
classes any API calls, the editors' menus and listings), so ``refuse_page_deletion_to_translators``
adds the rule of ``translation.permissions.may_delete_pages`` there, in one place.

2026-12-01, wagtail-localize 1.14.5: ``views.update_translations.UpdateTranslationsView`` needs only
the submit-translation right, yet its "Publish immediately" publishes every locale's target,
unreviewed strings included. ``UpdateTranslationsView`` below syncs as before and leaves the
publishing to ``translation.moderation.publish_synced_translations``, which publishes only what
the user may publish and sends the other pages to moderation.

2026-12-07, wagtail-localize 1.14.5 (wagtail/wagtail-localize#773, open): when
``TranslationSource.create_or_update_translation(publish=True)`` translates a page, it publishes
on commit the revision it made then, which holds the in-memory page; treebeard's ``numchild`` of
that moment is written back, so a translated section whose translated children were made later
in the same transaction (a subtree, the demo, a batch) shows no children. ``recount_children``
puts the count right after every publish, in one place; it was repaired by hand in two demos
and two tests before.

2026-12-07, wagtail-localize 1.14.5: ``wagtail_hooks.page_listing_more_buttons`` runs two to four
queries for every row of the page explorer (is there a locale without a translation; the
page's TranslatableObject and TranslationSource; has the source enabled translations), so a
section of fifty children cost a hundred-odd queries more than an empty one. No upstream issue
was found; Wagtail's own simple_translation solved the same problem by annotating the listing's
queryset (wagtail/wagtail#12226). ``annotate_listing_translation_buttons`` does that here: the
explorer's queryset gets both answers as annotations (``construct_explorer_page_queryset``), and
the button hook reads them, falling back to the original for a page without them (the page
header's buttons, one page).
"""

import contextlib
import os
import tempfile

import polib
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, render
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.defaults import permission_denied
from wagtail.models import Page, PagePermissionTester
from wagtail.signals import page_published
from wagtail_localize.models import Translation
from wagtail_localize.views import convert, edit_translation, update_translations

from .moderation import publish_synced_translations
from .notices import record_synced
from .permissions import (
    can_convert_to_alias,
    can_stop_synced_translation,
    may_delete_pages,
    may_edit_in_locale,
)

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


def refuse_page_deletion_to_translators():
    original = PagePermissionTester.can_delete
    if getattr(original, "_refuses_translators", False):
        return

    def can_delete(self, ignore_bulk=False):
        return may_delete_pages(self.user) and original(self, ignore_bulk=ignore_bulk)

    can_delete._refuses_translators = True
    PagePermissionTester.can_delete = can_delete


def keep_child_counts_after_translations_publish():
    page_published.connect(recount_children, dispatch_uid="translation.recount_children")


def recount_children(sender, instance, **kwargs):
    """Treebeard's ``numchild`` of a page just published, counted again (a count query, and an
    update only when wagtail-localize wrote a stale one)."""
    count = Page.objects.child_of(instance).count()
    if count != instance.numchild:
        Page.objects.filter(pk=instance.pk).update(numchild=count)
        instance.numchild = count


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
        "translation/action_error.html",
        {"error": error, "back_url": translation.get_target_instance_edit_url(),
         "page_title": _("The PO file could not be imported")},
        status=400,
    )


def convert_to_alias(request, page_id):
    page = get_object_or_404(Page, id=page_id, alias_of_id__isnull=True)
    if not can_convert_to_alias(request.user, page):
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


@require_POST
def stop_translation(request, translation_id):
    translation = get_object_or_404(Translation, id=translation_id)
    instance = translation.get_target_instance()
    if not can_stop_synced_translation(request.user, instance):
        # A plain 403: raised, Wagtail's admin would turn it into a redirect to the dashboard.
        # Only a hand-made request gets here, since the editor hides the button from them.
        return permission_denied(request, PermissionDenied())
    return edit_translation.stop_translation(request, translation_id)


def _locale_names(locales):
    return ", ".join(locale.get_display_name() for locale in locales)


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    def get_form(self):
        form = super().get_form()
        field = form.fields["publish_translations"]
        field.help_text = format_lazy(
            "{} {}", field.help_text,
            _("Pages you may not publish are submitted for moderation instead."),
        )
        return form

    @transaction.atomic
    def form_valid(self, form):
        publish = form.cleaned_data["publish_translations"]
        # The original syncs, machine-translates and saves its components; publishing is ours.
        form.cleaned_data["publish_translations"] = False
        response = super().form_valid(form)
        translations = self.object.translations.filter(enabled=True).select_related(
            "source", "target_locale"
        )
        # The translators of each language hear of the new text (translation.notices); those
        # whose translation is published below have nothing left to do and are not told.
        record_synced(translations, self.request.user)
        if not publish:
            return response
        outcome = publish_synced_translations(translations, self.request.user)
        if outcome["published"]:
            messages.success(self.request, _("Published in %(locales)s.") % {
                "locales": _locale_names(outcome["published"])})
        if outcome["submitted"]:
            messages.success(
                self.request,
                _("Submitted for moderation in %(locales)s: you may not publish there, so a "
                  "moderator reviews the translation before it goes live.") % {
                    "locales": _locale_names(outcome["submitted"])},
            )
        for locale, reason in outcome["skipped"]:
            messages.warning(self.request, _("Not published in %(locale)s: %(reason)s") % {
                "locale": locale.get_display_name(), "reason": reason})
        return response


def annotate_listing_translation_buttons():
    """Annotates the explorer's queryset; the button hook is swapped on the first listing."""
    from wagtail import hooks

    hooks.register("construct_explorer_page_queryset", annotate_translation_buttons)


def _swap_listing_button_hook():
    """wagtail-localize's listing button hook becomes ``translation_listing_buttons``.

    Done when a listing is first drawn, once every app's hooks are registered: importing
    wagtail-localize's hooks earlier would register its admin URLs ahead of this app's, which
    replace some of them."""
    from wagtail import hooks
    from wagtail_localize import wagtail_hooks as localize_hooks

    original = localize_hooks.page_listing_more_buttons
    # Wagtail's hook registry has no "unregister"; its entries are (function, order) pairs.
    registered = hooks._hooks.get("register_page_listing_more_buttons", [])
    for position, (function, order) in enumerate(registered):
        if function is original:
            registered[position] = (translation_listing_buttons, order)


def annotate_translation_buttons(parent_page, pages, request):
    """The two answers the buttons need, per row, in the listing's own query."""
    _swap_listing_button_hook()
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Exists, OuterRef, Subquery
    from wagtail.models import Locale
    from wagtail_localize.models import TranslationSource

    translated_locales = Page.objects.filter(
        translation_key=OuterRef(OuterRef("translation_key")), alias_of__isnull=True,
    ).values("locale_id")
    synced_source = TranslationSource.objects.filter(
        object__translation_key=OuterRef("translation_key"),
        object__content_type=ContentType.objects.get_for_model(Page),
        locale_id=OuterRef("locale_id"), translations__enabled=True,
    ).values("pk")[:1]
    return pages.annotate(
        _untranslated_locale=Exists(Locale.objects.exclude(id__in=translated_locales)),
        _synced_source_id=Subquery(synced_source),
    )


def translation_listing_buttons(page, user, view_name=None, next_url=None):
    """wagtail-localize's "Translate this page" and "Sync translated pages", from annotations."""
    from urllib.parse import urlencode

    from django.urls import reverse
    from wagtail.admin.widgets.button import Button
    from wagtail_localize import wagtail_hooks as localize_hooks

    if not hasattr(page, "_untranslated_locale"):
        yield from localize_hooks.page_listing_more_buttons(page, user, view_name, next_url)
        return
    if page.is_root() or not user.has_perm("wagtail_localize.submit_translation"):
        return
    if page._untranslated_locale:
        url = reverse("wagtail_localize:submit_page_translation",
                      args=[page.alias_of_id or page.id])
        yield Button(_("Translate this page"), url, priority=60,
                     icon_name="wagtail-localize-language")
    if page._synced_source_id is not None:
        url = reverse("wagtail_localize:update_translations", args=[page._synced_source_id])
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        yield Button(_("Sync translated pages"), url, priority=60, icon_name="resubmit")
