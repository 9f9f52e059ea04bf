"""The filters of /<lang>/publications/: series, topic, year, language and author combine.

Filter values are slugs and codes so that every filtered listing has a short, shareable URL.
A value that names nothing (a typo, an old link) makes the form invalid: the view answers 400
with the form's message instead of silently showing everything.
"""

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Min, Q
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from cms.filters import QuickChoiceFilter
from home.locales import one_per_translation_key
from home.models import Person, TopicPage
from publications.models import PublicationContributor, PublicationPage, Series
from publications.models.pages import with_card_data


def one_version_per_work(queryset, locale_id):
    """The visitor's language when a work has it, else the work's first version only.

    Only a live version counts as "having it": a translation still in draft (or in review) must
    not hide the work from this language's listings.
    """
    here = PublicationPage.objects.live().filter(locale=locale_id).values("translation_key")
    first_elsewhere = (
        PublicationPage.objects.live().exclude(translation_key__in=here)
        .values("translation_key").annotate(first=Min("pk")).values("first")
    )
    return queryset.filter(Q(locale=locale_id) | Q(pk__in=first_elsewhere))


def topic_choices(locale_id):
    """The topics to filter by in this language (see TopicPage.choices_for)."""
    used = PublicationPage.topics.through.objects.filter(
        publicationpage__live=True
    ).values("topicpage_id")
    return TopicPage.choices_for(locale_id, used)


def filter_choices(index_page):
    """What each filter offers on this index: the values that select at least one publication,
    labelled in the index's language."""
    series = [
        (series.slug, series.name)
        for series in Series.objects.filter(locale=index_page.locale_id).order_by("name")
    ] or [(series.slug, series.name) for series in Series.objects.order_by("name")]
    years = (
        PublicationPage.objects.live().annotate(year=ExtractYear("publication_date"))
        .order_by("-year").values_list("year", flat=True).distinct()
    )
    # People who contributed to a live publication, named as in the visitor's language.
    contributor_keys = Person.objects.filter(
        publication_contributions__page__live=True
    ).values("translation_key")
    people = one_per_translation_key(
        Person.objects.filter(translation_key__in=contributor_keys), index_page.locale_id
    )
    return {
        "series": series,
        "topic": [(topic.slug, topic.title) for topic in topic_choices(index_page.locale_id)],
        "year": [(str(year), str(year)) for year in years],
        "author": sorted({(person.slug, person.name) for person in people}, key=lambda c: c[1]),
    }


class PublicationFilter(django_filters.FilterSet):
    series = QuickChoiceFilter(
        label=_("Series"), empty_label=_("All series"), method="filter_series"
    )
    topic = QuickChoiceFilter(
        label=_("Topic"), empty_label=_("All topics"), method="filter_topic"
    )
    year = QuickChoiceFilter(
        label=_("Year"), empty_label=_("Any year"), method="filter_year"
    )
    language = QuickChoiceFilter(
        label=_("Language"), empty_label=_("Any language"), choices=settings.LANGUAGES,
        method="filter_language",
    )
    author = QuickChoiceFilter(
        label=_("Author"), empty_label=_("All authors"), method="filter_author"
    )

    class Meta:
        model = PublicationPage
        fields = []

    def __init__(self, data=None, *, index_page, choices=None, **kwargs):
        self.index_page = index_page
        # Every language's publications: one_version_per_work collapses translations.
        base = PublicationPage.objects.live().public()
        super().__init__(data, queryset=base, **kwargs)
        if choices is None:
            choices = filter_choices(index_page)
        for name, options in choices.items():
            self.filters[name].extra["choices"] = options

    @property
    def qs(self):
        queryset = super().qs
        if not self.form.cleaned_data.get("language"):
            queryset = self.one_version_per_work(queryset)
        # Every filter selects by subquery, never by a join, so no work is listed twice and the
        # listing needs no DISTINCT over its wide rows (the costliest part of it at 5000 pages).
        return with_card_data(queryset).order_by("-publication_date", "-pk")

    def one_version_per_work(self, queryset):
        return one_version_per_work(queryset, self.index_page.locale_id)

    def filter_series(self, queryset, name, value):
        return queryset.filter(series__slug=value)

    def filter_topic(self, queryset, name, value):
        keys = TopicPage.objects.filter(slug=value).values("translation_key")
        tagged = PublicationPage.topics.through.objects.filter(topicpage__translation_key__in=keys)
        return queryset.filter(pk__in=tagged.values("publicationpage_id"))

    def filter_year(self, queryset, name, value):
        return queryset.filter(publication_date__year=int(value))

    def filter_language(self, queryset, name, value):
        return queryset.filter(locale__language_code=value)

    def filter_author(self, queryset, name, value):
        keys = Person.objects.filter(slug=value).values("translation_key")
        contributions = PublicationContributor.objects.filter(person__translation_key__in=keys)
        return queryset.filter(pk__in=contributions.values("page_id"))

    @property
    def active(self):
        """The filters in use, for the "remove this filter" links."""
        if not self.is_bound or not self.is_valid():
            return []
        labels = []
        for name, value in self.form.cleaned_data.items():
            if value in (None, ""):
                continue
            field = self.form.fields[name]
            label = dict(field.choices).get(value, value) if isinstance(
                field, forms.ChoiceField
            ) else value
            labels.append((name, field.label, label))
        return labels
