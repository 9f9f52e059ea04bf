"""The one paging policy (cms/paging.py), tested once for the helper and once per public listing:
no page is the first page, a page number that is not one is a 400 that still shows the first
page and says why, a page past the last is a 404."""

import pytest
from bs4 import BeautifulSoup
from django.http import Http404
from django.test import RequestFactory

from cms.paging import paginate
from home.factories import PersonFactory
from lectures import factories as lecture_factories
from publications import factories as publication_factories

ROWS = list(range(25))  # three pages of ten

MALFORMED = ["abc", "0", "-1", "1.5", "²", "٣", "1e3", " 2x", "99999999999999999999"]


def page_for(query):
    return paginate(ROWS, RequestFactory().get("/", query), per_page=10)


@pytest.mark.parametrize("query, number", [({}, 1), ({"page": ""}, 1), ({"page": "2"}, 2),
                                           ({"page": "3"}, 3), ({"page": " 3 "}, 3)])
def test_whole_numbers_in_range_are_that_page(query, number):
    paging = page_for(query)
    assert paging.page.number == number and paging.status == 200 and paging.errors == []


@pytest.mark.parametrize("raw", MALFORMED)
def test_a_number_that_is_not_one_shows_the_first_page_with_a_400(raw):
    paging = page_for({"page": raw})
    assert paging.page.number == 1
    assert paging.status == 400
    assert paging.errors == ["The page number must be a whole number; showing the first page."]


@pytest.mark.parametrize("raw", ["4", "999"])
def test_a_page_past_the_last_is_not_found(raw):
    with pytest.raises(Http404):
        page_for({"page": raw})


def test_an_empty_listing_has_a_first_page_and_no_second():
    request = RequestFactory().get("/")
    assert paginate([], request, per_page=10).page.number == 1
    with pytest.raises(Http404):
        paginate([], RequestFactory().get("/", {"page": "2"}), per_page=10)


@pytest.fixture
def every_listing(db):
    """One address of every public listing that pages, each with more than one page."""
    home, index, _topics = publication_factories.make_site()
    series, series_page = publication_factories.make_series(index)
    person = publication_factories.make_person()
    for _ in range(11):
        publication = publication_factories.make_publication(series_page, with_pdf=False)
        publication.contributors.update(person=person)
    lectures = lecture_factories.lecture_index(home)
    lecture_series = lecture_factories.series(lectures, "Long series")
    speaker = PersonFactory(name="Lina Haddad")
    for _ in range(21):
        lecture_factories.lecture(lecture_series, speakers=[speaker])
    return {
        "publication index": index.url,
        "series page": series_page.url,
        "author page": f"{index.url}authors/{person.slug}/",
        "lecture archive": lectures.url,
        "lecture series": lecture_series.url,
        "speaker page": lectures.specific.speaker_url(speaker),
    }


def test_every_listing_follows_the_policy(client, every_listing):
    for name, url in every_listing.items():
        assert client.get(url).status_code == 200, name
        second = client.get(url, {"page": "2"})
        assert second.status_code == 200, name
        assert 'rel="prev"' in second.content.decode(), name

        bad = client.get(url, {"page": "abc"})
        assert bad.status_code == 400, name
        alert = BeautifulSoup(bad.content, "html.parser").select_one("[role=alert]")
        assert "must be a whole number" in alert.get_text(), name
        assert 'rel="next"' in bad.content.decode(), name  # the first page, still usable

        assert client.get(url, {"page": "999"}).status_code == 404, name
