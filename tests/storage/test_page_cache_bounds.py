"""The page cache stays true and bounded: publishing retires every listing that shows the work in
any language, an invalidation made while Redis is unreachable is not lost, and made-up query
strings cannot fill the cache. Runs against the real Redis (database 5 here, REDIS_TEST_URL)."""

import time
import uuid

import pytest
from django.core.cache import caches
from redis import Redis

from cms import cache as breaker
from cms import env
from cms.cache import redis_cache
from home.factories import translated_copy
from lectures.archive import ArchiveFilter
from publications import factories
from publications.listing import PublicationFilter
from tests.conftest import redis_test_url
from tests.resilience.listeners import Proxy, free_port
from tests.search.tree import add_report, build_tree, publish

REDIS_TEST_URL = redis_test_url()
REDIS_PROXY_PORT = free_port()

pytestmark = pytest.mark.django_db


def use_redis(settings, location):
    prefix = f"bounds-{uuid.uuid4().hex}"
    settings.CACHES = {**settings.CACHES, "default": redis_cache(location, key_prefix=prefix)}
    settings.PAGE_CACHE_ENABLED = True
    return prefix


@pytest.fixture(autouse=True)
def _fresh_breaker():
    breaker.reset()
    yield
    breaker.reset()


def _delete_keys(prefix):
    redis = Redis.from_url(REDIS_TEST_URL)
    keys = list(redis.scan_iter(f"{prefix}:*"))
    if keys:
        redis.delete(*keys)


@pytest.fixture
def redis_page_cache(settings):
    prefix = use_redis(settings, REDIS_TEST_URL)
    yield prefix
    _delete_keys(prefix)


def stored_pages(prefix):
    return len(list(Redis.from_url(REDIS_TEST_URL).scan_iter(f"{prefix}:*pagecache:resp:*")))


def test_publishing_retires_the_listings_that_show_the_work_as_a_fallback(redis_page_cache,
                                                                          client):
    _home, index, _topics = factories.make_site()
    _series, series_page = factories.make_series(index)
    publication = factories.make_publication(series_page, title="Sharing plans in a crisis")
    index_fr = translated_copy(index, "fr", title="Publications (fr)")
    assert not publication.get_translations().exists()  # English only

    first = client.get(index_fr.url)
    assert first.status_code == 200 and "Sharing plans in a crisis" in first.content.decode()
    assert client.get(index_fr.url)["X-Page-Cache"] == "hit"

    publication.title = "Sharing plans before a crisis"
    publish(publication)

    after = client.get(index_fr.url)
    assert after["X-Page-Cache"] == "miss"
    assert "Sharing plans before a crisis" in after.content.decode()


def test_made_up_query_parameters_are_not_stored(redis_page_cache, client):
    tree = build_tree()
    for n in range(20):
        response = client.get(f"{tree.reports.url}?utm_source={n}&x{n}=y")
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
    too_long = client.get(f"{tree.reports.url}?page={'9' * 500}")
    assert "X-Page-Cache" not in too_long
    assert stored_pages(redis_page_cache) == 0


def test_recognised_parameters_share_one_entry_whatever_their_order(redis_page_cache, client):
    tree = build_tree()
    assert client.get(f"{tree.reports.url}?topic=a&year=2025")["X-Page-Cache"] == "miss"
    assert client.get(f"{tree.reports.url}?year=2025&topic=a")["X-Page-Cache"] == "hit"
    assert stored_pages(redis_page_cache) == 1


def test_every_listing_filter_is_a_recognised_parameter(settings):
    filters = set(PublicationFilter.base_filters) | set(ArchiveFilter.base_filters)
    assert filters | {"page"} <= settings.PAGE_CACHE_QUERY_PARAMETERS


def test_a_page_unpublished_while_redis_is_unreachable_is_gone_once_it_returns(
        settings, client, monkeypatch):
    monkeypatch.setattr(env, "REDIS_RETRY_AFTER", 0.3)
    host, port = REDIS_TEST_URL.split("//", 1)[1].split("/", 1)[0].split(":")
    database = REDIS_TEST_URL.rsplit("/", 1)[1]
    proxy = Proxy(REDIS_PROXY_PORT, (host, int(port)))
    try:
        prefix = use_redis(settings, f"redis://127.0.0.1:{REDIS_PROXY_PORT}/{database}")
        tree = build_tree()
        report = add_report(tree, "Evacuation corridors", abstract="First version.")
        assert client.get(report.url)["X-Page-Cache"] == "miss"
        assert client.get(report.url)["X-Page-Cache"] == "hit"

        proxy.stop()
        report.unpublish()  # its invalidation cannot be written now
        assert client.get(report.url).status_code == 404

        proxy.start()
        time.sleep(0.4)  # past REDIS_RETRY_AFTER: Redis is tried again
        assert client.get(report.url).status_code == 404
        assert client.get(tree.reports.url).status_code == 200
        assert "Evacuation corridors" not in client.get(tree.reports.url).content.decode()
    finally:
        proxy.stop()
        caches["default"].close()
    _delete_keys(prefix)
