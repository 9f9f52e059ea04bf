"""Copying a publication makes a new work: it never inherits the original's number or DOI.

A translation, by contrast, is the same work and keeps them.
"""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from publications import factories
from publications.models import PublicationPage


@pytest.fixture
def original(working_papers):
    series, series_page = working_papers
    return factories.make_publication(
        series_page, title="Original study", doi="10.99999/jcmi.original", isbn="978-3-16-148410-0"
    )


def copy_form(page, slug, **extra):
    return {"new_title": f"{page.title} (copy)", "new_slug": slug,
            "new_parent_page": page.get_parent().pk, **extra}


@pytest.mark.parametrize("publish_copies", [True, False], ids=["publish copies", "draft copy"])
def test_a_copy_gets_no_number_doi_or_isbn_of_its_own_yet(admin_client, original, publish_copies):
    extra = {"publish_copies": "on"} if publish_copies else {}
    response = admin_client.post(
        reverse("wagtailadmin_pages:copy", args=[original.pk]),
        copy_form(original, "the-copy", **extra),
    )
    assert response.status_code == 302
    copy = PublicationPage.objects.get(slug="the-copy")
    assert copy.live is publish_copies
    assert (copy.series_number, copy.doi, copy.isbn) == (None, "", "")
    latest = copy.get_latest_revision_as_object()
    assert (latest.series_number, latest.doi, latest.isbn) == (None, "", "")
    original.refresh_from_db()
    assert original.doi == "10.99999/jcmi.original" and original.series_number == 1
    # The editor can then give it the next number without a clash.
    assert copy.get_parent().specific.next_series_number() == 2


def test_a_translation_keeps_the_works_identifiers(original):
    french = original.copy_for_translation(Locale.objects.get(language_code="fr"),
                                           copy_parents=True)
    french.refresh_from_db()
    assert (french.series_number, french.doi, french.isbn) == (
        original.series_number, original.doi, original.isbn)
    latest = french.get_latest_revision_as_object()
    assert (latest.series_number, latest.doi) == (original.series_number, original.doi)
