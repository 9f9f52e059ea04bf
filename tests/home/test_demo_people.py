"""The demo's people exist in French, German and Arabic, made through wagtail-localize, and the
pages that name people (a lecture's speakers, the speakers' list and pages, a series' board) show
them in the page's language; a person nobody translated shows in English, marked as such."""

import re
from html import unescape

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from home.demo.people import NAMES_IN_ARABIC
from home.models import Person
from lectures.models import LectureIndexPage, LecturePage, Speaker
from publications.models import SeriesIndexPage

pytestmark = pytest.mark.django_db

LANGUAGES = ["fr", "de", "ar"]


@pytest.fixture
def demo(full_demo, db):
    return full_demo


def english_people():
    return list(Person.objects.filter(locale__language_code="en", name__in=NAMES_IN_ARABIC))


def test_every_demo_person_is_translated_through_wagtail_localize(demo):
    people = english_people()
    assert len(people) == len(NAMES_IN_ARABIC)
    for person in people:
        source = TranslationSource.objects.get_for_instance(person)
        for code in LANGUAGES:
            translated = person.get_translation(Locale.objects.get(language_code=code))
            assert Translation.objects.filter(
                source=source, target_locale__language_code=code, enabled=True).exists()
            assert translated.slug == person.slug and translated.orcid == person.orcid
            if person.position:
                assert translated.position != person.position
            if person.affiliation and code != "de":
                assert translated.affiliation != person.affiliation
        arabic = person.get_translation(Locale.objects.get(language_code="ar"))
        assert arabic.name == NAMES_IN_ARABIC[person.name]


@pytest.mark.parametrize("code", LANGUAGES)
def test_lecture_pages_name_their_speakers_in_the_page_language(client, demo, code):
    lectures = LecturePage.objects.live().filter(
        locale__language_code=code, speakers__isnull=False).distinct()
    assert lectures.exists()
    locale = Locale.objects.get(language_code=code)
    for lecture in lectures[:3]:
        main = BeautifulSoup(client.get(lecture.url).content, "html.parser").find("main")
        html = main.get_text(" ")
        for speaker in lecture.speakers.select_related("person"):
            english = speaker.person
            translated = english.get_translation(locale)
            assert str(translated) in html
            if translated.affiliation != english.affiliation:
                assert english.affiliation not in html, (lecture.url, english.affiliation)


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_speakers_list_and_a_speakers_page_are_in_the_page_language(client, demo, code):
    index = LectureIndexPage.objects.live().get(locale__language_code=code)
    html = unescape(client.get(index.url + "speakers/").content.decode())
    locale = Locale.objects.get(language_code=code)
    speakers = Person.objects.filter(locale__language_code="en",
                                     speaking_roles__page__locale=locale).distinct()
    assert speakers.exists()
    for english in speakers:
        translated = english.get_translation(locale)
        assert str(translated) in html
        if english.affiliation != translated.affiliation:
            assert english.affiliation not in html
    english = Person.objects.get(locale__language_code="en", slug="mira-halvorsen")
    translated = english.get_translation(locale)
    page = client.get(index.url + "speakers/mira-halvorsen/").content.decode()
    soup = BeautifulSoup(page, "html.parser")
    bio = soup.select_one(".speaker-bio")
    assert bio.get_text(strip=True) == re.sub(r"<[^>]+>", "", translated.bio)
    assert "lang" not in bio.attrs
    assert re.sub(r"<[^>]+>", "", english.bio) not in page


def test_a_person_nobody_translated_shows_in_english_marked_as_such(client, demo):
    english = Person.objects.get(locale__language_code="en", slug="mira-halvorsen")
    english.get_translation(Locale.objects.get(language_code="fr")).delete()
    index = LectureIndexPage.objects.live().get(locale__language_code="fr")
    soup = BeautifulSoup(client.get(index.url + "speakers/mira-halvorsen/").content,
                         "html.parser")
    bio = soup.select_one(".speaker-bio")
    assert bio["lang"] == "en"
    assert bio.get_text(strip=True) == re.sub(r"<[^>]+>", "", english.bio)
    lecture = LecturePage.objects.live().filter(
        locale__language_code="fr", speakers__person=english).first()
    soup = BeautifulSoup(client.get(lecture.url).content, "html.parser")
    affiliation = next(span for span in soup.select(".person-list__affiliation")
                       if span.get_text(strip=True) == english.affiliation)
    assert affiliation["lang"] == "en"


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_series_board_is_in_the_page_language(client, demo, code):
    series_page = SeriesIndexPage.objects.live().filter(
        locale__language_code=code, series__editors__isnull=False).first()
    assert series_page is not None
    html = unescape(client.get(series_page.url).content.decode())
    locale = Locale.objects.get(language_code=code)
    for editor in series_page.series.editors.select_related("person"):
        assert str(editor.person.get_translation(locale)) in html


def queries_for(client, url):
    for cache in caches.all():
        cache.clear()  # the page's fragments are rebuilt, speakers included
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_speakers_translations_cost_the_same_queries_whatever_their_number(client, demo):
    french = LecturePage.objects.live().filter(
        locale__language_code="fr", speakers__isnull=False).distinct().first()
    before = queries_for(client, french.url)
    shown = set(french.speakers.values_list("person_id", flat=True))
    others = [person for person in english_people() if person.pk not in shown][:3]
    for order, person in enumerate(others, start=10):
        Speaker.objects.create(page=french, person=person, sort_order=order)
    after = queries_for(client, french.url)
    french_locale = Locale.objects.get(language_code="fr")
    html = client.get(french.url).content.decode()
    for person in others:
        assert str(person.get_translation(french_locale)) in html
    assert after == before
