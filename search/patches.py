"""Work-arounds for upstream issues, each dated and named; drop one when its cause is fixed.

2026-12-01, modelsearch 1.3 (Wagtail 8's search): the PostgreSQL query compiler filters on
``annotate(_vector_=title || body)``, so every search also *selects* the concatenated tsvector of
each hit and sends it to Python, where nothing reads it. With PDF text and transcripts in the
index that is most of a query's time (330 ms of a 500-hit search on the 5000-page benchmark
corpus, 210 ms without it). ``leave_the_vector_unselected`` keeps the annotation for the filter
and drops it from the SELECT list, as ``QuerySet.alias()`` would have.

2026-12-07, modelsearch 1.3: the PostgreSQL backend's ``ObjectIndexer`` works out an object's
searchable values five times, once for each of its title, body, autocomplete, title_text and
body_text, each walking every search field again (a StreamField's searchable content, the
related objects' fields, a publication's PDF text). Indexing is most of the time of a full
``update_index`` and of seeding the 50,000-page benchmark corpus. ``prepare_fields_once`` keeps
each top-level field's prepared values on the indexer the first time they are asked for; the
five properties then read them, with the same values in the same order as before.
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


def prepare_fields_once():
    from modelsearch.backends.database.postgres.postgres import ObjectIndexer

    original = ObjectIndexer.prepare_field
    if getattr(original, "_jcmi_patched", False):
        return

    @functools.wraps(original)
    def prepare_field(self, obj, field):
        if obj is not self.obj:  # a related object's field, asked for by its RelatedFields
            return original(self, obj, field)
        prepared = self.__dict__.setdefault("_jcmi_prepared_fields", {})
        if id(field) not in prepared:
            prepared[id(field)] = (field, list(original(self, obj, field)))
        return iter(prepared[id(field)][1])

    prepare_field._jcmi_patched = True
    ObjectIndexer.prepare_field = prepare_field
