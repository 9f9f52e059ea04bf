"""The sitemaps at size: an index of small sitemap pages, each costing the same queries at any size,
covering every live page once with its hreflang alternates."""

import math
import re
from xml.etree import ElementTree

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, get_page_models

from cms import sitemaps
from cms.sitemaps import MultilingualSitemap, PageAddresses

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
# Small pages in the tests, so that a few hundred pages make several sitemap pages and groups of
# translations are cut at their ends.
SMALL_LIMIT = 37


def read_index(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    root = ElementTree.fromstring(response.content)
    assert root.tag == f"{SITEMAP}sitemapindex"
    locations = [node.find(f"{SITEMAP}loc").text for node in root.findall(f"{SITEMAP}sitemap")]
    return locations, len(queries)


def read_sitemap_page(client, location):
    path = location.removeprefix("http://testserver")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    root = ElementTree.fromstring(response.content)
    assert root.tag == f"{SITEMAP}urlset"
    entries = {}
    for url in root.findall(f"{SITEMAP}url"):
        loc = url.find(f"{SITEMAP}loc").text
        assert loc not in entries, f"{loc} listed twice on {path}"
        entries[loc] = {link.get("hreflang"): link.get("href")
                        for link in url.findall(f"{XHTML}link")}
    return entries, len(queries)


def read_all(client):
    """Every entry of every sitemap page, and the query count of each sitemap page."""
    # Warms the caches that seeding emptied (Wagtail's site root paths), as any page view does.
    client.get("/sitemap-pages-1.xml")
    index, index_queries = read_index(client)
    # The speakers' sitemap (lectures/sitemaps.py) comes last; the page sitemaps before it.
    assert index[-1] == "http://testserver/sitemap-speakers.xml"
    index = index[:-1]
    entries, page_queries = {}, []
    for location in index:
        page, queries = read_sitemap_page(client, location)
        assert len(page) <= MultilingualSitemap.limit
        assert not set(page) & set(entries), "a page is listed on two sitemap pages"
        entries.update(page)
        page_queries.append(queries)
    speakers, speaker_queries = read_sitemap_page(client, "/sitemap-speakers.xml")
    assert speakers and not set(speakers) & set(entries)
    return index, entries, index_queries, page_queries, (len(speakers), speaker_queries)


def expected_entries():
    """The full URL of every live public page of the site's locale trees, with its translations."""
    pages = list(Page.objects.live().public().filter(depth__gt=1).select_related("locale"))
    groups = {}
    for page in pages:
        groups.setdefault(page.translation_key, {})[page.locale.language_code] = \
            page.get_full_url()
    expected = {}
    for page in pages:
        group = groups[page.translation_key]
        links = dict(group, **({"x-default": group["en"]} if "en" in group else {}))
        expected[page.get_full_url()] = links if len(group) > 1 else {}
    return expected


@pytest.mark.django_db
def test_sitemap_pages_cost_the_same_queries_at_two_sizes_and_cover_every_page(client,
                                                                              monkeypatch):
    monkeypatch.setattr(MultilingualSitemap, "limit", SMALL_LIMIT)
    call_command("seed_scale", pages=100, seed=11, verbosity=0)
    small_index, small_entries, small_index_queries, small_queries, small_speakers = \
        read_all(client)
    assert small_entries == expected_entries()
    assert len(small_index) == math.ceil(len(small_entries) / SMALL_LIMIT) >= 3

    call_command("seed_scale", pages=400, seed=11, reset=True, verbosity=0)
    index, entries, index_queries, page_queries, speakers = read_all(client)
    # Every live page once, with all its translations as alternates, wherever the group was cut.
    assert entries == expected_entries()
    assert len(index) == math.ceil(len(entries) / SMALL_LIMIT) > len(small_index)
    assert index_queries == small_index_queries
    assert set(page_queries) == set(small_queries) and len(set(page_queries)) == 1, \
        (small_queries, page_queries)
    assert index_queries <= 6 and page_queries[0] <= 8
    # More speakers, the same queries: one for the archives and one per archive.
    assert speakers[0] > small_speakers[0] and speakers[1] == small_speakers[1] <= 10


def test_a_sitemap_page_stays_well_under_the_protocol_limit_and_past_the_last_is_404(
        client, full_demo, db):
    # The protocol allows 50,000 URLs per sitemap; with up to five links per page (four
    # translations and x-default), 1,000 pages keep each document small and quick to build.
    assert MultilingualSitemap.limit == sitemaps.URLS_PER_SITEMAP <= 2000
    index, _ = read_index(client)
    assert index == ["http://testserver/sitemap-pages-1.xml",
                     "http://testserver/sitemap-speakers.xml"]
    # A 404 at once: addresses outside the language prefix are not tried under /en/.
    assert client.get("/sitemap-pages-2.xml").status_code == 404
    assert client.get("/sitemap-pages-0.xml").status_code == 404
    response = client.get("/sitemap-pages-1.xml")
    assert response["X-Robots-Tag"] == "noindex, noodp, noarchive"
    assert response["Content-Type"] == "application/xml"


def test_addresses_are_the_ones_wagtail_gives_each_page(full_demo, db):
    addresses = PageAddresses()
    pages = Page.objects.filter(depth__gt=1)
    assert pages.count() > 50
    for page in pages:
        assert addresses.full_url(page.url_path) == page.get_full_url(), page.url_path


def test_no_page_type_adds_sitemap_urls_of_its_own():
    """The sitemap reads page rows, not specific pages (that would cost a query per page type on
    every sitemap page): a page type that needs extra sitemap URLs must be added there."""
    from wagtail.models import Page as BasePage

    overriding = [model.__name__ for model in get_page_models()
                  if model.get_sitemap_urls is not BasePage.get_sitemap_urls]
    assert overriding == []


def test_robots_txt_names_the_sitemap_index(client, db):
    text = client.get("/robots.txt").content.decode()
    assert re.search(r"^Sitemap: http://testserver/sitemap.xml$", text, re.M)
