"""The site's own publications and lectures join search: PDF words, facets, language."""

import datetime

import pytest
from bs4 import BeautifulSoup

from publications import factories as publication_factories
from tests.search.tree import make_document

pytestmark = pytest.mark.django_db


def result_urls(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [a["href"] for a in soup.select(".search-results__list .search-result__title a")]


def facet_labels(response, key):
    soup = BeautifulSoup(response.content, "html.parser")
    return [link.get_text(" ", strip=True)
            for link in soup.select(f'.facet[data-facet="{key}"] a.facet__value')]


def test_a_publication_is_found_by_a_word_only_in_its_pdf_with_its_series_facet(client):
    _home, index, topics_index = publication_factories.make_site()
    _series, series_page = publication_factories.make_series(index)
    topic = publication_factories.make_topic(topics_index, "Rule of Law")
    pdf = make_document("Study", "Interviews about the Tozeur irrigation council.")
    page = publication_factories.make_publication(
        series_page, title="Water councils and stability", pdf=pdf, topics=[topic],
        publication_date=datetime.date(2025, 5, 1),
    )

    response = client.get("/en/search/", {"q": "Tozeur"})

    assert response.status_code == 200
    assert result_urls(response) == [page.url]
    assert any(label.startswith("JCMI Working Papers") for label in facet_labels(response, "series"))
    assert any(label.startswith("Rule of Law") for label in facet_labels(response, "topic"))
    assert any(label.startswith("2025") for label in facet_labels(response, "year"))
