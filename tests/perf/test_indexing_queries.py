"""Building the search index reads what each page type shows to search with its batch, not with
a query per page: a full ``update_index`` (and seeding the 50,000-page benchmark corpus) is
otherwise dominated by one query per publication (its PDF's text) or per lecture speaker."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Manager
from django.test.utils import CaptureQueriesContext
from modelsearch import index

from lectures.models import EventPage, LecturePage
from publications.models import PublicationPage

pytestmark = pytest.mark.django_db


def searchable_values(obj, fields):
    """What the search back ends index of ``obj``, walked as modelsearch's indexers walk it."""
    for field in fields:
        if isinstance(field, index.RelatedFields):
            value = field.get_value(obj)
            if value is None:
                continue
            related = value.all() if isinstance(value, Manager) else [
                value() if callable(value) else value]
            for item in related:
                yield from searchable_values(item, field.fields)
        elif isinstance(field, index.SearchField | index.AutocompleteField):
            yield field.get_value(obj)


def queries_to_index(model, count):
    with CaptureQueriesContext(connection) as captured:
        for obj in model.get_indexed_objects().order_by("pk")[:count]:
            list(searchable_values(obj, model.get_search_fields()))
    return len(captured)


def test_indexing_a_batch_costs_the_same_queries_for_two_pages_as_for_all():
    call_command("seed_scale", pages=300, seed=7, verbosity=0)
    for model in (PublicationPage, LecturePage, EventPage):
        total = model.objects.count()
        assert total > 6, model
        assert queries_to_index(model, 2) == queries_to_index(model, total), model
