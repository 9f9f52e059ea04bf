"""The Elasticsearch 9 back end, checked without a cluster: the index mapping it would create and
the queries it would send (the way modelsearch tests its own Elasticsearch back ends)."""

import json

import pytest
from django.utils import translation
from modelsearch.query import PlainText
from wagtail.models import Locale, Page

from home.models import StandardPage
from search.backends.elasticsearch import SearchBackend
from search.query import clean_query
from tests.search.testapp.models import ReportPage
from tests.search.tree import add_report, make_document


@pytest.fixture
def backend():
    # Building the client opens no connection; nothing here talks to a server.
    return SearchBackend({"URLS": ["http://127.0.0.1:9200"], "INDEX_PREFIX": "jcmi_test_"})


def test_the_settings_pick_this_backend_when_elasticsearch_url_is_set(monkeypatch):
    import importlib

    import cms.settings.base as base
    from cms import env

    monkeypatch.setattr(env, "ELASTICSEARCH_URL", "https://search.internal:9200")
    try:
        reloaded = importlib.reload(base)
        config = reloaded.WAGTAILSEARCH_BACKENDS["default"]
        assert config["BACKEND"] == "search.backends.elasticsearch"
        assert config["URLS"] == ["https://search.internal:9200"]
        assert config["INDEX_PREFIX"] == "jcmi_"
    finally:
        monkeypatch.undo()
        importlib.reload(base)


def test_pages_share_one_index_named_with_the_prefix(backend):
    assert backend.get_index_for_model(ReportPage).name == "jcmi_test_wagtailcore_page"
    assert backend.get_index_for_model(StandardPage).name == "jcmi_test_wagtailcore_page"


def test_every_text_field_gets_an_analyser_per_site_language(backend):
    properties = backend.mapping_class(ReportPage).get_mapping()["properties"]
    expected = {
        "en": {"type": "text", "analyzer": "english"},
        "fr": {"type": "text", "analyzer": "french"},
        "de": {"type": "text", "analyzer": "german"},
        "ar": {"type": "text", "analyzer": "arabic"},
    }
    assert properties["_all_text"]["fields"] == expected
    assert properties["title"]["fields"] == expected
    abstract = properties["search_testapp_reportpage__abstract"]
    assert abstract["type"] == "text" and abstract["fields"] == expected
    assert properties["search_testapp_reportpage__pdf_text"]["fields"] == expected
    # Filters stay exact keywords, and autocomplete keeps its edge n-grams.
    assert properties["locale_id_filter"]["type"] in ("integer", "long")
    assert "fields" not in properties["locale_id_filter"]
    assert properties["title_edgengrams"]["analyzer"] == "edgengram_analyzer"
    assert "fields" not in properties["title_edgengrams"]


def test_the_index_settings_are_valid_json_for_the_create_index_call(backend):
    body = json.dumps({**backend.settings, "mappings":
                       backend.mapping_class(ReportPage).get_mapping()})
    assert '"analyzer": "arabic"' in body


@pytest.mark.django_db
def test_the_indexed_document_carries_the_pdf_text_and_the_locale(backend):
    from tests.search.tree import build_tree

    tree = build_tree()
    pdf = make_document("Field notes", "Observations from the Goma logistics base.")
    report = add_report(tree, "Logistics in the Kivus", abstract="A field report.", pdf=pdf)
    document = backend.mapping_class(ReportPage).get_document(report)
    assert "Goma" in document["search_testapp_reportpage__pdf_text"]
    assert document["locale_id_filter"] == Locale.objects.get(language_code="en").pk
    assert document["_django_content_type"][0] == "search_testapp.ReportPage"
    assert "wagtailcore.Page" in document["_django_content_type"]


@pytest.mark.django_db
@pytest.mark.parametrize("language, analyser_field", [
    ("en", "_all_text.en"), ("fr", "_all_text.fr"), ("de", "_all_text.de"), ("ar", "_all_text.ar"),
])
def test_a_query_uses_the_analyser_of_the_visitors_language(backend, language, analyser_field):
    locale = Locale.objects.get(language_code=language)
    with translation.override(language):
        queryset = Page.objects.live().public().filter(locale=locale)
        compiler = backend.query_compiler_class(queryset, PlainText("réseaux", operator="and"))
        query = compiler.get_query()
    match = query["bool"]["must"]["multi_match"]
    assert match["query"] == "réseaux" and match["operator"] == "and"
    # The plain and the language-analysed catch-all fields, and the boosted title copy of each.
    assert set(match["fields"]) == {
        "_all_text", analyser_field,
        "_all_text_boost_2_0^2.0", f"_all_text_boost_2_0.{language}^2.0",
    }
    # Only the visitor's locale, only live pages.
    filters = json.dumps(query["bool"]["filter"])
    assert f'{{"term": {{"locale_id_filter": {locale.pk}}}}}' in filters
    assert '{"term": {"live_filter": true}}' in filters


@pytest.mark.django_db
def test_a_quoted_query_becomes_a_phrase_in_the_language_fields(backend):
    with translation.override("de"):
        compiler = backend.query_compiler_class(
            Page.objects.all(), clean_query('Schutz "der Zivilbevölkerung"').to_search_query()
        )
        query = json.dumps(compiler.get_query(), ensure_ascii=False)
    assert '"match_phrase": {"_all_text.de": "der Zivilbevölkerung"}' in query
    assert '"_all_text.de"' in query


@pytest.mark.django_db
def test_autocomplete_queries_the_edge_ngrams(backend):
    compiler = backend.autocomplete_query_compiler_class(Page.objects.all(), PlainText("prot"))
    must = compiler.get_query()["bool"]["must"]
    assert must["match"]["_edgengrams"]["query"] == "prot"
