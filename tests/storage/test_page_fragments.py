"""A page missing from the page cache is built from cached fragments (cms.page_cache), which
follow every change that retires the page's cached responses: a visitor never sees an old menu,
old language links or an old citation on a freshly built page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.factories import translated_copy
from publications import factories
from tests.search.tree import add_report, build_tree, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    from django.core.cache import caches

    settings.PAGE_CACHE_ENABLED = True
    caches["default"].clear()
    yield
    caches["default"].clear()


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_a_page_cache_miss_reuses_fragments_and_costs_fewer_queries(page_cache, client):
    tree = build_tree()
    report = add_report(tree, "Evacuation corridors", abstract="First version.")
    cold, first = queries(client, report.url + "?from=newsletter")
    warm, second = queries(client, report.url + "?from=social")
    assert warm < cold
    # The same page either way, but for the address it was asked for.
    assert first.replace("newsletter", "social") == second


def test_only_visitors_who_could_get_a_cached_page_get_fragments(page_cache, rf, settings):
    from cms.page_cache import cached_fragment

    builds = []

    def build():
        builds.append(1)
        return "menu"

    anonymous = rf.get("/en/")
    signed_in = rf.get("/en/", HTTP_COOKIE=f"{settings.SESSION_COOKIE_NAME}=abc")
    preview = rf.get("/en/")
    preview.is_preview = True
    for request in (anonymous, anonymous, signed_in, signed_in, preview, rf.post("/en/")):
        assert cached_fragment(request, "menu", build) == "menu"
    # Built once for the anonymous visitor, then each time for the four others.
    assert len(builds) == 5


def test_language_links_follow_a_new_translation(page_cache, client):
    tree = build_tree()
    report = add_report(tree, "Medical stability", abstract="Untouched.")
    assert 'hreflang="fr"' not in client.get(report.url + "?v=1").content.decode()
    translated_copy(report, "fr", title="Stabilité médicale", abstract="Intact.")
    links = client.get(report.url + "?v=2").content.decode()
    assert 'hreflang="fr"' in links


def test_the_menu_follows_a_new_menu_page(page_cache, client):
    tree = build_tree()
    report = add_report(tree, "Medical stability", abstract="Untouched.")
    assert "Who we are" not in client.get(report.url + "?v=1").content.decode()
    tree.about.title = "Who we are"
    tree.about.show_in_menus = True
    publish(tree.about)
    assert "Who we are" in client.get(report.url + "?v=2").content.decode()


def test_site_settings_and_snippets_retire_every_cached_page(page_cache, client):
    from home.models import SiteSettings

    tree = build_tree()
    report = add_report(tree, "Medical stability", abstract="Untouched.")
    client.get(report.url)
    assert client.get(report.url)["X-Page-Cache"] == "hit"

    from wagtail.models import Site

    settings_ = SiteSettings.for_site(Site.objects.get())
    settings_.organisation_name = "Civil-Military Network of Record"
    settings_.save()
    after = client.get(report.url)
    assert after["X-Page-Cache"] == "miss"
    assert "Civil-Military Network of Record" in after.content.decode()


def test_how_to_cite_follows_the_published_contributors(page_cache, client):
    home, index, _topics = factories.make_site()
    _series, series_page = factories.make_series(index)
    publication = factories.make_publication(series_page)
    assert "Müller" in client.get(publication.url + "?v=1").content.decode()

    publication.contributors.all().delete()
    publication.contributors.add(factories.PublicationContributor(
        sort_order=0, given_names="Léa", family_name="Okonkwo-Dubois"))
    publish(publication)
    html = client.get(publication.url + "?v=2").content.decode()
    assert "Okonkwo-Dubois" in html and "Müller" not in html


def test_a_person_renamed_shows_on_the_pages_that_credit_them(page_cache, client):
    home, index, _topics = factories.make_site()
    _series, series_page = factories.make_series(index)
    person = factories.make_person(name="Ana Müller")
    publication = factories.make_publication(series_page, contributors=[
        {"given_names": "Ana", "family_name": "Müller", "person": person}])
    client.get(publication.url)
    assert client.get(publication.url)["X-Page-Cache"] == "hit"
    person.name = "Ana Müller-Schmidt"
    person.save()
    assert client.get(publication.url)["X-Page-Cache"] == "miss"


def test_the_publication_listing_follows_a_new_publication(page_cache, client):
    home, index, _topics = factories.make_site()
    _series, series_page = factories.make_series(index)
    factories.make_publication(series_page, title="First working paper")
    listing = client.get(index.url + "?from=feed").content.decode()
    assert "First working paper" in listing
    factories.make_publication(series_page, title="Second working paper")
    listing = client.get(index.url + "?from=mail").content.decode()
    assert "Second working paper" in listing and "First working paper" in listing


def test_a_listing_keeps_one_part_per_page_and_rebuilds_only_a_changed_one(page_cache, rf, settings):
    from cms.page_cache import cached_fragments, invalidate_pages

    tree = build_tree()
    first = add_report(tree, "Evacuation corridors")
    second = add_report(tree, "Medical stability")
    built = []

    def build(ids):
        built.append(sorted(ids))
        return {page_id: f"card {page_id}" for page_id in ids}

    anonymous = rf.get("/en/reports/")
    ids = [first.pk, second.pk]
    expected = {first.pk: f"card {first.pk}", second.pk: f"card {second.pk}"}
    assert cached_fragments(anonymous, "card", ids, build) == expected
    assert cached_fragments(rf.get("/en/reports/?page=2"), "card", ids, build) == expected
    assert built == [sorted(ids)]
    invalidate_pages([second])
    assert cached_fragments(anonymous, "card", ids, build) == expected
    assert built == [sorted(ids), [second.pk]]
    signed_in = rf.get("/en/", HTTP_COOKIE=f"{settings.SESSION_COOKIE_NAME}=abc")
    assert cached_fragments(signed_in, "card", ids, build) == expected
    assert built[-1] == sorted(ids)
