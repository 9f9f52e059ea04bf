"""A dependency that accepts connections and never answers costs a request seconds, not minutes.

Each hung service is a real TCP listener on 127.0.0.1 that accepts and stays silent; every test
runs under a deadline, so a regression fails here instead of hanging the suite.
"""

import os

import pytest
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import OperationalError
from django.db.utils import ConnectionHandler
from django.test import Client

from cms import cache as breaker
from cms import env
from cms.cache import redis_cache
from cms.settings.s3 import s3_storages
from tests.resilience.listeners import deadline, free_port, hung_listener
from tests.search.tree import add_report, build_tree

HUNG_REDIS, HUNG_POSTGRES, HUNG_S3, HUNG_ELASTICSEARCH = (free_port() for _ in range(4))


@pytest.fixture(autouse=True)
def _fresh_breaker():
    breaker.reset()
    yield
    breaker.reset()


@pytest.fixture
def hung_redis(settings):
    with hung_listener(HUNG_REDIS) as listener:
        settings.CACHES = {
            "default": redis_cache(f"redis://{listener.address}/0"),
            "renditions": redis_cache(f"redis://{listener.address}/0", key_prefix="renditions"),
        }
        settings.PAGE_CACHE_ENABLED = True
        settings.RATELIMIT_ENABLE = True
        yield listener
        for alias in ("default", "renditions"):
            caches[alias].close()


@pytest.mark.django_db
def test_a_public_page_renders_within_3_seconds_with_redis_hung(client, hung_redis):
    tree = build_tree()
    report = add_report(tree, "Evacuation corridors", abstract="First version.")
    for url in (report.url, tree.reports.url, report.url):
        with deadline(10) as elapsed:
            response = client.get(url)
        assert response.status_code == 200
        assert elapsed() < 3, (url, elapsed())
    assert b"Evacuation corridors" in response.content
    # Redis was tried once, then left alone until REDIS_RETRY_AFTER has passed.
    assert breaker.is_open()


def test_a_cache_call_after_the_retry_interval_tries_redis_again(hung_redis, monkeypatch):
    monkeypatch.setattr(env, "REDIS_RETRY_AFTER", 0.2)
    cache = caches["default"]
    with deadline(5) as elapsed:
        assert cache.get("anything") is None
    assert env.REDIS_TIMEOUT <= elapsed() < 2
    with deadline(5) as elapsed:
        assert cache.get("anything") is None
    assert elapsed() < 0.1  # refused at once: the circuit is open
    import time

    time.sleep(0.3)
    assert not breaker.is_open()


@pytest.mark.django_db
def test_a_hung_postgresql_fails_the_connection_within_the_connect_timeout(monkeypatch):
    with hung_listener(HUNG_POSTGRES) as listener:
        monkeypatch.setattr(env, "DATABASE_URL", f"postgres://postgres@{listener.address}/jcmi")
        config = env.database_config("unused.sqlite3")
        assert config["OPTIONS"]["connect_timeout"] == 3
        assert "statement_timeout=30000" in config["OPTIONS"]["options"]
        connection = ConnectionHandler({"default": config})["default"]
        with deadline(10) as elapsed, pytest.raises(OperationalError):
            connection.ensure_connection()
        assert elapsed() < 5


@pytest.mark.django_db
def test_the_statement_timeout_reaches_postgresql(monkeypatch):
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        pytest.skip("needs DATABASE_URL pointing at PostgreSQL")
    from django.db import connection as test_connection

    monkeypatch.setattr(env, "DATABASE_URL", url.rsplit("/", 1)[0] + "/"
                        + test_connection.settings_dict["NAME"])
    monkeypatch.setattr(env, "DATABASE_STATEMENT_TIMEOUT", 0.5)
    connection = ConnectionHandler({"default": env.database_config("unused")})["default"]
    try:
        with (deadline(10) as elapsed,
              pytest.raises(OperationalError, match="statement timeout"),
              connection.cursor() as cursor):
            cursor.execute("SELECT pg_sleep(5)")
        assert elapsed() < 2
    finally:
        connection.close()


def test_a_hung_s3_fails_a_write_within_5_seconds(settings):
    with hung_listener(HUNG_S3) as listener:
        settings.STORAGES = {**settings.STORAGES, **s3_storages(
            bucket="media", endpoint_url=f"http://{listener.address}", region_name="us-east-1")}
        os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
        os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
        with deadline(15) as elapsed, pytest.raises(Exception) as failure:
            storages["default"].save("probe.txt", ContentFile(b"ok"))
        assert "timeout" in repr(failure.value).lower()
        assert elapsed() < 5


@pytest.mark.django_db
def test_a_hung_search_cluster_answers_503_within_5_seconds_and_pages_still_render(settings):
    tree = build_tree()
    client = Client(raise_request_exception=False)
    with hung_listener(HUNG_ELASTICSEARCH) as listener:
        settings.WAGTAILSEARCH_BACKENDS = {"default": {
            "BACKEND": "search.backends.elasticsearch", "URLS": [f"http://{listener.address}"],
            "TIMEOUT": env.ELASTICSEARCH_TIMEOUT, "OPTIONS": {"max_retries": 0},
        }}
        for path in ("/fr/search/?q=paix", "/fr/search/autocomplete/?q=pa"):
            with deadline(15) as elapsed:
                response = client.get(path)
            assert response.status_code == 503, path
            assert response["Retry-After"]
            assert elapsed() < 5
        with deadline(15) as elapsed:
            assert client.get(tree.about.url).status_code == 200
        assert elapsed() < 3


def test_every_wait_is_configured_in_the_settings(settings):
    from cms.settings.s3 import client_config

    config = client_config()
    assert (config.connect_timeout, config.read_timeout) == (env.S3_CONNECT_TIMEOUT,
                                                            env.S3_READ_TIMEOUT)
    options = redis_cache("redis://127.0.0.1:6379/0")["OPTIONS"]
    assert options["SOCKET_TIMEOUT"] and options["SOCKET_CONNECT_TIMEOUT"]
    assert options["IGNORE_EXCEPTIONS"] is True
    assert settings.EMAIL_TIMEOUT == env.EMAIL_TIMEOUT
