"""Facets of the site search: content type, topic, year and series, with counts.

A page type joins the facets by declaring which of its fields carry each facet::

    class LecturePage(Page):
        search_facets = {"topic": "topics", "year": "date", "series": "series"}

Values are field names on the model: a many-to-many or foreign key for "topic" and "series"
(labelled with ``str()`` of the related object, e.g. a TopicPage's title), a date or datetime
field for "year". Pages that declare nothing still get the content-type facet and a year from
``first_published_at``.

Counting works on the list of matching hits that the search returned: (page id, content type
id, when the page was last published). Each page's facet values are read with one query per
(page type, facet) and kept in the cache under the page's last publication, which any change
to them (a new topic, another date) moves on; so a search reads from the database only the
values of pages it has not met since they were last published, and the number of queries
never depends on how many pages matched.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import DateField, DateTimeField
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from cms.memo import RecentValues

FACET_KEYS = ("type", "topic", "year", "series")
FACET_LABELS = {
    "type": _("Content type"),
    "topic": _("Topic"),
    "year": _("Year"),
    "series": _("Series"),
}
DEFAULT_FACETS = {"year": "first_published_at"}
# How long a page's facet values stay in the cache; a publication replaces them before that.
FACET_CACHE_TIMEOUT = 24 * 60 * 60


def facet_fields(model):
    """The {facet key: field name} a page model declares, with the defaults filled in."""
    declared = getattr(model, "search_facets", None) or {}
    return {**DEFAULT_FACETS, **declared}


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class FacetGroup:
    key: str
    label: str
    values: list = field(default_factory=list)

    @property
    def selected(self):
        return [value for value in self.values if value.selected]


def _model_for_ct(content_type_id):
    return ContentType.objects.get_for_id(content_type_id).model_class()


def type_value(model):
    return f"{model._meta.app_label}.{model._meta.model_name}"


def _is_date_field(model, field_name):
    return isinstance(model._meta.get_field(field_name), (DateField, DateTimeField))


def _ids_by_model(hits):
    """{model: [page ids]} from (id, content_type_id, …) hits; unknown content types are skipped."""
    by_model = defaultdict(list)
    models = {}  # a few content types among hundreds of hits
    for hit in hits:
        if hit[1] not in models:
            models[hit[1]] = _model_for_ct(hit[1])
        model = models[hit[1]]
        if model is not None:
            by_model[model].append(hit[0])
    return by_model


def filter_hits(hits, selection):
    """Keep the (id, content_type_id) hits that match every selected facet value.

    ``selection`` maps a facet key to a cleaned value (a type string, an int id, an int year).
    Runs one query per (page type, selected facet).
    """
    if not selection:
        return hits
    keep = None
    by_model = _ids_by_model(hits)
    for key, value in selection.items():
        matching = set()
        for model, ids in by_model.items():
            if key == "type":
                if type_value(model) == value:
                    matching.update(ids)
                continue
            field_name = facet_fields(model).get(key)
            if not field_name:
                continue
            lookup = f"{field_name}__year" if key == "year" else field_name
            matching.update(
                model.objects.filter(pk__in=ids, **{lookup: value}).values_list("pk", flat=True)
            )
        keep = matching if keep is None else keep & matching
    return [hit for hit in hits if hit[0] in keep]


def _facet_key(hit):
    page_id, _content_type_id, last_published_at = hit
    stamp = last_published_at.isoformat() if last_published_at else "-"
    return f"search:facets:{page_id}:{stamp}"


def _read_facet_values(model, ids):
    """{page id: {facet key: [values]}} for pages of one model: one query per facet."""
    values = {pk: defaultdict(list) for pk in ids}
    for key, field_name in facet_fields(model).items():
        if key not in FACET_KEYS:
            continue
        queryset = model.objects.filter(pk__in=ids)
        if key == "year":
            if not _is_date_field(model, field_name):
                continue
            rows = queryset.annotate(facet_value=ExtractYear(field_name)).values_list(
                "pk", "facet_value")
        else:
            # A many-to-many field gives a row per related object, a foreign key one per page.
            rows = queryset.values_list("pk", field_name).order_by()
        for pk, value in rows:
            if value is not None and value not in values[pk][key]:
                values[pk][key].append(value)
    return {pk: dict(facets) for pk, facets in values.items()}


# The facet values this worker read last: a key names the page's last publication, so a value
# kept here is never out of date, and a broad query's 500 hits need no round trip to Redis. A
# page never published through Wagtail (made by a script) has no such time: it is not kept here.
_recent_facet_values = RecentValues(20_000)


def _remember_facet_values(values):
    _recent_facet_values.set_many({
        key: facets for key, facets in values.items() if not key.endswith(":-")})


def page_facet_values(hits):
    """{page id: {facet key: [values]}} for the hits, from the worker's memory or the cache
    where they have them."""
    keys = {hit[0]: _facet_key(hit) for hit in hits}
    found = _recent_facet_values.get_many(keys.values())
    shared = cache.get_many([key for key in keys.values() if key not in found])
    if shared:
        _remember_facet_values(shared)
        found |= shared
    values = {pk: found[key] for pk, key in keys.items() if key in found}
    missing = [hit for hit in hits if hit[0] not in values]
    fresh = {}
    for model, ids in _ids_by_model(missing).items():
        fresh.update(_read_facet_values(model, ids))
    if fresh:
        stored = {keys[pk]: facets for pk, facets in fresh.items()}
        cache.set_many(stored, FACET_CACHE_TIMEOUT)
        _remember_facet_values(stored)
    return values | fresh


def count_facets(hits, selection):
    """The facet groups, in FACET_KEYS order, with a count for every value among ``hits``."""
    by_model = _ids_by_model(hits)
    counts = {key: Counter() for key in FACET_KEYS}
    related_model_of = {}

    facet_values = page_facet_values(hits)
    for model, ids in by_model.items():
        counts["type"][type_value(model)] += len(ids)
        related = {key: model._meta.get_field(name).related_model
                   for key, name in facet_fields(model).items() if key in ("topic", "series")}
        for pk in ids:
            for key, page_values in facet_values.get(pk, {}).items():
                for value in page_values:
                    counts[key][value] += 1
                    if key in related:
                        related_model_of[key, value] = related[key]

    labels = {}
    by_related_model = defaultdict(set)
    for (_key, pk), related_model in related_model_of.items():
        by_related_model[related_model].add(pk)
    for related_model, pks in by_related_model.items():
        objects = related_model._default_manager
        if issubclass(related_model, Page):
            # A page's label is its title: not the whole row of every topic page.
            objects = objects.only("title")
        for pk, obj in objects.in_bulk(pks).items():
            labels[related_model, pk] = str(obj)

    groups = []
    for key in FACET_KEYS:
        group = FacetGroup(key=key, label=FACET_LABELS[key])
        for value, count in counts[key].items():
            if key == "type":
                model = next(m for m in by_model if type_value(m) == value)
                label = str(model._meta.verbose_name).capitalize()
            elif key == "year":
                label = str(value)
            else:
                label = labels.get((related_model_of[key, value], value), str(value))
            group.values.append(
                FacetValue(
                    value=str(value), label=label, count=count,
                    selected=str(selection.get(key, "")) == str(value),
                )
            )
        if key == "year":
            group.values.sort(key=lambda v: v.value, reverse=True)
        else:
            group.values.sort(key=lambda v: (-v.count, v.label.casefold()))
        if group.values:
            groups.append(group)
    return groups


def clean_selection(params):
    """The facet values from the query string that are well-formed; the rest is ignored."""
    selection = {}
    type_ = params.get("type", "")
    if type_ and len(type_) < 100 and type_.count(".") == 1:
        selection["type"] = type_.lower()
    for key in ("topic", "series"):
        value = params.get(key, "")
        if value.isascii() and value.isdigit() and len(value) < 12:
            selection[key] = int(value)
    year = params.get("year", "")
    if year.isascii() and year.isdigit() and len(year) == 4:
        selection["year"] = int(year)
    return selection
