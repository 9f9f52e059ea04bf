"""The demo command's publications: real PDFs, two series, French versions, idempotent."""

import io

import pytest
from django.core.management.base import BaseCommand
from wagtail.documents import get_document_model
from wagtail.models import Revision

from publications import demo
from publications.models import PublicationPage, Series


@pytest.fixture
def run(full_demo, django_capture_on_commit_callbacks):
    """Runs the publications demo again, on top of the whole demo (shared, tests/conftest.py)."""
    def run():
        # As load_demo does: one transaction, with what waits for the commit run at the end.
        with django_capture_on_commit_callbacks(execute=True):
            demo.load(BaseCommand(stdout=io.StringIO()))
    return run


@pytest.mark.django_db
def test_demo_publications_are_complete_and_a_second_run_changes_nothing(client, run):
    counts = (PublicationPage.objects.count(), Revision.objects.count(),
              get_document_model().objects.count(), Series.objects.count())
    run()
    assert (PublicationPage.objects.count(), Revision.objects.count(),
            get_document_model().objects.count(), Series.objects.count()) == counts

    # The twelve of this demo; the review demo adds the pages its accepted works became.
    from publications.models import Submission

    english = PublicationPage.objects.filter(locale__language_code="en").exclude(
        pk__in=Submission.objects.filter(publication_page__isnull=False).values("publication_page"))
    assert english.count() == 12
    assert english.values("series").distinct().count() == 2
    french = PublicationPage.objects.filter(locale__language_code="fr").live()
    assert french.count() >= 3
    for page in english:
        data = page.pdf.file.read()
        assert data.startswith(b"%PDF-") and len(data) > 2000
        assert page.contributors.exists() and page.topics.exists()
    sample = french.first()
    assert client.get(sample.url).status_code == 200
    assert sample.title != sample.get_translation(english.first().locale).title
    assert client.get("/en/publications/").status_code == 200


@pytest.mark.django_db
def test_demo_review_fills_the_monographs_series_through_the_production_path(
    client, full_demo, django_capture_on_commit_callbacks
):
    from publications.models import SeriesIndexPage, Submission
    from publications.review import demo as demo_review

    def run_both():
        with django_capture_on_commit_callbacks(execute=True):
            demo.load(BaseCommand(stdout=io.StringIO()))
            demo_review.load(BaseCommand(stdout=io.StringIO()))

    counts = (PublicationPage.objects.count(), Revision.objects.count(),
              Submission.objects.count(), get_document_model().objects.count())
    run_both()
    assert (PublicationPage.objects.count(), Revision.objects.count(),
            Submission.objects.count(), get_document_model().objects.count()) == counts

    # "Create publication page" has somewhere to put the accepted monograph.
    accepted = Submission.objects.get(state="accepted")
    assert accepted.series.slug == "monographs"
    assert SeriesIndexPage.objects.filter(series=accepted.series,
                                          locale__language_code="en").exists()

    in_production = Submission.objects.get(state="in_production")
    draft = in_production.publication_page.specific
    assert not draft.live and draft.series == in_production.series
    assert draft.pdf.file.read().startswith(b"%PDF-")
    published = Submission.objects.get(state="published")
    assert published.publication_page.live
    assert client.get(published.publication_page.url).status_code == 200

    # The index in every demo language, right to left in Arabic.
    german = client.get("/de/publications/")
    assert german.status_code == 200 and "Publikationen" in german.content.decode()
    arabic = client.get("/ar/publications/")
    assert arabic.status_code == 200
    assert 'dir="rtl"' in arabic.content.decode() and "المنشورات" in arabic.content.decode()
    for code in ("de", "ar"):
        assert PublicationPage.objects.live().filter(locale__language_code=code).count() >= 2


@pytest.mark.django_db
def test_each_series_reads_in_the_pages_language(client, full_demo):
    """The series' translations carry their own description, not the English one (issue 18:
    an Arabic series page showed the English description, unmarked)."""
    from bs4 import BeautifulSoup

    from publications.demo import SERIES, SERIES_DESCRIPTIONS
    from publications.models import SeriesIndexPage

    for data in SERIES:
        for code, descriptions in SERIES_DESCRIPTIONS.items():
            page = SeriesIndexPage.objects.get(slug=data["slug"], locale__language_code=code)
            text = BeautifulSoup(client.get(page.url).content, "html.parser").main.get_text(" ")
            assert descriptions[data["slug"]] in text, (code, data["slug"])
            assert data["description"] not in text, (code, data["slug"])


@pytest.mark.django_db
def test_the_arabic_board_joins_name_and_role_with_the_arabic_comma(client, full_demo):
    """A board member's role is stored once, in English: marked so, and joined to the name as
    Arabic joins list items."""
    from bs4 import BeautifulSoup

    from publications.models import SeriesIndexPage

    page = SeriesIndexPage.objects.get(slug="white-papers", locale__language_code="ar")
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    member = soup.select_one('[aria-labelledby="board-heading"] li')
    assert "، " in member.get_text() and ", " not in member.get_text()
    assert member.select_one('span[lang="en"]').get_text() == "Series editor"
