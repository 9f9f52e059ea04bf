"""Endpoints that write data or are cheap to call and costly to serve answer 429 when hammered."""

import pytest
from django.urls import get_resolver

from cms import ratelimits


@pytest.fixture
def limits_on(settings):
    # Test settings switch rate limits off for the rest of the suite (see cms/settings/test.py).
    settings.RATELIMIT_ENABLE = True
    from django.core.cache import cache

    cache.clear()
    return settings


def all_view_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    names = set()
    for pattern in resolver.url_patterns:
        if hasattr(pattern, "url_patterns"):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= all_view_names(pattern, inner)
        elif pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


def test_every_rate_limited_view_name_exists():
    """A limit on a misspelt or renamed URL name would silently protect nothing."""
    assert set(ratelimits.VIEW_RATE_LIMITS) <= all_view_names()


@pytest.mark.django_db
def test_a_limited_view_answers_429_with_retry_after_once_the_limit_is_spent(
    client, limits_on, monkeypatch
):
    monkeypatch.setitem(ratelimits.VIEW_RATE_LIMITS, "healthz", ("3/m", ratelimits.ALL))
    for _ in range(3):
        assert client.get("/healthz", REMOTE_ADDR="203.0.113.9").status_code == 200

    refused = client.get("/healthz", REMOTE_ADDR="203.0.113.9")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"

    # Another visitor is not affected.
    assert client.get("/healthz", REMOTE_ADDR="198.51.100.20").status_code == 200


@pytest.mark.django_db
def test_json_endpoints_get_a_json_429(client, limits_on, monkeypatch):
    monkeypatch.setitem(ratelimits.VIEW_RATE_LIMITS, "healthz", ("1/m", ratelimits.ALL))
    client.get("/healthz", HTTP_ACCEPT="application/json")
    refused = client.get("/healthz", HTTP_ACCEPT="application/json")
    assert refused.status_code == 429
    assert "Too many requests" in refused.json()["error"]


def test_the_client_address_behind_trusted_proxies_is_the_one_they_saw(rf, monkeypatch):
    from cms import env
    from cms.client_ip import client_ip

    request = rf.get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.50, 10.0.0.1"
    )
    monkeypatch.setattr(env, "TRUSTED_PROXY_COUNT", 0)
    assert client_ip(request) == "10.0.0.2"
    # Two proxies: the load balancer appended 10.0.0.1, the CDN appended the client it saw.
    # Whatever the client wrote itself (1.2.3.4) is ignored.
    monkeypatch.setattr(env, "TRUSTED_PROXY_COUNT", 2)
    assert client_ip(request) == "203.0.113.50"


@pytest.mark.django_db
def test_registration_in_the_author_portal_is_rate_limited(client, limits_on):
    def register(number):
        return client.post(
            "/en/portal/register/",
            {"username": f"someone{number}", "email": f"someone{number}@jcmi.example",
             "password1": "a-long-pass-phrase-2026", "password2": "a-long-pass-phrase-2026"},
            REMOTE_ADDR="203.0.113.30",
        )

    answers = [register(number).status_code for number in range(6)]
    assert 429 not in answers[:5]
    assert answers[5] == 429


@pytest.mark.django_db
def test_search_autocomplete_answers_429_when_hammered(client, limits_on):
    rate, _methods = ratelimits.VIEW_RATE_LIMITS["search:autocomplete"]
    allowed = int(rate.split("/")[0])
    answers = [
        client.get("/en/search/autocomplete/?q=civ", REMOTE_ADDR="203.0.113.40").status_code
        for _ in range(allowed + 1)
    ]
    assert set(answers[:allowed]) == {200}
    assert answers[allowed] == 429


@pytest.mark.django_db
def test_the_contact_form_is_rate_limited(client, limits_on, mission_demo):
    from tests.home.test_contact import GOOD

    allowed = int(ratelimits.FORM_PAGE_RATE.split("/")[0])
    answers = [client.post("/en/contact/", GOOD, REMOTE_ADDR="203.0.113.41").status_code
               for _ in range(allowed + 1)]
    assert set(answers[:allowed]) == {200}
    assert answers[allowed] == 429
    # Reading the page stays possible; only sending is limited.
    assert client.get("/en/contact/", REMOTE_ADDR="203.0.113.41").status_code == 200


@pytest.mark.django_db
def test_with_the_cache_unreachable_visitors_are_served_not_refused(client, limits_on):
    # A real Redis client pointed at a port where nothing listens, as when Redis is down.
    limits_on.CACHES = {
        **limits_on.CACHES,
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2},
        },
    }
    for _ in range(3):
        assert client.get("/en/search/autocomplete/", {"q": "civ"}).status_code == 200


@pytest.mark.django_db
def test_the_health_check_is_limited_like_any_costly_endpoint(client, limits_on):
    for _ in range(30):
        assert client.get("/healthz", REMOTE_ADDR="203.0.113.7").status_code == 200
    assert client.get("/healthz", REMOTE_ADDR="203.0.113.7").status_code == 429
