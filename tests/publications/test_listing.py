"""A visitor browses /<lang>/publications/, filters it, pages through it and shares the URL."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from publications import factories


def cards(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".publication-card__title a")]


@pytest.fixture
def shelf(site, working_papers):
    series, wp_page = working_papers
    _, wh_page = factories.make_series(site["index"], name="JCMI White Papers", slug="white-papers",
                                       kind="white_paper", issn="", number_prefix="WhP")
    religion = factories.make_topic(site["topics_index"], "Religion")
    gender = factories.make_topic(site["topics_index"], "Gender")
    nadia = factories.make_person("Nadia Haddad", "nadia-haddad", affiliation="AUB")
    nadia_as_author = [{"person": nadia, "given_names": "Nadia", "family_name": "Haddad"}]
    pages = {
        "old-wp": factories.make_publication(wp_page, title="Old working paper", publication_date=date(2024, 5, 1),
                                             topics=[religion], with_pdf=False),
        "new-wp": factories.make_publication(wp_page, title="New working paper", publication_date=date(2026, 2, 1),
                                             topics=[gender], contributors=nadia_as_author, with_pdf=False),
        "white": factories.make_publication(wh_page, title="White paper on religion", topics=[religion],
                                            publication_date=date(2026, 1, 5), contributors=nadia_as_author,
                                            with_pdf=False),
    }
    return pages


def test_newest_first_and_filters_combine(client, shelf):
    index = "/en/publications/"
    assert cards(client.get(index)) == ["New working paper", "White paper on religion", "Old working paper"]
    assert cards(client.get(index, {"series": "working-papers"})) == ["New working paper", "Old working paper"]
    assert cards(client.get(index, {"topic": "religion"})) == ["White paper on religion", "Old working paper"]
    assert cards(client.get(index, {"topic": "religion", "year": "2026"})) == ["White paper on religion"]
    assert cards(client.get(index, {"author": "nadia-haddad", "series": "working-papers"})) == ["New working paper"]
    assert cards(client.get(index, {"language": "en", "year": "2024"})) == ["Old working paper"]
    assert cards(client.get(index, {"language": "fr"})) == []


def test_a_rebuilt_listing_redraws_only_the_card_of_the_work_just_published(
        client, shelf, working_papers, settings):
    from django.core.cache import caches

    settings.PAGE_CACHE_ENABLED = True
    caches["default"].clear()
    client.get("/en/publications/")  # the first visit creates the site settings, retiring fragments

    def drawn(query):
        response = client.get("/en/publications/", {"from": query})
        assert response.status_code == 200
        names = [t.name for t in response.templates]
        return names.count("publications/includes/publication_card.html"), cards(response)

    assert drawn("cold") == (3, ["New working paper", "White paper on religion", "Old working paper"])
    assert drawn("warm")[0] == 0
    white = shelf["white"]
    white.title = "White paper on religion and relief"
    white.save_revision().publish()
    assert drawn("after") == (1, ["New working paper", "White paper on religion and relief",
                                  "Old working paper"])
    # A series page's new slug moves its works: their cards are drawn again with the new links.
    _series, series_page = working_papers
    series_page.slug = "papers"
    series_page.save_revision().publish()
    response = client.get("/en/publications/", {"from": "renamed"})
    links = [a["href"] for a in BeautifulSoup(response.content, "html.parser").select(
        ".publication-card__title a")]
    assert len(links) == 3
    assert sum("/en/publications/papers/" in link for link in links) == 2
    assert not any("/working-papers/" in link for link in links)
    assert all(client.get(link).status_code == 200 for link in links)
    caches["default"].clear()


def test_a_replaced_pdf_retires_the_pages_and_cards_that_link_it(client, site, working_papers,
                                                                  settings):
    from django.core.cache import caches
    from django.core.files.base import ContentFile

    from tests.search.tree import pdf_bytes

    settings.PAGE_CACHE_ENABLED = True
    caches["default"].clear()
    _series, series_page = working_papers
    work = factories.make_publication(series_page, title="Wells and water", with_pdf=True)
    client.get("/en/publications/")  # the first visit creates the site settings
    # The pages link the full text at its stable address on the site (fulltext.pdf), which
    # serves whatever file the document holds now.
    address = work.url + "fulltext.pdf"
    for url in (work.url, "/en/publications/"):
        assert address in client.get(url).content.decode()
        assert client.get(url)["X-Page-Cache"] == "hit"
    old_bytes = b"".join(client.get(address).streaming_content)

    document = work.pdf
    document.file.save("wells-and-water-2nd-edition.pdf", ContentFile(pdf_bytes("Second")),
                       save=False)
    document.save()
    for url in (work.url, "/en/publications/"):
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", url
        assert address in response.content.decode()
    new_bytes = b"".join(client.get(address).streaming_content)
    assert new_bytes != old_bytes and new_bytes.startswith(b"%PDF-")
    caches["default"].clear()


def test_a_filter_that_selects_nothing_says_so(client, site, shelf):
    factories.make_series(site["index"], name="JCMI Monographs", slug="monographs",
                          kind="monograph", issn="", number_prefix="M")
    response = client.get("/en/publications/", {"series": "monographs"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".results-count").get_text(strip=True) == "0 publications"
    assert "No publications match these filters." in soup.get_text()
    assert cards(response) == []


def test_filters_stay_in_the_url_when_paging(client, site, working_papers):
    series, page = working_papers
    for n in range(12):
        factories.make_publication(page, title=f"Paper {n:02d}", publication_date=date(2025, 1, n + 1), with_pdf=False)
    response = client.get("/en/publications/", {"series": "working-papers", "year": "2025"})
    assert len(cards(response)) == 10
    soup = BeautifulSoup(response.content, "html.parser")
    next_link = soup.select_one('a[rel="next"]')["href"]
    assert "series=working-papers" in next_link and "year=2025" in next_link and "page=2" in next_link
    second = client.get("/en/publications/" + next_link)
    assert cards(second) == ["Paper 01", "Paper 00"]
    # The form shows the filters in use.
    assert soup.select_one('select[name="series"] option[selected]')["value"] == "working-papers"


@pytest.mark.parametrize("query", [
    {"year": "abc"}, {"series": "no-such-series"}, {"topic": "<script>"}, {"language": "xx"},
    {"author": "nobody"}, {"year": "99999999999999999999"},
])
def test_bad_filter_values_get_a_clear_400(client, shelf, query):
    response = client.get("/en/publications/", query)
    assert response.status_code == 400
    assert "Some filters could not be used" in response.content.decode()


def test_bad_page_numbers_follow_the_one_paging_policy(client, shelf):
    # tests/test_paging.py covers the policy; here, that the filters' own 400 is not masked.
    assert client.get("/en/publications/", {"page": "999"}).status_code == 404
    assert client.get("/en/publications/", {"page": "x"}).status_code == 400


def test_a_work_appears_once_in_the_visitors_language(client, shelf, django_capture_on_commit_callbacks):
    from wagtail_localize.models import TranslationSource

    fr = Locale.objects.get(language_code="fr")
    page = shelf["white"]
    source, _ = TranslationSource.get_or_create_from_instance(page)
    # wagtail-localize publishes the translation when the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        source.create_or_update_translation(fr, publish=True, copy_parent_pages=True, fallback=True)
    # English visitors see the English version only; French visitors the French one plus the
    # works that exist only in English.
    en_cards = cards(client.get("/en/publications/"))
    assert en_cards.count("White paper on religion") == 1
    fr_response = client.get("/fr/publications/")
    assert fr_response.status_code == 200
    fr_soup = BeautifulSoup(fr_response.content, "html.parser")
    hrefs = [a["href"] for a in fr_soup.select(".publication-card__title a")]
    assert len(hrefs) == 3
    assert any(h.startswith("/fr/") for h in hrefs)
    assert cards(client.get("/en/publications/", {"language": "fr"})) == ["White paper on religion"]


def test_author_listing_shows_one_persons_work(client, shelf):
    response = client.get("/en/publications/authors/nadia-haddad/")
    assert response.status_code == 200
    assert cards(response) == ["New working paper", "White paper on religion"]
    assert "Nadia Haddad" in response.content.decode()
    assert client.get("/en/publications/authors/nobody/").status_code == 404


def test_series_page_lists_its_publications(client, shelf):
    response = client.get("/en/publications/white-papers/")
    assert response.status_code == 200
    assert cards(response) == ["White paper on religion"]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_query_counts_do_not_grow_with_the_number_of_publications(
        client, site, working_papers, django_assert_max_num_queries):
    series, page = working_papers
    topic = factories.make_topic(site["topics_index"], "Gender")
    person = factories.make_person()
    authors = [{"person": person, "given_names": "Ana", "family_name": "Müller"},
               {"given_names": "Bo", "family_name": "Lind"}]
    for _ in range(3):
        factories.make_publication(page, topics=[topic], contributors=authors)
    last = factories.make_publication(page, topics=[topic], contributors=authors)
    urls = ["/en/publications/", "/en/publications/?topic=gender&year=2026", "/en/publications/working-papers/",
            "/en/publications/authors/ana-muller/", "/en/publications/feed.xml", last.url]
    for url in urls:  # the first request of all creates the site settings row
        client.get(url)
    few = {url: count_queries(client, url) for url in urls}
    for _ in range(8):
        factories.make_publication(page, topics=[topic], contributors=authors)
    many = {url: count_queries(client, url) for url in urls}
    assert many == few
    with django_assert_max_num_queries(30):
        client.get("/en/publications/")
    # The page's breadcrumbs and section list, its details panel with the cover: 31 measured.
    with django_assert_max_num_queries(31):
        client.get(last.url)


def translate_to_french(page, django_capture_on_commit_callbacks):
    from translation.localize import translate_page

    # wagtail-localize publishes the translation when the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        french = translate_page(page, Locale.objects.get(language_code="fr"), {})
    french.refresh_from_db()
    return french


def test_french_visitors_can_filter_by_topics_that_exist_only_in_english(
    client, shelf, django_capture_on_commit_callbacks
):
    translate_to_french(shelf["white"], django_capture_on_commit_callbacks)
    response = client.get("/fr/publications/")
    soup = BeautifulSoup(response.content, "html.parser")
    options = [o["value"] for o in soup.select('select[name="topic"] option') if o["value"]]
    assert options == ["gender", "religion"]

    response = client.get("/fr/publications/", {"topic": "religion"})
    assert response.status_code == 200
    hrefs = [a["href"] for a in BeautifulSoup(response.content, "html.parser").select(
        ".publication-card__title a")]
    # The French version of the white paper, and the working paper that exists only in English.
    assert len(hrefs) == 2
    assert hrefs[0].startswith("/fr/") and hrefs[1].startswith("/en/")


def test_french_author_listing_shows_every_work_once(
    client, shelf, django_capture_on_commit_callbacks
):
    french = translate_to_french(shelf["white"], django_capture_on_commit_callbacks)
    english = client.get("/en/publications/authors/nadia-haddad/")
    response = client.get("/fr/publications/authors/nadia-haddad/")
    assert response.status_code == 200
    assert len(cards(response)) == len(cards(english)) == 2
    hrefs = [a["href"] for a in BeautifulSoup(response.content, "html.parser").select(
        ".publication-card__title a")]
    assert french.url in hrefs
    assert shelf["white"].url not in hrefs


def test_author_listing_is_its_own_canonical_address(client, shelf):
    response = client.get("/en/publications/authors/nadia-haddad/")
    soup = BeautifulSoup(response.content, "html.parser")
    canonical = soup.select('link[rel="canonical"]')
    assert len(canonical) == 1
    assert canonical[0]["href"].endswith("/en/publications/authors/nadia-haddad/")
    assert canonical[0]["href"].startswith("http")


def test_author_listing_links_each_language_to_the_same_listing(
    client, shelf, django_capture_on_commit_callbacks
):
    translate_to_french(shelf["white"], django_capture_on_commit_callbacks)
    response = client.get("/en/publications/authors/nadia-haddad/")
    soup = BeautifulSoup(response.content, "html.parser")
    alternates = {link["hreflang"]: link["href"]
                  for link in soup.select('link[rel="alternate"][hreflang]')}
    assert alternates["fr"].endswith("/fr/publications/authors/nadia-haddad/")
    assert alternates["en"].endswith("/en/publications/authors/nadia-haddad/")
    assert client.get("/fr/publications/authors/nadia-haddad/").status_code == 200
