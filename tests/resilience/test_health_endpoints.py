"""/livez says the process answers, /readyz that it can serve pages; neither is rate limited or
cached, so a load balancer may poll them as often as it likes. (Their answers during a database
outage: tests/resilience/test_outages.py.)"""

import pytest
from django.core.cache import caches

from cms import cache as breaker
from cms.cache import redis_cache
from tests.resilience.listeners import deadline, free_port, hung_listener

pytestmark = pytest.mark.django_db


def test_livez_touches_nothing(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/livez")
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]


def test_readyz_asks_the_database_only(client, settings):
    settings.RATELIMIT_ENABLE = True
    for _ in range(40):  # more than /healthz's limit allows
        response = client.get("/readyz")
        assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_stays_ready_and_quick_with_the_cache_hung(client, settings):
    breaker.reset()
    with hung_listener(free_port()) as listener:
        settings.CACHES = {**settings.CACHES,
                           "default": redis_cache(f"redis://{listener.address}/0")}
        settings.RATELIMIT_ENABLE = True
        with deadline(10) as elapsed:
            response = client.get("/readyz")
        assert response.status_code == 200
        assert elapsed() < 3
        caches["default"].close()
    breaker.reset()
