"""An accepted manuscript becomes a draft publication page, numbered and with its PDF."""

import io

import pytest
from django.core.exceptions import ValidationError
from wagtail.documents import get_document_model

from publications import factories
from publications.models import PublicationPage
from publications.review.production import build_publication_page


def pdf_file(name="final.pdf"):
    data = io.BytesIO(factories.minimal_pdf("Final version"))
    data.name = name
    return data


@pytest.fixture
def owner(django_user_model):
    return django_user_model.objects.create_user("managing-editor", "me@jcmi.example", "pw-12345")


def test_build_publication_page_makes_a_numbered_draft_with_every_field(client, site, working_papers, owner):
    series, series_page = working_papers
    factories.make_publication(series_page)  # number 1 is taken
    topic = factories.make_topic(site["topics_index"], "Rule of Law")
    person = factories.make_person("Amina Diallo", "amina-diallo")

    page = build_publication_page(
        series=series, title="Courts after Conflict", abstract="<p>Rebuilding courts.</p>",
        keywords=["rule of law", "courts"], topics=[topic],
        contributors=[
            {"name": "Amina Diallo", "affiliation": "University of Dakar", "orcid": "0000-0002-9931-440X",
             "email": "amina@example.org", "person": person},
            {"name": "Jean-Luc Martin", "affiliation": "Sciences Po"},
        ],
        pdf_file=pdf_file(), language_code="en", owner=owner,
    )
    page = PublicationPage.objects.get(pk=page.pk)
    assert not page.live and page.has_unpublished_changes
    assert page.get_parent().specific == series_page
    assert page.series == series
    assert page.series_number == 2
    assert page.owner == owner
    assert page.keyword_list == ["rule of law", "courts"]
    assert list(page.topics.all()) == [topic]
    assert [(c.given_names, c.family_name, c.affiliation, c.orcid) for c in page.contributors.all()] == [
        ("Amina", "Diallo", "University of Dakar", "0000-0002-9931-440X"),
        ("Jean-Luc", "Martin", "Sciences Po", ""),
    ]
    assert page.contributors.first().person == person
    assert page.pdf.file.read().startswith(b"%PDF-")
    assert page.pdf.file_size > 0
    revision = page.get_latest_revision()
    assert revision.user == owner
    # The draft goes through the publication workflow when submitted.
    assert page.get_workflow().name == "Publication review"
    assert "amina@example.org" not in str(revision.content)
    assert client.get(page.url).status_code == 404  # not public until the workflow publishes it


def test_a_file_that_is_not_a_pdf_is_refused_and_nothing_is_saved(working_papers, owner):
    series, _ = working_papers
    fake = io.BytesIO(b"<html>not a pdf</html>")
    fake.name = "paper.pdf"
    with pytest.raises(ValidationError):
        build_publication_page(
            series=series, title="Fake", abstract="", keywords=[], topics=[],
            contributors=[{"name": "A B"}], pdf_file=fake, language_code="en", owner=owner,
        )
    assert not PublicationPage.objects.filter(title="Fake").exists()
    assert not get_document_model().objects.filter(title="Fake").exists()


def test_bad_orcid_is_refused_and_nothing_is_saved(working_papers, owner, settings):
    series, _ = working_papers
    with pytest.raises(ValidationError):
        build_publication_page(
            series=series, title="Bad ORCID", abstract="", keywords=[], topics=[],
            contributors=[{"name": "A B", "orcid": "1234"}], pdf_file=pdf_file(),
            language_code="en", owner=owner,
        )
    assert not PublicationPage.objects.filter(title="Bad ORCID").exists()
    assert not get_document_model().objects.filter(title="Bad ORCID").exists()
    # The PDF was stored before the contributor was refused: it is removed again.
    assert not list((settings.MEDIA_ROOT / "documents").glob("*.pdf"))


def test_a_series_without_a_page_in_that_language_is_a_clear_error(working_papers, owner):
    series, _ = working_papers
    with pytest.raises(ValidationError, match="no page in this language"):
        build_publication_page(
            series=series, title="Sans page", abstract="", keywords=[], topics=[],
            contributors=[{"name": "A B"}], pdf_file=pdf_file(), language_code="fr", owner=owner,
        )
