"""The translation state of every source page in every target locale, in a bounded number of
queries however many pages there are (the report pages through them 50 at a time).

States:
- missing: no translation of the page exists in the locale (an alias showing the source text
  counts as missing);
- in progress: the translation exists and some of its strings are untranslated, or it is fully
  translated but not live yet (waiting for moderation);
- out of date: the source page was published after its content was last sent to translators
  ("Sync translated pages" sends it again), and the translation has work in it to bring up to
  date (a draft with nothing translated yet is simply in progress: there is nothing to keep);
- up to date: every string is translated and the translation is live.
"""

from dataclasses import dataclass

from django.db.models import Count, F
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

MISSING = "missing"
IN_PROGRESS = "in_progress"
OUT_OF_DATE = "out_of_date"
UP_TO_DATE = "up_to_date"

STATE_LABELS = {
    MISSING: _("Missing"),
    IN_PROGRESS: _("In progress"),
    OUT_OF_DATE: _("Out of date"),
    UP_TO_DATE: _("Up to date"),
}


@dataclass
class LocaleStatus:
    locale: object
    state: str
    page_id: int | None = None
    source_id: int | None = None
    translation_id: int | None = None
    total_segments: int = 0
    translated_segments: int = 0
    # The source was published after its text was last sent to translators ("Sync" offered).
    source_changed: bool = False

    @property
    def label(self):
        return STATE_LABELS[self.state]

    @property
    def unfinished(self):
        """In progress with strings still to translate (not only waiting for moderation)."""
        return self.state == IN_PROGRESS and self.translated_segments < self.total_segments

    @property
    def percent(self):
        if not self.total_segments:
            return 100
        return round(100 * self.translated_segments / self.total_segments)


def translation_statuses(source_pages, locales):
    """``{source_page.pk: {locale.pk: LocaleStatus}}`` for the given pages and target locales."""
    source_pages = list(source_pages)
    locales = list(locales)
    keys = {page.translation_key for page in source_pages}
    locale_ids = [locale.pk for locale in locales]
    if not source_pages or not locales:
        return {page.pk: {} for page in source_pages}

    targets = {
        (row["translation_key"], row["locale_id"]): row
        for row in Page.objects.filter(translation_key__in=keys, locale_id__in=locale_ids).values(
            "id", "translation_key", "locale_id", "live", "alias_of_id", "last_published_at"
        )
    }
    sources = {
        (row["object_id"], row["locale_id"]): row
        for row in TranslationSource.objects.filter(object_id__in=keys).values(
            "id", "object_id", "locale_id", "last_updated_at"
        )
    }
    source_ids = [row["id"] for row in sources.values()]
    translations = {
        (row["source_id"], row["target_locale_id"]): row["id"]
        for row in Translation.objects.filter(
            source_id__in=source_ids, target_locale_id__in=locale_ids, enabled=True
        ).values("id", "source_id", "target_locale_id")
    }
    totals = dict(
        StringSegment.objects.filter(source_id__in=source_ids)
        .values("source_id")
        .annotate(n=Count("id"))
        .values_list("source_id", "n")
    )
    # A segment counts as translated when a valid translation of its string exists for its
    # context in the locale (wagtail-localize's own Translation.get_progress rule).
    translated = {
        (row["source_id"], row["string__translations__locale_id"]): row["n"]
        for row in StringSegment.objects.filter(
            source_id__in=source_ids,
            string__translations__locale_id__in=locale_ids,
            string__translations__context_id=F("context_id"),
            string__translations__has_error=False,
        )
        .values("source_id", "string__translations__locale_id")
        .annotate(n=Count("id"))
    }

    result = {}
    for page in source_pages:
        source = sources.get((page.translation_key, page.locale_id))
        per_locale = {}
        for locale in locales:
            target = targets.get((page.translation_key, locale.pk))
            per_locale[locale.pk] = _status(page, locale, target, source, translations, totals,
                                            translated)
        result[page.pk] = per_locale
    return result


def _status(page, locale, target, source, translations, totals, translated):
    if target is None or target["alias_of_id"] is not None:
        return LocaleStatus(locale, MISSING)
    translation_id = source and translations.get((source["id"], locale.pk))
    if not translation_id:
        # Translated by hand in the ordinary editor, outside wagtail-localize: all we can tell is
        # whether the source was published after the translation.
        stale = page.last_published_at and (
            not target["last_published_at"] or page.last_published_at > target["last_published_at"]
        )
        return LocaleStatus(locale, OUT_OF_DATE if stale else UP_TO_DATE, page_id=target["id"])

    status = LocaleStatus(
        locale,
        UP_TO_DATE,
        page_id=target["id"],
        source_id=source["id"],
        translation_id=translation_id,
        total_segments=totals.get(source["id"], 0),
        translated_segments=translated.get((source["id"], locale.pk), 0),
    )
    stale = page.last_published_at and page.last_published_at > source["last_updated_at"]
    status.source_changed = bool(stale)
    if stale and (status.translated_segments or target["live"]):
        status.state = OUT_OF_DATE
    elif status.translated_segments < status.total_segments or not target["live"]:
        status.state = IN_PROGRESS
    return status
