"""Anonymous visitors get cached pages; publishing drops exactly the pages that showed it.

Runs against the real Redis (database 5 here, REDIS_TEST_URL in CI).
"""


import pytest
from django.core.cache import caches
from django.urls import reverse

from home.factories import translated_copy
from tests.conftest import redis_test_url
from tests.search.tree import add_report, build_tree, publish

REDIS_TEST_URL = redis_test_url()

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_page_cache(settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_TEST_URL,
            "KEY_PREFIX": "jcmi-test",
        },
    }
    settings.PAGE_CACHE_ENABLED = True
    cache = caches["default"]
    cache.clear()
    yield cache
    cache.clear()


@pytest.fixture
def site(redis_page_cache):
    tree = build_tree()
    tree.report_a = add_report(tree, "Evacuation corridors", abstract="First version.")
    tree.report_b = add_report(tree, "Medical stability", abstract="Untouched.")
    from tests.search.testapp.models import ReportIndexPage

    tree.briefings = publish(tree.home.add_child(
        instance=ReportIndexPage(title="Briefings", slug="briefings")))
    tree.report_a_fr = translated_copy(tree.report_a, "fr", title="Couloirs d'évacuation",
                                 abstract="Première version.")
    return tree


def cache_state(client, url):
    return client.get(url).get("X-Page-Cache")


def test_an_anonymous_visitor_gets_the_cached_page(site, client, django_assert_num_queries):
    first = client.get(site.report_a.url)
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(site.report_a.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_publishing_invalidates_exactly_the_pages_that_showed_the_content(site, client):
    watched = {
        "page": site.report_a.url,
        "translation": site.report_a_fr.url,
        "index listing it": site.reports.url,
        "sibling": site.report_b.url,
        "unrelated": site.briefings.url,
    }
    for url in watched.values():
        assert cache_state(client, url) == "miss"
    assert all(cache_state(client, url) == "hit" for url in watched.values())

    site.report_a.title = "Evacuation corridors (revised)"
    site.report_a.abstract = "Second version."
    publish(site.report_a)

    after = {name: cache_state(client, url) for name, url in watched.items()}
    assert after == {
        "page": "miss",
        "translation": "miss",
        "index listing it": "miss",
        "sibling": "hit",
        "unrelated": "hit",
    }
    assert b"Second version." in client.get(site.report_a.url).content
    assert b"Evacuation corridors (revised)" in client.get(site.reports.url).content


def test_unpublishing_takes_the_page_out_of_the_cache_and_the_listing(site, client):
    client.get(site.report_a.url)
    client.get(site.reports.url)
    site.report_a.unpublish()
    assert client.get(site.report_a.url).status_code == 404
    listing = client.get(site.reports.url)
    assert listing["X-Page-Cache"] == "miss"
    assert b"Evacuation corridors" not in listing.content


def test_moving_a_page_refreshes_both_listings_and_the_old_address(site, client):
    from tests.search.testapp.models import ReportIndexPage

    archive = site.home.add_child(instance=ReportIndexPage(title="Archive", slug="archive"))
    publish(archive)
    old_url = site.report_a.url
    for url in (old_url, site.reports.url, archive.url):
        client.get(url)
    site.report_a.move(archive, pos="last-child")
    site.report_a.refresh_from_db()

    # The old address no longer serves the cached page: Wagtail redirects it to the new one.
    moved = client.get(old_url)
    assert moved.status_code == 301 and moved["Location"] == site.report_a.url
    assert b"Evacuation corridors" not in client.get(site.reports.url).content
    assert b"Evacuation corridors" in client.get(archive.url).content
    assert client.get(site.report_a.url).status_code == 200


def test_the_home_page_and_every_listing_above_a_page_are_invalidated(site, client):
    home, index = site.home.url, site.reports.url
    for url in (home, index, site.about.url):
        client.get(url)
    publish(site.report_a)
    # The home page shows the latest work and the index lists it; the about page shows neither.
    assert cache_state(client, home) == "miss"
    assert cache_state(client, index) == "miss"
    assert cache_state(client, site.about.url) == "hit"


def test_a_page_linking_to_the_published_page_is_invalidated(site, client):
    site.about.body = [{"type": "paragraph", "value": (
        f'<p>Read <a linktype="page" id="{site.report_b.pk}">the report</a>.</p>')}]
    publish(site.about)
    assert cache_state(client, site.about.url) == "miss"
    assert cache_state(client, site.about.url) == "hit"
    publish(site.report_b)
    assert cache_state(client, site.about.url) == "miss"


def test_a_change_in_the_main_menu_retires_every_cached_page(site, client):
    site.about.show_in_menus = True
    publish(site.about)
    pages = [site.report_b.url, site.briefings.url, site.report_a_fr.url]
    for url in pages:
        client.get(url)
    assert {cache_state(client, url) for url in pages} == {"hit"}

    site.about.title = "Who we are"
    publish(site.about)
    for url in pages:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss"
    assert "Who we are" in client.get(site.report_b.url).content.decode()

    # A page below the menu's level leaves unrelated pages cached.
    publish(site.report_a)
    assert cache_state(client, site.briefings.url) == "hit"


def test_a_change_to_a_sections_page_in_the_menu_retires_every_cached_page(site, client):
    """The menu lists the pages of each section in it (a topic under Topics): renaming one
    changes every page's header; a page below a section out of the menu changes none."""
    site.topics.show_in_menus = True
    publish(site.topics)
    pages = [site.report_b.url, site.briefings.url]
    for url in pages:
        client.get(url)
    assert {cache_state(client, url) for url in pages} == {"hit"}

    site.protection.title = "Protecting civilians"
    publish(site.protection)
    assert {cache_state(client, url) for url in pages} == {"miss"}
    assert "Protecting civilians" in client.get(site.report_b.url).content.decode()

    # The reports' index is not in the menu: its reports are not either.
    for url in pages:
        client.get(url)
    publish(site.report_a)
    assert cache_state(client, site.briefings.url) == "hit"


def test_the_sitemap_is_cached_until_any_page_is_published(site, client,
                                                           django_assert_num_queries):
    for path in ("/sitemap.xml", "/sitemap-pages-1.xml"):
        assert cache_state(client, path) == "miss"
        with django_assert_num_queries(0):
            assert cache_state(client, path) == "hit"

    new = add_report(site, "Flood response drills", abstract="New.")
    assert cache_state(client, "/sitemap.xml") == "miss"
    sitemap = client.get("/sitemap-pages-1.xml")
    assert sitemap["X-Page-Cache"] == "miss"
    assert new.url in sitemap.content.decode()


def test_logged_in_users_never_get_or_make_cached_pages(site, client, django_user_model):
    client.get(site.report_a.url)  # an anonymous visitor fills the cache
    user = django_user_model.objects.create_user("reader", password="pw-for-tests-only")
    client.force_login(user)
    response = client.get(site.report_a.url)
    assert "X-Page-Cache" not in response
    assert b"Signed in as reader" in response.content

    client.logout()
    anonymous = client.get(site.report_a.url)
    assert anonymous["X-Page-Cache"] == "hit"
    assert b"Signed in as" not in anonymous.content


def test_previews_and_drafts_are_never_served_from_or_put_into_the_cache(site, client,
                                                                         admin_client):
    client.get(site.report_a.url)
    site.report_a.abstract = "A draft nobody should see."
    site.report_a.save_revision()  # saved, not published
    preview = admin_client.get(f"/admin/pages/{site.report_a.pk}/edit/preview/")
    assert preview.status_code in (200, 405)
    assert "X-Page-Cache" not in preview
    anonymous = client.get(site.report_a.url)
    assert anonymous["X-Page-Cache"] == "hit"
    assert b"A draft nobody should see." not in anonymous.content


def test_restricted_pages_and_responses_that_set_cookies_are_not_cached(site, client):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=site.report_b, restriction_type="password",
                                       password="letmein")
    first = client.get(site.report_b.url)
    assert "X-Page-Cache" not in first
    assert "X-Page-Cache" not in client.get(site.report_b.url)
    # A restriction on an ancestor covers the pages below it: the report index keeps its
    # children behind a log-in, and nothing anonymous visitors get of them is stored.
    PageViewRestriction.objects.create(page=site.reports, restriction_type="login")
    for _ in range(2):
        denied = client.get(site.report_a.url)
        assert denied.status_code == 302 and "X-Page-Cache" not in denied
    # The visitor who gave the password sees the page, and that copy is not stored either: the
    # next anonymous visitor still gets the password form.
    restriction = PageViewRestriction.objects.get(page=site.report_b)
    PageViewRestriction.objects.filter(page=site.reports).delete()
    unlocked = client.post(
        reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, site.report_b.pk]),
        {"password": "letmein", "return_url": site.report_b.url},
    )
    assert unlocked.status_code == 302
    shown = client.get(site.report_b.url)
    assert b"Untouched." in shown.content and "X-Page-Cache" not in shown
    client.cookies.clear()
    stranger = client.get(site.report_b.url)
    assert b"Untouched." not in stranger.content and "X-Page-Cache" not in stranger


def test_the_cookie_banner_choice_gets_its_own_cached_copy(site, client):
    client.get(site.report_a.url)
    client.cookies["jcmi_consent"] = "necessary,video"
    assert cache_state(client, site.report_a.url) == "miss"
    assert cache_state(client, site.report_a.url) == "hit"


@pytest.fixture
def purged(settings, monkeypatch):
    """The URLs a configured CDN (Wagtail's HTTP purge backend) is told to drop."""
    urls = []
    settings.WAGTAILFRONTENDCACHE = {
        "default": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                    "LOCATION": "http://127.0.0.1:1"},
    }
    from wagtail.contrib.frontend_cache.backends import HTTPBackend

    monkeypatch.setattr(HTTPBackend, "purge", lambda self, url: urls.append(url))
    monkeypatch.setattr(HTTPBackend, "purge_batch",
                        lambda self, batch: urls.extend(batch), raising=False)
    return urls


def test_a_frontend_cache_is_told_to_purge_the_same_pages(site, client, purged):
    publish(site.report_a)
    paths = {url.replace("http://testserver", "") for url in purged}
    assert {site.report_a.url, site.report_a_fr.url, site.reports.url} <= paths
    assert site.report_b.url not in paths


def test_the_topic_hubs_a_page_is_tagged_with_are_invalidated_too(site, client):
    from cms.page_cache import current_generations

    def current_generation(page_id, create=False):
        return current_generations(page_id, create=create)[0]

    site.report_a.topics.set([site.protection])
    tagged_topic = current_generation(site.protection.pk, create=True)
    other_topic = current_generation(site.governance.pk, create=True)
    publish(site.report_a)
    assert current_generation(site.protection.pk) != tagged_topic
    assert current_generation(site.governance.pk) == other_topic


def test_a_page_whose_scripts_carry_the_csp_nonce_never_gets_a_stale_nonce(redis_page_cache, rf):
    """A nonce is good for one response: a cached copy would carry the nonce of the visit that
    made it, while the header of each later visit names another, and the browser would block
    the page's scripts. Such pages are not stored."""
    import re
    from types import SimpleNamespace

    from django.http import HttpResponse
    from django.template import engines

    from cms.middleware import SiteCSPMiddleware
    from cms.page_cache import PageCacheMiddleware, mark_page_for_caching

    template = engines["django"].from_string(
        '<script nonce="{{ request.csp_nonce }}">document.title = "x";</script>')

    def page_view(request):
        mark_page_for_caching(request, SimpleNamespace(pk=424242))
        return HttpResponse(template.render({}, request))

    served = SiteCSPMiddleware(PageCacheMiddleware(page_view))
    for _visit in range(2):
        response = served(rf.get("/en/scripted/"))
        nonce = re.search(r'nonce="([^"]+)"', response.content.decode()).group(1)
        assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]


def test_a_hit_costs_one_round_trip_to_the_cache(site, client, monkeypatch):
    from cms import page_cache

    client.get(site.report_a.url)  # the miss that stores it
    cache = page_cache._cache()
    calls = []
    for name in ("get", "get_many"):
        real = getattr(cache, name)
        monkeypatch.setattr(cache, name, lambda *a, _real=real, _name=name, **k: (
            calls.append(_name), _real(*a, **k))[1])
    assert cache_state(client, site.report_a.url) == "hit"
    assert calls == ["get_many"]

    # Republished, the same address is a miss again, whatever this process remembered.
    publish(site.report_a)
    assert cache_state(client, site.report_a.url) == "miss"


def test_a_snippet_change_tells_the_frontend_cache_to_drop_every_page(site, purged):
    from home.models import Person

    Person.objects.create(name="Amara Okafor", slug="amara-okafor", locale=site.home.locale)
    paths = {url.replace("http://testserver", "") for url in purged}
    assert {site.report_a.url, site.report_b.url, site.briefings.url, site.about.url} <= paths
