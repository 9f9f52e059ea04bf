"""A database outage answers 503 in the visitor's language with Retry-After, cached pages keep
being served, and the site recovers by itself when the database comes back.

The site runs in its own server process and reaches PostgreSQL through a TCP proxy: stopping
the proxy is the outage; a listener that accepts and never answers, on the same port, is a hung
database.
"""

import pytest

from tests.resilience.listeners import hung_listener
from tests.resilience.live import needs_postgresql, start_live_site, stop_live_site
from tests.search.tree import build_tree

# The server process reads what the test commits; the migrations' data (locales, the root page)
# is put back after each test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _migrations_data():
    """The locales and root page the migrations make. serialized_rollback puts them back after
    each test, but a reused test database (--reuse-db) may have been flushed by an earlier run."""
    from wagtail.models import Locale, Page

    for code in ("en", "fr", "de", "ar"):
        Locale.objects.get_or_create(language_code=code)
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.objects.get(
            language_code="en")))


@pytest.fixture
def live_site(tmp_path):
    needs_postgresql()
    _migrations_data()
    build_tree()
    site = start_live_site(tmp_path / "server.log")
    yield site
    stop_live_site(site)


def assert_outage_page(answer, language, words):
    assert answer.status == 503, (answer.status, answer.body[:500])
    assert int(answer.headers["Retry-After"]) > 0
    assert f'lang="{language}"' in answer.body
    assert words in answer.body
    assert answer.seconds < 5


def test_a_database_outage_answers_503_and_the_site_recovers_without_a_restart(live_site):
    assert live_site.get("/en/about/").status == 200
    cached = live_site.get("/en/about/")
    assert cached.headers.get("X-Page-Cache") == "hit"

    live_site.database_proxy.stop()
    # A cached page needs no database.
    during = live_site.get("/en/about/")
    assert during.status == 200 and during.headers.get("X-Page-Cache") == "hit"
    # Everything else is a 503 page in the visitor's language, 404s included.
    assert_outage_page(live_site.get("/en/topics/"), "en", "Temporarily unavailable")
    assert_outage_page(live_site.get("/fr/topics/"), "fr", "Temporairement indisponible")
    assert_outage_page(live_site.get("/ar/no-such-page/"), "ar", "غير متاح مؤقتًا")
    assert_outage_page(live_site.get("/de/search/?q=frieden"), "de", "Vorübergehend nicht verfügbar")
    assert live_site.get("/oai/?verb=Identify").status == 503
    # The load balancer sees the instance is not ready; the process is alive all the same.
    assert live_site.get("/readyz").status == 503
    assert live_site.get("/livez").status == 200

    live_site.database_proxy.start()
    assert live_site.get("/en/topics/").status == 200
    assert live_site.get("/readyz").status == 200


def test_a_hung_database_answers_503_within_5_seconds(live_site):
    assert live_site.get("/en/topics/").status == 200
    live_site.database_proxy.stop()
    with hung_listener(live_site.database_proxy.port):
        assert_outage_page(live_site.get("/en/about/"), "en", "Temporarily unavailable")
        ready = live_site.get("/readyz")
        assert ready.status == 503 and ready.seconds < 5
    live_site.database_proxy.start()
    assert live_site.get("/en/about/").status == 200
