"""The translator's own work: what waits for them, starting a translation, bringing an outdated
one up to date.

Translators hold no wagtail-localize "submit translation" right (that right also lets a user
send any page into every locale), so these functions check the narrower rule instead: a user may
start or sync a translation into the locales they translate into.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import StringSegment, TranslationSource
from wagtail_localize.operations import TranslationCreator

from .notices import forget, record_synced
from .permissions import translator_locales
from .status import MISSING, OUT_OF_DATE, translation_statuses


def may_translate_into(user, locale):
    """Editors who send pages for translation may start any; translators their own locales."""
    if locale.pk == Locale.get_default().pk:
        return False
    if user.has_perm("wagtail_localize.submit_translation"):
        return True
    return any(own.pk == locale.pk for own in translator_locales(user))


@transaction.atomic
def start_translation(page, locale, user):
    """A draft translation of the source ``page`` in ``locale``, for ``user`` to translate.

    Raises PermissionDenied when ``user`` may not translate into ``locale`` and ValidationError
    when there is nothing to start (not a source page, or already translated).
    """
    if not may_translate_into(user, locale):
        raise PermissionDenied
    if page.locale_id != Locale.get_default().pk or page.depth < 2:
        raise ValidationError(_("Only pages of the source language are translated."))
    existing = Page.objects.filter(translation_key=page.translation_key, locale=locale).first()
    if existing is not None and existing.alias_of_id is None:
        raise ValidationError(_("This page is already translated into %(locale)s.") % {
            "locale": locale.get_display_name()})
    # The creator makes missing parents as aliases, and turns an alias into a translation.
    TranslationCreator(user, [locale]).create_translations(page.specific)
    # The other translators of the language hear of it; the one who started it knows.
    forget(user, page, locale)
    return page.get_translation(locale)


@dataclass
class SourceChanges:
    """What changed in the source text since the translator's last version."""

    added: list = field(default_factory=list)
    removed: list = field(default_factory=list)


def _source_strings(source):
    return list(
        StringSegment.objects.filter(source=source).order_by("order")
        .values_list("string__data", flat=True)
    )


@transaction.atomic
def sync_translation(translation, user):
    """Bring ``translation`` up to date with its published source, keeping what was translated.

    wagtail-localize keeps a translation per string and context, so every string that did not
    change keeps its translation, manual edits included; changed and new strings wait in the
    translation editor. Returns the source's SourceChanges.
    """
    if not may_translate_into(user, translation.target_locale):
        raise PermissionDenied
    target = translation.get_target_instance()
    if isinstance(target, Page) and not target.permissions_for_user(user).can_edit():
        raise PermissionDenied
    source = TranslationSource.objects.select_for_update().get(pk=translation.source_id)
    before = _source_strings(source)
    source.update_from_db()
    after = _source_strings(source)
    if after != before:
        record_synced([translation], user)
    return SourceChanges(
        added=[text for text in after if text not in before],
        removed=[text for text in before if text not in after],
    )


@dataclass
class QueueItem:
    source_page: Page
    status: object
    changes_requested: bool = False
    comment: str = ""
    commented_by: object = None

    @property
    def next_step(self):
        """Who acts next: the translator reading the queue, and what they do."""
        if self.changes_requested:
            return _("Next: you make the changes the moderator asked for and submit the "
                     "translation again.")
        if self.status.state == MISSING:
            return _("Next: you start the translation.")
        if self.status.state == OUT_OF_DATE:
            return _("Next: you sync the translation and translate what changed in the source.")
        return _("Next: you finish the translation and submit it for moderation.")


def translator_queue(user):
    """The translations waiting for ``user``: missing, out of date, unfinished, or sent back
    with changes requested (with the moderator's comment), in the locales they translate into.
    """
    locales = translator_locales(user)
    if not locales:
        return []
    sources = list(
        Page.objects.filter(locale=Locale.get_default(), depth__gt=1)
        .only("id", "title", "draft_title", "depth", "path", "translation_key", "locale_id",
              "last_published_at", "live", "url_path", "content_type_id")
        .order_by("path")
    )
    statuses = translation_statuses(sources, locales)
    translated_pages = {
        str(page["pk"]): (page["translation_key"], page["locale_id"])
        for page in Page.objects.filter(locale__in=locales).values(
            "pk", "translation_key", "locale_id")
    }
    sent_back = {
        translated_pages[state.object_id]: state.current_task_state
        for state in WorkflowState.objects.filter(
            status=WorkflowState.STATUS_NEEDS_CHANGES,
            object_id__in=Page.objects.filter(locale__in=locales)
            .annotate(id_text=Cast("pk", CharField())).values("id_text"),
        ).select_related("current_task_state__finished_by")
        if state.object_id in translated_pages
    }
    items = []
    for source in sources:
        for locale in locales:
            status = statuses[source.pk][locale.pk]
            task_state = sent_back.get((source.translation_key, locale.pk))
            if task_state is not None:
                items.append(QueueItem(source, status, changes_requested=True,
                                       comment=task_state.comment,
                                       commented_by=task_state.finished_by))
            elif status.state in (MISSING, OUT_OF_DATE) or status.unfinished:
                items.append(QueueItem(source, status))
    return items
