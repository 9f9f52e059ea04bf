"""The search journeys again, against a real Elasticsearch 9 cluster.

No cluster can be installed on the project's machines, so these run only where one is reachable:

    ELASTICSEARCH_URL=http://127.0.0.1:9200 .venv/bin/python -m pytest tests/search/test_elasticsearch_live.py

Each run uses its own index prefix and deletes its indexes afterwards.
"""

import os
import uuid

import pytest
from django.core.management import call_command

from home.factories import translated_copy
from tests.search.test_search_page import facet_counts, result_urls
from tests.search.tree import add_report, make_document

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")

pytestmark = [
    pytest.mark.elasticsearch,
    pytest.mark.skipif(not ELASTICSEARCH_URL,
                       reason="needs a live Elasticsearch 9 cluster: set ELASTICSEARCH_URL"),
    pytest.mark.django_db,
]


@pytest.fixture
def elasticsearch(settings):
    prefix = f"jcmi_test_{uuid.uuid4().hex[:8]}_"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": prefix,
            "TIMEOUT": 30,
        }
    }
    from modelsearch.backends import get_search_backend

    backend = get_search_backend()
    yield backend
    backend.es.indices.delete(index=f"{prefix}*", ignore_unavailable=True)


def reindex(backend):
    call_command("update_index", verbosity=0)
    backend.es.indices.refresh(index=f"{backend.index_prefix}*")


def test_pdf_words_and_languages_on_elasticsearch(elasticsearch, tree, client):
    pdf = make_document("Field study", "Interviews about the Kasserine water agreement.")
    report = add_report(tree, "Water and stability", abstract="A field study.", pdf=pdf)
    french = translated_copy(report, "fr", title="Eau et stabilité",
                       abstract="Des réseaux de coopération civilo-militaire.")
    reindex(elasticsearch)

    assert result_urls(client.get("/en/search/", {"q": "Kasserine"})) == [report.url]
    assert result_urls(client.get("/fr/search/", {"q": "Kasserine"})) == [french.url]
    # French stemming: the singular finds the plural, and only in French.
    assert result_urls(client.get("/fr/search/", {"q": "réseau"})) == [french.url]
    assert result_urls(client.get("/en/search/", {"q": "réseau"})) == []


def test_facets_and_autocomplete_on_elasticsearch(elasticsearch, tree, client, working_papers):
    for i in range(3):
        add_report(tree, f"Convoy safety {i}", abstract="convoy", topics=[tree.protection],
                   series=working_papers)
    reindex(elasticsearch)
    counts = facet_counts(client.get("/en/search/", {"q": "convoy"}))
    assert counts["topic"] == {"Protection of Civilians": 3}
    assert counts["series"] == {"Working Papers": 3}
    titles = [r["title"] for r in client.get("/en/search/autocomplete/",
                                              {"q": "conv"}).json()["results"]]
    assert sorted(titles) == [f"Convoy safety {i}" for i in range(3)]


def test_update_index_rebuilds_the_index_with_language_analysers(elasticsearch, tree):
    reindex(elasticsearch)
    index = elasticsearch.get_index_for_model(type(tree.about))
    mapping = elasticsearch.es.indices.get_mapping(index=index.name)
    properties = next(iter(mapping.body.values()))["mappings"]["properties"]
    assert properties["_all_text"]["fields"]["ar"]["analyzer"] == "arabic"
