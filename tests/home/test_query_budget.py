"""Public pages run a fixed number of queries, however much content the site holds."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import TopicIndexPage, TopicPage

pytestmark = pytest.mark.django_db

PAGES = ["/en/", "/fr/", "/ar/about/", "/en/about/", "/en/about/cmi-principles/", "/en/topics/",
         "/en/topics/gender/", "/en/contact/", "/sitemap.xml",
         "/sitemap-pages-1.xml"]
BUDGET = 40


def query_counts(client):
    counts = {}
    for url in PAGES:
        client.get(url)  # warm the per-process caches (site root paths, renditions)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(queries)
    return counts


def test_public_pages_stay_within_budget_as_content_grows(client, demo_site):
    before = query_counts(client)
    for url, count in before.items():
        assert count <= BUDGET, (url, count)

    index = TopicIndexPage.objects.get(locale__language_code="en")
    for number in range(20):
        index.add_child(instance=TopicPage(title=f"Extra topic {number}",
                                           slug=f"extra-topic-{number}",
                                           summary="More to read."))
    after = query_counts(client)
    assert "Extra topic 19" in client.get("/en/topics/").content.decode()
    assert after == before


def test_home_page_budget(client, demo_site, django_assert_max_num_queries):
    client.get("/en/")
    with django_assert_max_num_queries(BUDGET):
        assert client.get("/en/").status_code == 200
