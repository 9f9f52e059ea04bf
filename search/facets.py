"""Facets of the site search: content type, topic, year and series, with counts.

A page type joins the facets by declaring which of its fields carry each facet::

    class LecturePage(Page):
        search_facets = {"topic": "topics", "year": "date", "series": "series"}

Values are field names on the model: a many-to-many or foreign key for "topic" and "series"
(labelled with ``str()`` of the related object, e.g. a TopicPage's title), a date or datetime
field for "year". Pages that declare nothing still get the content-type facet and a year from
``first_published_at``.

Counting works on the list of matching page ids that the search returned, with one aggregate
query per (page type, facet): the number of queries depends on how many page types matched,
never on how many pages did.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, DateField, DateTimeField, F
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

FACET_KEYS = ("type", "topic", "year", "series")
FACET_LABELS = {
    "type": _("Content type"),
    "topic": _("Topic"),
    "year": _("Year"),
    "series": _("Series"),
}
DEFAULT_FACETS = {"year": "first_published_at"}


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
    """{model: [page ids]} from (id, content_type_id) pairs; unknown content types are skipped."""
    by_model = defaultdict(list)
    for page_id, content_type_id in hits:
        model = _model_for_ct(content_type_id)
        if model is not None:
            by_model[model].append(page_id)
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


def count_facets(hits, selection):
    """The facet groups, in FACET_KEYS order, with a count for every value among ``hits``."""
    by_model = _ids_by_model(hits)
    counts = {key: Counter() for key in FACET_KEYS}
    related = defaultdict(set)  # (facet key, related model) -> ids to label
    related_model_of = {}

    for model, ids in by_model.items():
        counts["type"][type_value(model)] += len(ids)
        for key, field_name in facet_fields(model).items():
            if key not in counts:
                continue
            queryset = model.objects.filter(pk__in=ids)
            if key == "year":
                if not _is_date_field(model, field_name):
                    continue
                rows = (
                    queryset.annotate(facet_value=ExtractYear(field_name))
                    .values("facet_value")
                    .annotate(n=Count("pk", distinct=True))
                )
            else:
                related_model = model._meta.get_field(field_name).related_model
                rows = (
                    queryset.values(facet_value=F(field_name))
                    .annotate(n=Count("pk", distinct=True))
                    .order_by()
                )
            for row in rows:
                if row["facet_value"] is None:
                    continue
                counts[key][row["facet_value"]] += row["n"]
                if key != "year":
                    related[key].add(row["facet_value"])
                    related_model_of[key, row["facet_value"]] = related_model

    labels = {}
    by_related_model = defaultdict(set)
    for (key, pk), related_model in related_model_of.items():
        by_related_model[related_model].add(pk)
    for related_model, pks in by_related_model.items():
        for pk, obj in related_model._default_manager.in_bulk(pks).items():
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
