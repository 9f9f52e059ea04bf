"""A visitor searches the site in their own language, narrows by facets and pages through."""

import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from home.factories import translated_copy
from tests.search.tree import add_report, make_document

pytestmark = pytest.mark.django_db


def result_titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".search-results__list .search-result__title a")]


def result_urls(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [a["href"] for a in soup.select(".search-results__list .search-result__title a")]


def facet_counts(response):
    """{facet key: {label: count}} as the visitor sees them."""
    soup = BeautifulSoup(response.content, "html.parser")
    facets = {}
    for section in soup.select(".search-facets .facet"):
        values = {}
        for link in section.select("a.facet__value"):
            count = int(link.select_one(".facet__count").get_text(strip=True).strip("()"))
            label = link.get_text(" ", strip=True).rsplit("(", 1)[0].strip()
            values[label] = count
        facets[section["data-facet"]] = values
    return facets


def facet_link(response, key, label):
    soup = BeautifulSoup(response.content, "html.parser")
    for link in soup.select(f'.facet[data-facet="{key}"] a.facet__value'):
        if link.get_text(" ", strip=True).startswith(label):
            return link["href"]
    raise AssertionError(f"no {key} facet value {label!r}")


def test_a_word_found_only_in_a_pdf_finds_the_publication_in_the_visitors_language(tree, client):
    pdf = make_document(
        "Field study", "Interviews with liaison officers about the Kasserine water agreement."
    )
    assert "Kasserine" in pdf.extracted_text  # extracted by the background task on save
    report = add_report(tree, "Water and stability", abstract="A field study.", pdf=pdf)
    french = translated_copy(report, "fr", title="Eau et stabilité", abstract="Une étude de terrain.")

    english_results = client.get("/en/search/", {"q": "Kasserine"})
    assert english_results.status_code == 200
    assert result_urls(english_results) == [report.url]

    french_results = client.get("/fr/search/", {"q": "Kasserine"})
    assert result_urls(french_results) == [french.url]
    assert "Water and stability" not in french_results.content.decode()


def test_a_pdf_whose_text_arrives_after_the_page_is_saved_is_still_found(tree, client):
    pdf = make_document("Draft", "Nothing interesting here.")
    report = add_report(tree, "Ports and logistics", pdf=pdf)
    assert result_urls(client.get("/en/search/", {"q": "Tobruk"})) == []

    # The author uploads a new version of the file; extraction reindexes the linking page.
    from django.core.files.base import ContentFile

    from tests.search.tree import pdf_bytes

    pdf.file.save("draft-v2.pdf", ContentFile(pdf_bytes("Port operations at Tobruk.")), save=False)
    pdf.save()
    assert result_urls(client.get("/en/search/", {"q": "Tobruk"})) == [report.url]


def test_a_french_query_finds_the_french_translation_and_not_the_english_page(tree, client):
    french_about = translated_copy(
        tree.about, "fr", title="À propos du réseau",
        intro="Un réseau de praticiens civils et militaires et de chercheurs.",
    )
    response = client.get("/fr/search/", {"q": "praticiens"})
    assert result_urls(response) == [french_about.url]
    assert response.context["request"].LANGUAGE_CODE == "fr"

    # The same word does not exist in English, and the French page never leaks into /en/.
    assert result_urls(client.get("/en/search/", {"q": "praticiens"})) == []
    english = client.get("/en/search/", {"q": "network"})
    assert tree.about.url in result_urls(english)
    assert french_about.url not in result_urls(english)


def test_results_show_the_type_and_a_snippet_with_the_words_marked(tree, client):
    add_report(tree, "Dams under fire",
               abstract="How militaries and engineers keep critical infrastructure running.")
    response = client.get("/en/search/", {"q": "infrastructure"})
    soup = BeautifulSoup(response.content, "html.parser")
    result = soup.select_one(".search-results__list .search-result")
    assert result.select_one(".search-result__type").get_text(strip=True) == "Report page"
    snippet = result.select_one(".search-result__snippet")
    assert snippet.select_one("mark").get_text() == "infrastructure"


def test_a_search_description_is_preferred_as_the_snippet(tree, client):
    tree.about.search_description = "Who we are and how the network works."
    tree.about.save_revision().publish()
    response = client.get("/en/search/", {"q": "network"})
    assert "Who we are and how the <mark>network</mark> works." in response.content.decode()


def test_facets_count_types_topics_years_and_series(tree, client, working_papers, white_papers):
    for i in range(3):
        add_report(tree, f"Convoy safety {i}", abstract="convoy", date=datetime.date(2024, 5, 1),
                   topics=[tree.protection], series=working_papers)
    add_report(tree, "Convoy law", abstract="convoy", date=datetime.date(2025, 1, 9),
               topics=[tree.protection, tree.governance], series=white_papers)
    tree.about.intro += " Convoy escort is one of our subjects."
    publish_about = tree.about.save_revision()
    publish_about.publish()

    response = client.get("/en/search/", {"q": "convoy"})
    counts = facet_counts(response)
    assert counts["type"] == {"Report page": 4, "Standard page": 1}
    assert counts["topic"] == {"Protection of Civilians": 4, "Good Governance": 1}
    assert counts["series"] == {"Working Papers": 3, "White Papers": 1}
    this_year = str(datetime.date.today().year)
    assert counts["year"] == {"2025": 1, "2024": 3, this_year: 1}

    # Choosing a topic narrows the results and every other count with them.
    narrowed = client.get("/en/search/" + facet_link(response, "topic", "Good Governance"))
    assert result_titles(narrowed) == ["Convoy law"]
    assert facet_counts(narrowed)["series"] == {"White Papers": 1}

    # Facets combine; the selected value links back to the unfiltered search.
    by_series = client.get("/en/search/", {"q": "convoy", "series": working_papers.pk,
                                           "year": "2024"})
    assert sorted(result_titles(by_series)) == [f"Convoy safety {i}" for i in range(3)]
    soup = BeautifulSoup(by_series.content, "html.parser")
    selected = soup.select_one('.facet[data-facet="series"] a[aria-current="true"]')
    assert "series=" not in selected["href"] and "year=2024" in selected["href"]

    by_type = client.get("/en/search/", {"q": "convoy", "type": "home.standardpage"})
    assert result_titles(by_type) == ["About the network"]


def test_facet_counts_follow_a_page_republished_with_other_topics(tree, client):
    report = add_report(tree, "Convoy law", abstract="convoy", date=datetime.date(2024, 5, 1),
                        topics=[tree.protection])
    before = facet_counts(client.get("/en/search/", {"q": "convoy"}))
    assert before["topic"] == {"Protection of Civilians": 1}
    assert before["year"] == {"2024": 1}

    # Each page's facet values are remembered between searches until it is published again.
    report.topics.set([tree.governance])
    report.date = datetime.date(2025, 2, 1)
    report.save_revision().publish()
    after = facet_counts(client.get("/en/search/", {"q": "convoy"}))
    assert after["topic"] == {"Good Governance": 1}
    assert after["year"] == {"2025": 1}


def test_bad_facet_values_are_ignored_not_errors(tree, client):
    add_report(tree, "Convoy law", abstract="convoy")
    for params in ({"topic": "x"}, {"year": "20x4"}, {"series": "-1"}, {"type": "nope"},
                   {"type": "a.b.c"}, {"topic": "9" * 30}, {"year": "99999"}):
        response = client.get("/en/search/", {"q": "convoy", **params})
        assert response.status_code == 200, params


def test_results_are_paginated_and_bad_page_numbers_fall_back(tree, client):
    for i in range(23):
        add_report(tree, f"Liaison note {i:02d}", abstract="liaison officers")
    first = client.get("/en/search/", {"q": "liaison"})
    assert len(result_titles(first)) == 10
    assert "23 results" in first.content.decode()
    soup = BeautifulSoup(first.content, "html.parser")
    next_link = soup.select_one('.pagination a[rel="next"]')["href"]
    assert "page=2" in next_link and "q=liaison" in next_link

    pages = [client.get("/en/search/", {"q": "liaison", "page": n}) for n in (1, 2, 3)]
    seen = [title for page in pages for title in result_titles(page)]
    assert len(seen) == 23 and len(set(seen)) == 23

    # The one paging policy (tests/test_paging.py): the first page with a 400, or a 404.
    malformed = client.get("/en/search/", {"q": "liaison", "page": "abc"})
    assert malformed.status_code == 400
    assert result_titles(malformed) == result_titles(pages[0])
    assert client.get("/en/search/", {"q": "liaison", "page": "999"}).status_code == 404


def test_editors_picks_are_shown_in_the_language_of_the_promoted_page(tree, client):
    french_about = translated_copy(tree.about, "fr", title="À propos du réseau", intro="Qui nous sommes.")
    query = Query.get("membership")
    SearchPromotion.objects.create(query=query, page=tree.about, sort_order=0,
                                   description="How to join the network.")
    SearchPromotion.objects.create(query=query, page=french_about, sort_order=1,
                                   description="Comment rejoindre le réseau.")

    english = client.get("/en/search/", {"q": "Membership"})
    soup = BeautifulSoup(english.content, "html.parser")
    promoted = soup.select(".search-promotions a")
    assert [a["href"] for a in promoted] == [tree.about.url]
    assert "How to join the network." in english.content.decode()

    french = client.get("/fr/search/", {"q": "membership"})
    soup = BeautifulSoup(french.content, "html.parser")
    assert [a["href"] for a in soup.select(".search-promotions a")] == [french_about.url]


def test_unpublished_and_private_pages_are_not_found(tree, client):
    report = add_report(tree, "Secret convoy plan", abstract="convoy")
    assert result_titles(client.get("/en/search/", {"q": "convoy"})) == ["Secret convoy plan"]
    report.unpublish()
    assert result_titles(client.get("/en/search/", {"q": "convoy"})) == []

    from wagtail.models import PageViewRestriction

    other = add_report(tree, "Restricted convoy memo", abstract="convoy")
    PageViewRestriction.objects.create(page=other, restriction_type="login")
    assert result_titles(client.get("/en/search/", {"q": "convoy"})) == []


NASTY_QUERIES = [
    "",
    "   ",
    '"',
    '"protection of',
    '"Protection of Civilians"',
    "'",
    "civil AND military OR NOT",
    "-military +civil",
    "civ* ?il~2 ^3",
    "title:civil",
    "(civil",
    "civil)",
    "a:b:c",
    "\\",
    "%",
    "_",
    "' OR 1=1 --",
    "'; DROP TABLE wagtailcore_page; --",
    "<script>alert(1)</script>",
    "NEAR(civil military)",
    "{}[]|&&||!",
    "حماية المدنيين",
    "保护平民",
    "Schutz der Zivilbevölkerung",
    "😀 civil",
    "\u200f\u202e civil",
    "civil " * 300,
    "x" * 5000,
]


def test_no_query_ever_breaks_the_search_or_the_autocomplete(tree, client):
    for query in NASTY_QUERIES:
        response = client.get("/en/search/", {"q": query})
        assert response.status_code == 200, query
        assert "<script>alert(1)</script>" not in response.content.decode()
        suggestions = client.get("/en/search/autocomplete/", {"q": query})
        assert suggestions.status_code == 200, query
        assert isinstance(suggestions.json()["results"], list)


def test_a_quoted_phrase_matches_the_phrase(tree, client):
    response = client.get("/en/search/", {"q": '"Protection of Civilians"'})
    assert result_titles(response) == ["Protection of Civilians"]


def test_an_arabic_query_finds_the_arabic_page(tree, client):
    arabic = translated_copy(tree.protection, "ar", title="حماية المدنيين",
                       summary="إبعاد المدنيين عن الأذى قبل النزاع المسلح وأثناءه وبعده.")
    response = client.get("/ar/search/", {"q": "المدنيين"})
    assert result_urls(response) == [arabic.url]
    assert 'dir="rtl"' in response.content.decode()


def test_a_very_long_query_is_cut_and_the_visitor_is_told(tree, client):
    response = client.get("/en/search/", {"q": "civilians " * 100})
    assert response.status_code == 200
    assert len(response.context["search_query"]) <= 200
    assert "only its first 200 characters" in response.content.decode()


def test_an_empty_search_invites_a_query(client, tree):
    response = client.get("/en/search/")
    assert response.status_code == 200
    assert "Type a word or a phrase" in response.content.decode()
    assert client.post("/en/search/", {"q": "x"}).status_code == 405


def test_autocomplete_suggests_titles_in_the_visitors_language(tree, client):
    translated_copy(tree.protection, "fr", title="Protection des civils", summary="Les civils.")
    english = client.get("/en/search/autocomplete/", {"q": "prot"})
    assert english["Content-Type"] == "application/json"
    assert [r["title"] for r in english.json()["results"]] == ["Protection of Civilians"]
    assert english.json()["results"][0]["url"] == tree.protection.url

    french = client.get("/fr/search/autocomplete/", {"q": "prot"})
    assert [r["title"] for r in french.json()["results"]] == ["Protection des civils"]
    assert french.json()["results"][0]["url"].startswith("/fr/")


def test_the_search_box_carries_the_autocomplete_address(tree, client):
    response = client.get("/en/search/", {"q": "x"})
    soup = BeautifulSoup(response.content, "html.parser")
    box = soup.select_one('form[role="search"] input[name="q"]')
    assert box["data-autocomplete-url"] == "/en/search/autocomplete/"
    assert soup.select_one('script[src$="js/search-autocomplete.js"]').has_attr("defer")


def test_query_count_does_not_grow_with_the_number_of_results(
    tree, client, working_papers, django_assert_max_num_queries
):
    def add(n, offset):
        for i in range(n):
            add_report(tree, f"Briefing {offset + i}", abstract="briefing",
                       topics=[tree.protection], series=working_papers)

    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from search.facets import _recent_facet_values

    def forget_facet_values():
        # each page's facet values are read from the database again
        cache.clear()
        _recent_facet_values.clear()

    add(3, 0)
    client.get("/en/search/", {"q": "briefing"})  # warm the in-process content-type cache
    forget_facet_values()
    with CaptureQueriesContext(connection) as small:
        client.get("/en/search/", {"q": "briefing"})
    add(25, 100)
    forget_facet_values()
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get("/en/search/", {"q": "briefing"})
    assert len(result_titles(response)) == 10
    assert len(small.captured_queries) <= 20
    # Searched again, the pages' facet values come from the cache.
    with CaptureQueriesContext(connection) as again:
        client.get("/en/search/", {"q": "briefing"})
    assert len(again.captured_queries) < len(small.captured_queries)
