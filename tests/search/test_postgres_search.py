"""PostgreSQL full-text search stays fast as the index grows (the database back end's SQL).

These look at what PostgreSQL is asked to do; on SQLite (FTS5) the same searches run through
another compiler, which test_search_page.py covers. CI runs the suite on both.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import service
from search.query import clean_query
from tests.search.tree import add_report

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="PostgreSQL's full-text SQL; the suite's PostgreSQL run covers it"),
]


def test_a_search_does_not_send_the_concatenated_vector_of_each_hit_back(tree):
    from wagtail.models import Locale

    add_report(tree, "Evacuation corridors", abstract="Corridors for civilians leaving a siege.")
    with CaptureQueriesContext(connection) as queries:
        hits, _capped = service._ranked_hits(clean_query("corridors"),
                                             Locale.objects.get(language_code="en"))
    assert len(hits) == 1
    ranked = next(q["sql"] for q in queries.captured_queries if "to_tsquery" in q["sql"])
    select_list = ranked.split(" FROM ", 1)[0]
    assert "_vector_" not in select_list
    assert '"wagtailcore_page"."title"' not in select_list  # ids and types only
    assert "@@" in ranked  # the filter itself is still there


def test_the_searched_expression_has_its_own_gin_index():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'wagtailsearch_indexentry'"
        )
        definitions = [row[0] for row in cursor.fetchall()]
    assert any("gin" in d and "(title || body)" in d for d in definitions), definitions
