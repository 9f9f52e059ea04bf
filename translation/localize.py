"""One way to translate a page (or a snippet) through wagtail-localize, for the demos and the tests.

It does what a translator's work does: the page's strings are extracted (a TranslationSource), a
Translation into the locale is enabled, the translated strings are saved, and the target page is
made (and published) from them. The scale corpus (``cms/scale.py``) writes its translations in
bulk instead, for speed, and says so.
"""

from collections.abc import Mapping

from django.db import transaction
from wagtail_localize.models import StringTranslation, Translation, TranslationSource


class MissingTranslation(Exception):
    """A string of the page has no translation where every string must have one."""


@transaction.atomic
def translate_page(page, locale, strings, *, user=None, publish=True, require_all=False):
    """Translate ``page`` into ``locale`` from ``strings`` and return the translated page, or
    None when nothing was made or published again.

    ``strings`` maps a source string to its translation (a dict, or a function returning None
    for a string it does not translate); untranslated strings stay in the source language
    unless ``require_all``, which raises MissingTranslation naming them and saves nothing.

    A string that already has a translation in the locale is never overwritten, so what
    translators changed survives a second run (`make run` loads the demo at every start). A
    translation made earlier gets the strings it lacked, and is published again only when nothing
    else is pending on it (``can_republish``). A translation made by hand in the page editor, or
    whose sync was stopped, is not touched.
    """
    lookup = strings.get if isinstance(strings, Mapping) else strings
    existing = page.get_translations().filter(locale=locale).first()
    source, _created = TranslationSource.get_or_create_from_instance(page)
    if existing is None:
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
    else:
        translation = Translation.objects.filter(
            source=source, target_locale=locale, enabled=True).first()
        if translation is None:
            return None
    added = save_strings(source, locale, lookup, require_all)
    if existing is None or (added and can_republish(page, existing.specific, source)):
        translation.save_target(user=user, publish=publish)
        return page.get_translation(locale).specific
    return None


@transaction.atomic
def translate_snippet(obj, locale, strings, *, user=None, require_all=False):
    """Translate a snippet (a person, a partner) into ``locale`` as ``translate_page`` does a
    page, and return the translated object, or None when nothing changed.

    Through wagtail-localize, not ``copy_for_translation``: the copy is then a translation that
    wagtail-localize knows (its source, its strings), so the snippet's "Translate" and "Sync
    translated snippets" actions in the admin carry later changes of the source over, and
    translators see the demo's strings in the translation editor. A copy made by hand would be
    an orphan that no sync ever updates.
    """
    lookup = strings.get if isinstance(strings, Mapping) else strings
    existing = obj.get_translations().filter(locale=locale).first()
    source, _created = TranslationSource.get_or_create_from_instance(obj)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": existing is None})
    if not translation.enabled:
        return None  # made or stopped by hand in the admin: left alone
    added = save_strings(source, locale, lookup, require_all)
    if existing is None or added:
        translation.save_target(user=user)
        return obj.get_translation(locale)
    return None


def save_strings(source, locale, lookup, require_all):
    """Save the translations ``lookup`` gives for the source's strings, keeping those already
    there; return how many were added. MissingTranslation (and nothing saved) when
    ``require_all`` and a string has none."""
    segments = list(source.stringsegment_set.select_related("string", "context"))
    translated = {segment.pk: lookup(segment.string.data) for segment in segments}
    if require_all:
        missing = [segment.string.data for segment in segments if not translated[segment.pk]]
        if missing:
            raise MissingTranslation(f"{locale.language_code}: no translation for: "
                                     + " | ".join(missing))
    added = 0
    for segment in segments:
        if translated[segment.pk]:
            _string, created = StringTranslation.objects.get_or_create(
                translation_of=segment.string, locale=locale, context=segment.context,
                defaults={"data": translated[segment.pk], "translation_type": "manual"},
            )
            added += created
    return added


def can_republish(page, target, source):
    """Whether publishing the translation again would only add the strings it lacked.

    Not when the source page changed since its content was sent to translators (publishing
    would put the old synchronised fields back), nor when the translated page has a draft or is
    in moderation, nor when a translator changed a string since it was last published (their
    work goes live through moderation, not through a script)."""
    if page.last_published_at and page.last_published_at > source.last_updated_at:
        return False
    if target.has_unpublished_changes or target.workflow_in_progress:
        return False
    edited = StringTranslation.objects.filter(
        locale=target.locale, context__object_id=source.object_id,
    )
    if target.last_published_at:
        edited = edited.filter(updated_at__gt=target.last_published_at)
    return not edited.exclude(translation_type="manual", last_translated_by__isnull=True).exists()
