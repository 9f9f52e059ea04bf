"""Bulk submission of a section of the site for translation, on wagtail-localize's own machinery."""

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.operations import TranslationCreator


def untranslated_pages(section, locale):
    """Source pages in ``section`` (itself included) with no real translation in ``locale``.

    An alias in the locale (made when a child was translated before its parent) still shows the
    source text, so it counts as untranslated.
    """
    translated_keys = Page.objects.filter(
        locale=locale, alias_of__isnull=True,
        translation_key__in=section.get_descendants(inclusive=True).values("translation_key"),
    ).values("translation_key")
    return (
        section.get_descendants(inclusive=True)
        .filter(locale_id=section.locale_id)
        .exclude(translation_key__in=translated_keys)
        .order_by("path")
    )


@transaction.atomic
def submit_section_for_translation(section, locales, user):
    """Submit every untranslated page of ``section`` for translation into each of ``locales``.

    Pages that already have a translation are left alone (their translators keep their work;
    "Sync translated pages" is the way to send them source changes). Returns the number of
    (page, locale) translations started. Parents go first (tree order), so each new translation
    lands under its translated parent.
    """
    started = 0
    for locale in locales:
        if locale.pk == section.locale_id:
            continue
        pages = list(untranslated_pages(section, locale).specific())
        creator = TranslationCreator(user, [locale])
        for page in pages:
            creator.create_translations(page)
        started += len(pages)
    return started


def section_choices():
    """The sections a report can be filtered by: the children of each source home page."""
    return (
        Page.objects.filter(depth=3, locale=Locale.get_default())
        .order_by("path")
    )
