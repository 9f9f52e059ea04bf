"""Elasticsearch 9 with one analyser per site language.

modelsearch keeps all pages in one index, whatever their locale. Each full-text field (and the
catch-all ``_all_text``) therefore gets a sub-field per language, analysed by Elasticsearch's
built-in English, French, German or Arabic analyser (stemming, stop words, elision, Arabic
normalisation). A query searches the plain field and the sub-field of the active language; the
search view filters on that same locale, so French words meet French stemming.

Select it with WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "search.backends.elasticsearch"
(cms/settings/base.py does when ELASTICSEARCH_URL is set).
"""

from django.utils import translation
from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9AutocompleteQueryCompiler,
    Elasticsearch9Index,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
    Elasticsearch9SearchResults,
)
from modelsearch.backends.elasticsearchbase import Field
from modelsearch.index import SearchField

# Site language code -> Elasticsearch built-in language analyser.
LANGUAGE_ANALYZERS = {
    "en": "english",
    "fr": "french",
    "de": "german",
    "ar": "arabic",
}


def language_subfields():
    return {code: {"type": "text", "analyzer": analyzer}
            for code, analyzer in LANGUAGE_ANALYZERS.items()}


def active_language_code():
    code = (translation.get_language() or "").split("-")[0].lower()
    return code if code in LANGUAGE_ANALYZERS else None


class LocalisedMapping(Elasticsearch9Mapping):
    def get_field_mapping(self, field):
        key, mapping = super().get_field_mapping(field)
        if isinstance(field, SearchField) and mapping.get("type") == "text":
            mapping["fields"] = language_subfields()
        return key, mapping

    def get_mapping(self):
        mapping = super().get_mapping()
        for name, properties in mapping["properties"].items():
            if name == "_all_text" or name.startswith("_all_text_boost_"):
                properties["fields"] = language_subfields()
        return mapping


class LocalisedSearchQueryCompiler(Elasticsearch9SearchQueryCompiler):
    mapping_class = LocalisedMapping

    def _remap_fields(self, fields):
        remapped = super()._remap_fields(fields)
        code = active_language_code()
        if code is None:
            return remapped
        # The stemmed sub-field of the visitor's language, next to the plain field.
        return remapped + [Field(f"{f.field_name}.{code}", f.boost) for f in remapped]


class LocalisedAutocompleteQueryCompiler(Elasticsearch9AutocompleteQueryCompiler):
    mapping_class = LocalisedMapping


class LocalisedSearchBackend(Elasticsearch9SearchBackend):
    mapping_class = LocalisedMapping
    index_class = Elasticsearch9Index
    query_compiler_class = LocalisedSearchQueryCompiler
    autocomplete_query_compiler_class = LocalisedAutocompleteQueryCompiler
    results_class = Elasticsearch9SearchResults


SearchBackend = LocalisedSearchBackend
