"""The lecture demo: Arabic pages made through wagtail-localize, slides and related publications,
and a second run that changes nothing."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management.base import BaseCommand
from wagtail.models import Page, Revision
from wagtail_localize.models import Translation

from home.factories import site_home
from lectures.models import EventPage, LectureIndexPage, LecturePage, LectureSeriesPage

pytestmark = pytest.mark.django_db


def load(capture_on_commit):
    """The home pages in every language, the publications demo the lecture demo links to
    (load_demo runs it first), then the lecture demo. Not home.demo: the mission pages test
    themselves, and the lecture demo needs only the translated home pages."""
    from lectures import demo as lecture_demo
    from publications import demo as publication_demo

    command = BaseCommand(stdout=io.StringIO())
    # wagtail-localize publishes translations on commit; a test's transaction never commits.
    with capture_on_commit(execute=True):
        for code in ("en", "fr", "de", "ar"):
            site_home(code)
        for module in (publication_demo, lecture_demo):
            module.load(command)


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "translations": Translation.objects.count(),
        "tree": list(Page.objects.order_by("path").values_list("path", "numchild", "live")),
    }


@pytest.fixture
def demo(full_demo, django_capture_on_commit_callbacks):
    """The whole demo (shared, tests/conftest.py); returns what runs on-commit callbacks, for
    the tests that load the lecture demo again."""
    return django_capture_on_commit_callbacks


def test_a_second_run_changes_nothing(demo):
    first = counts()
    load(demo)
    assert counts() == first


def test_the_arabic_archive_reads_right_to_left(client, demo):
    index = LectureIndexPage.objects.get(locale__language_code="ar")
    assert index.url == "/ar/lectures/"
    response = client.get("/ar/lectures/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "ar" and soup.html["dir"] == "rtl"
    assert soup.h1.get_text(strip=True) == "المحاضرات والفعاليات"
    series = LectureSeriesPage.objects.get(locale__language_code="ar")
    assert series.title == "حوارات مدنية عسكرية"
    lectures = LecturePage.objects.filter(locale__language_code="ar").live()
    assert lectures.count() == 2
    course = EventPage.objects.get(locale__language_code="ar", kind="training")
    assert course.title.startswith("التنسيق المدني العسكري")
    for page in [series, *lectures, course]:
        page_response = client.get(page.url)
        assert page_response.status_code == 200, page.url
        assert b'dir="rtl"' in page_response.content


def test_the_arabic_recorded_lecture_has_its_chapters_and_transcript(client, demo):
    lecture = LecturePage.objects.get(locale__language_code="ar", video_url__gt="")
    assert lecture.title == "من يتحدث باسم المدنيين في خلية التخطيط؟"
    assert [c.value["title"] for c in lecture.chapters][0] == "ترحيب وتقديم"
    assert lecture.transcript.startswith("مساء الخير")
    assert "\n\n" in lecture.transcript  # paragraphs survive the translation
    soup = BeautifulSoup(client.get(lecture.url).content, "html.parser")
    assert "أسئلة الحضور" in soup.select_one(".entry-chapters").get_text()
    assert len(soup.select("[data-transcript] p")) == 4
    assert soup.select_one("[data-video-facade]")


def test_two_lectures_have_slides_and_related_publications(client, demo):
    with_slides = LecturePage.objects.filter(
        locale__language_code="en", slides__isnull=False).live()
    assert with_slides.count() == 2
    for lecture in with_slides:
        with lecture.slides.file.open("rb") as pdf:
            assert pdf.read(5) == b"%PDF-"
        related = [rel.publication for rel in lecture.related_publications.all()]
        assert related and all(page.live for page in related)
        html = client.get(lecture.url).content.decode()
        assert lecture.slides.url in html
        assert all(page.title in html for page in related)


def _french_lecture():
    return LecturePage.objects.get(
        locale__language_code="fr", slug="who-speaks-for-civilians-in-a-planning-cell")


def test_french_and_german_pages_are_translated_throughout(client, demo):
    """Not only the titles: abstracts, chapters, transcripts and the course's modules, made
    through wagtail-localize, so the Translations report counts them up to date."""
    from wagtail.models import Locale

    from translation.status import UP_TO_DATE, translation_statuses

    lecture = _french_lecture()
    soup = BeautifulSoup(client.get(lecture.url).content, "html.parser")
    text = soup.get_text(" ")
    assert "Les états-majors modélisent en détail le terrain" in text
    assert "Planning staffs" not in text
    assert "Questions du public" in soup.select_one(".entry-chapters").get_text()
    transcript = soup.select("[data-transcript] p")
    assert len(transcript) == 4 and transcript[0].get_text().startswith("Bonsoir")

    rule_of_law = LecturePage.objects.get(locale__language_code="fr",
                                          slug="rule-of-law-after-the-ceasefire")
    assert "Police, tribunaux et prisons" in rule_of_law.abstract

    course = EventPage.objects.get(locale__language_code="de", kind="training")
    html = client.get(course.url).content.decode()
    assert "Grundlagen der zivil-militärischen Interaktion" in html
    assert "Eine Akteurslandkarte für einen fiktiven Bezirk erstellen." in html
    assert "Foundations of civil-military interaction" not in html
    assert "Ein monatlicher Abendvortrag" in LectureSeriesPage.objects.get(
        locale__language_code="de").intro

    index = LectureIndexPage.objects.get(locale__language_code="en")
    sources = Page.objects.descendant_of(index, inclusive=True).filter(
        translation_key__in=Page.objects.filter(
            locale__language_code="fr").values("translation_key"),
    ).specific()
    statuses = translation_statuses(sources, Locale.objects.filter(language_code__in=["fr", "de"]))
    assert len(sources) >= 6
    states = {s.state for per_locale in statuses.values() for s in per_locale.values()}
    assert states == {UP_TO_DATE}


def test_reloading_completes_older_demo_translations_and_keeps_translators_work(demo):
    """A translation an earlier demo made title-only gets the rest on reload, without touching
    what a translator changed; a translator's unpublished work is not published by the demo."""
    from django.contrib.auth import get_user_model
    from wagtail_localize.models import StringTranslation, TranslationSource

    lecture = _french_lecture()
    source = TranslationSource.objects.get(object_id=lecture.translation_key,
                                           locale__language_code="en")
    strings = StringTranslation.objects.filter(locale=lecture.locale,
                                               context__object_id=source.object_id)
    # As an earlier demo left it: the abstract untranslated; and a translator's own chapter title.
    strings.filter(context__path="abstract").delete()
    translator = get_user_model().objects.create(username="traductrice")
    chapter = strings.get(data="Questions du public")
    chapter.data = "Vos questions"
    chapter.last_translated_by = translator
    chapter.save()
    translation = source.translations.get(target_locale=lecture.locale)
    with demo(execute=True):
        translation.save_target(publish=True)
    lecture.refresh_from_db()
    assert "Planning staffs" in lecture.abstract

    load(demo)

    lecture.refresh_from_db()
    assert "Les états-majors" in lecture.abstract
    assert [c.value["title"] for c in lecture.chapters][-1] == "Vos questions"

    # Now the translator changes a string and has not published yet: the demo adds what is
    # missing to the editor but publishes nothing.
    strings.filter(context__path="abstract").delete()
    chapter.data = "Questions de la salle"
    chapter.save()
    revision = lecture.live_revision_id
    load(demo)
    lecture.refresh_from_db()
    assert lecture.live_revision_id == revision
    assert strings.get(context__path="abstract").data.startswith("Les états-majors")
    assert strings.get(pk=chapter.pk).data == "Questions de la salle"
