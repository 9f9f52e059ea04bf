"""Work-arounds for upstream issues, each dated and named; drop one when its cause is fixed.

2026-12-01, modelsearch 1.3 (Wagtail 8's search): the PostgreSQL query compiler filters on
``annotate(_vector_=title || body)``, so every search also *selects* the concatenated tsvector of
each hit and sends it to Python, where nothing reads it. With PDF text and transcripts in the
index that is most of a query's time (330 ms of a 500-hit search on the 5000-page benchmark
corpus, 210 ms without it). ``leave_the_vector_unselected`` keeps the annotation for the filter
and drops it from the SELECT list, as ``QuerySet.alias()`` would have.
"""

import functools

VECTOR_ANNOTATION = "_vector_"


def leave_the_vector_unselected():
    from modelsearch.backends.database.postgres.postgres import PostgresSearchQueryCompiler

    original = PostgresSearchQueryCompiler.search
    if getattr(original, "_jcmi_patched", False):
        return

    @functools.wraps(original)
    def search(self, *args, **kwargs):
        queryset = original(self, *args, **kwargs)
        query = getattr(queryset, "query", None)
        if query is not None and VECTOR_ANNOTATION in query.annotation_select:
            query.set_annotation_mask(set(query.annotation_select) - {VECTOR_ANNOTATION})
        return queryset

    search._jcmi_patched = True
    PostgresSearchQueryCompiler.search = search
