"""The demo command's publications: real PDFs, two series, French versions, idempotent."""

import io

import pytest
from django.core.management.base import BaseCommand
from wagtail.documents import get_document_model
from wagtail.models import Revision

from publications import demo
from publications.models import PublicationPage, Series


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    def run():
        # As load_demo does: one transaction, with what waits for the commit run at the end.
        with django_capture_on_commit_callbacks(execute=True):
            demo.load(BaseCommand(stdout=io.StringIO()))
    return run


@pytest.mark.django_db
def test_demo_publications_are_complete_and_a_second_run_changes_nothing(client, run):
    run()
    counts = (PublicationPage.objects.count(), Revision.objects.count(),
              get_document_model().objects.count(), Series.objects.count())
    run()
    assert (PublicationPage.objects.count(), Revision.objects.count(),
            get_document_model().objects.count(), Series.objects.count()) == counts

    english = PublicationPage.objects.filter(locale__language_code="en")
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
