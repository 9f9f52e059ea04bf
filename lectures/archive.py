"""The archive's rules: which entries a filter state selects, in what order, and its address.

Views call these functions; templates only display what they return.
"""

from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlencode

import django_filters
from django.db.models import (
    BooleanField,
    Case,
    Count,
    DateTimeField,
    F,
    Value,
    When,
    prefetch_related_objects,
)
from django.http import Http404
from django.template.loader import get_template
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from cms.filters import QuickChoiceFilter
from cms.page_cache import cached_fragment, cached_fragments
from cms.paging import paginate
from home.locales import people_in_locale, show_people_in_locale
from home.models import Person, TopicPage

from .models.entries import CalendarEntryPage, Speaker
from .models.lectures import LectureSeriesPage

PAGE_SIZE = 12
# The order of the query string in canonical addresses: one address per filter state.
FILTER_ORDER = ["series", "year", "topic", "speaker", "kind", "video"]


def archive_order(entries, now=None):
    """Upcoming first (soonest first), then the past (most recent first), in one query."""
    now = now or timezone.now()
    upcoming = When(ends_at__gte=now, then=Value(True))
    return entries.annotate(
        upcoming=Case(upcoming, default=Value(False), output_field=BooleanField()),
        upcoming_start=Case(
            When(ends_at__gte=now, then=F("starts_at")), default=None, output_field=DateTimeField()
        ),
    ).order_by("-upcoming", F("upcoming_start").asc(nulls_last=True), "-starts_at", "-pk")


def ordered_entries(entries, now):
    """``(pk, ends_at)`` of ``entries`` in archive order, and until when that order holds: the
    end of the first upcoming entry, which then moves to the past (None if none is upcoming)."""
    rows = list(archive_order(entries, now).values_list("pk", "ends_at"))
    return rows, min((ends for _pk, ends in rows if ends >= now), default=None)


@dataclass
class Card:
    """One entry of a listing page, drawn: its card's HTML and, for the list's headings,
    whether it is still to come."""

    pk: int
    upcoming: bool
    html: str


def card_html(request, rows, lecture_index):
    """{entry id: its card's HTML}, for ``ordered_entries`` rows. A card is kept between
    requests as a fragment of its entry (cms.page_cache): publishing an entry, or its series
    (LectureSeriesPage names its entries as cache dependents), redraws it; a person's change
    redraws them all, as does a new address of the archive (it is in the main menu).
    """

    def build(missing):
        template = get_template("lectures/includes/card.html")
        entries = cards_for(
            with_card_data(CalendarEntryPage.objects.filter(pk__in=missing)), request)
        return {
            entry.pk: template.render(
                {"entry": entry, "lecture_index": lecture_index, "request": request})
            for entry in entries
        }

    return cached_fragments(
        request, f"lecture-card:{lecture_index.pk}", [pk for pk, _ends in rows], build)


def with_card_data(entries):
    return entries.select_related("video_poster").prefetch_related("speakers__person")


def cards_for(entries, request):
    """The entries of one listing page, each knowing its series: a fixed number of queries."""
    entries = list(entries)
    parent_paths = {entry.path[: -CalendarEntryPage.steplen] for entry in entries}
    series = {
        s.path: s for s in LectureSeriesPage.objects.filter(path__in=parent_paths).only(
            "id", "title", "path", "url_path", "depth", "slug", "locale_id"
        )
    }
    for entry in entries:
        entry.series = series.get(entry.path[: -CalendarEntryPage.steplen])
    return speakers_in_their_language(entries)


def speakers_in_their_language(entries):
    """Each entry's speakers (prefetched) name their person as the entry's language writes them
    (home.locales.show_people_in_locale): one query per language among the entries, none for
    English ones. Speakers not prefetched yet are, so that what ``all()`` gives keeps them."""
    prefetch_related_objects(entries, "speakers__person")
    by_locale = defaultdict(list)
    for entry in entries:
        by_locale[entry.locale_id].extend(entry.speakers.all())
    for locale_id, speakers in by_locale.items():
        show_people_in_locale(speakers, locale_id)
    return entries


def filter_choices(entries, index):
    """What the archive's filters offer: the series below the index and the topics, speakers
    and years of its entries, in the index's language."""
    speakers = (
        Person.objects.filter(speaking_roles__page__in=entries.values("pk"))
        .distinct().order_by("name").only("id", "name", "slug", "honorific", "translation_key",
                                          "locale")
    )
    # Named as the archive's language writes them, in its order.
    speakers = sorted(people_in_locale(speakers, index.locale_id).values(), key=lambda p: p.name)
    years = [d.year for d in entries.dates("start_date", "year", order="DESC")]
    used_topics = CalendarEntryPage.topics.through.objects.filter(
        calendarentrypage_id__in=entries.values("pk")
    ).values("topicpage_id")
    return {
        "series": {
            s.slug: s for s in LectureSeriesPage.objects.live().child_of(index).order_by("title")
        },
        "topics": {t.slug: t for t in TopicPage.choices_for(index.locale_id, used_topics)},
        "speakers": list(dict.fromkeys((p.slug, str(p)) for p in speakers)),
        "years": [(str(y), str(y)) for y in years],
    }


class ArchiveFilter(django_filters.FilterSet):
    series = QuickChoiceFilter(label=_("Series"), method="filter_series", empty_label=_("All series"))
    year = QuickChoiceFilter(label=_("Year"), method="filter_year", empty_label=_("All years"))
    topic = QuickChoiceFilter(label=_("Topic"), method="filter_topic", empty_label=_("All topics"))
    speaker = QuickChoiceFilter(label=_("Speaker"), method="filter_speaker", empty_label=_("All speakers"))
    kind = QuickChoiceFilter(
        label=_("Kind"), choices=CalendarEntryPage.Kind.choices, empty_label=_("All kinds")
    )
    video = QuickChoiceFilter(
        label=_("Video"), choices=[("1", _("With video only"))], method="filter_video",
        empty_label=_("With or without video"),
    )

    class Meta:
        model = CalendarEntryPage
        fields = FILTER_ORDER

    def __init__(self, data, queryset, index, choices=None):
        super().__init__(data=data, queryset=queryset)
        self.index = index
        if choices is None:
            choices = filter_choices(queryset, index)
        self._series = choices["series"]
        self._topics = choices["topics"]
        self.filters["series"].extra["choices"] = [(s, p.title) for s, p in self._series.items()]
        self.filters["topic"].extra["choices"] = [(s, t.title) for s, t in self._topics.items()]
        self.filters["speaker"].extra["choices"] = choices["speakers"]
        self.filters["year"].extra["choices"] = choices["years"]

    def filter_series(self, queryset, name, value):
        return queryset.child_of(self._series[value])

    def filter_year(self, queryset, name, value):
        return queryset.filter(start_date__year=int(value))

    def filter_topic(self, queryset, name, value):
        # Match by translation key: a translated entry may still point at the source topic.
        key = self._topics[value].translation_key
        through = CalendarEntryPage.topics.through
        return queryset.filter(
            pk__in=through.objects.filter(topicpage__translation_key=key).values("calendarentrypage_id")
        )

    def filter_speaker(self, queryset, name, value):
        return queryset.filter(pk__in=Speaker.objects.filter(person__slug=value).values("page_id"))

    def filter_video(self, queryset, name, value):
        return queryset.exclude(video_url="")

    def canonical_query(self):
        """The query string of this filter state: valid filters only, in a fixed order."""
        if not self.is_bound:
            return []
        self.form.is_valid()  # runs validation; invalid fields are left out of cleaned_data
        data = self.form.cleaned_data
        return [(key, data[key]) for key in FILTER_ORDER if data.get(key)]


def page_of_cards(rows, request, now, lecture_index, per_page=PAGE_SIZE):
    """The Paging (cms.paging's policy) of a listing's ``ordered_entries``: only the page's own
    cards are drawn (or taken from the cache)."""
    paging = paginate(rows, request, per_page)
    paging.page.object_list = draw_cards(paging.page.object_list, request, now, lecture_index)
    return paging


def draw_cards(rows, request, now, lecture_index):
    """The Cards of some ``ordered_entries`` rows, in their order."""
    html = card_html(request, rows, lecture_index)
    # upcoming as archive_order has it
    return [Card(pk, ends >= now, mark_safe(html[pk])) for pk, ends in rows if pk in html]


@dataclass
class ArchiveView:
    index: object

    def render(self, request):
        entries = self.index.entries()
        # The choices change only when an entry under this index does (or a snippet).
        choices = cached_fragment(request, "archive-filters",
                                  lambda: filter_choices(entries, self.index), page=self.index)
        filterset = ArchiveFilter(request.GET or None, entries, self.index, choices=choices)
        status = 200
        errors = []
        if filterset.is_bound and not filterset.is_valid():
            status = 400
            for field in filterset.errors:
                label = filterset.filters[field].label if field in filterset.filters else field
                errors.append(_("%(filter)s: this value is not one of the choices, so it was ignored.")
                              % {"filter": label})
        query = filterset.canonical_query()
        # The order of a filter state's entries changes when an entry is published (which
        # retires the fragment) or when the first upcoming one ends (still_valid).
        now = timezone.now()
        rows, _changes_at = cached_fragment(
            request, f"archive-order:{urlencode(query)}",
            lambda: ordered_entries(filterset.qs, now), page=self.index,
            still_valid=lambda kept: kept[1] is None or kept[1] >= now,
        )
        paging = page_of_cards(rows, request, now, self.index)
        page = paging.page
        if paging.error:
            status = paging.status
            errors.append(paging.error)
        canonical_params = list(query) + ([("page", page.number)] if page.number > 1 else [])
        base = self.index.get_url(request)
        context = self.index.get_context(request)
        context.update({
            "filterset": filterset,
            "filter_errors": errors,
            "entries_page": page,
            "cards": page.object_list,
            "is_filtered": bool(query),
            "filter_query": urlencode(query),
            "canonical_url": request.build_absolute_uri(
                base + ("?" + urlencode(canonical_params) if canonical_params else "")
            ),
            "feed_url": self.index.feed_url(request),
            "calendar_url": self.index.calendar_url(request),
            "speakers_url": base + self.index.reverse_subpage("speakers"),
        })
        return TemplateResponse(
            request, "lectures/lecture_index_page.html", context, status=status
        )


def speakers_of(entries, locale_id=None):
    """The people who spoke at ``entries``, each with their number of appearances, by name; as
    ``locale_id`` writes them when it is given (home.locales.people_in_locale)."""
    people = (
        Person.objects.filter(speaking_roles__page__in=entries.values("pk"))
        .annotate(appearances=Count("speaking_roles"))
        .select_related("photo", "locale").prefetch_related("photo__renditions")
        .order_by("name")
    )
    if locale_id is None:
        return people
    people = list(people)
    shown = people_in_locale(people, locale_id)
    merged = {}
    for person in people:
        # Two rows of one person (a lecture that links the translation itself) count as one.
        translated = shown[person.pk]
        appearances = person.appearances + getattr(merged.get(translated.pk), "appearances", 0)
        translated.appearances = appearances
        merged[translated.pk] = translated
    return sorted(merged.values(), key=lambda person: person.name)


def speaker_view(index, request, slug):
    person = (
        Person.objects.filter(slug=slug, locale=index.locale).select_related("photo", "locale").first()
        or Person.objects.filter(slug=slug).select_related("photo", "locale").first()
    )
    if person is None:
        raise Http404(_("No speaker with this address."))
    spoke_at = Speaker.objects.filter(person__translation_key=person.translation_key)
    entries = index.entries().filter(pk__in=spoke_at.values("page_id"))
    now = timezone.now()
    rows, _changes_at = ordered_entries(entries, now)
    paging = page_of_cards(rows, request, now, index)
    page = paging.page
    context = {
        "page": index,
        "self": index,
        "person": person,
        "entries_page": page,
        "cards": page.object_list,
        "filter_errors": [paging.error] if paging.error else [],
        "canonical_url": request.build_absolute_uri(index.speaker_url(person, request)),
        "archive_url": index.get_url(request),
        # Shared links show the speaker, not the archive whose template this page borrows.
        "share_title": str(person),
        "share_description": ", ".join(filter(None, [person.position, person.affiliation])),
    }
    return TemplateResponse(request, "lectures/speaker_page.html", context, status=paging.status)
