"""ISSN, ISBN, DOI and ORCID iDs are checked (python-stdnum) and stored as registered."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from publications import demo, factories
from publications.models import PublicationContributor, Series
from publications.validators import (
    normalise_doi,
    normalise_isbn,
    normalise_issn,
    validate_doi,
    validate_isbn,
    validate_issn,
    validate_orcid,
)


@pytest.mark.parametrize("validator,value,code", [
    (validate_issn, "2941-1201", "issn_checksum"),
    (validate_issn, "2941-12", "issn_format"),
    (validate_issn, "ISSN abcd", "issn_format"),
    (validate_isbn, "978-3-16-148410-1", "isbn_checksum"),
    (validate_isbn, "3-16-148410-1", "isbn_checksum"),
    (validate_isbn, "978-3-16", "isbn_format"),
    (validate_doi, "https://doi.org/10.1234/x", "doi_format"),
    (validate_doi, "10.12/x", "doi_format"),
    (validate_doi, "10.12345/with space", "doi_format"),
    (validate_orcid, "0000-0002-1825-0098", "orcid_checksum"),
    (validate_orcid, "0000-0002-1825", "orcid_format"),
])
def test_wrong_identifiers_are_refused_with_their_own_message(validator, value, code):
    with pytest.raises(ValidationError) as error:
        validator(value)
    assert error.value.code == code


@pytest.mark.parametrize("validator,value", [
    (validate_issn, "2049-3630"), (validate_issn, "2941-122X"),
    (validate_isbn, "978-3-16-148410-0"), (validate_isbn, "3-16-148410-X"),
    (validate_doi, "10.12345/jcmi.wp.7"), (validate_orcid, "0000-0002-1694-233X"),
])
def test_right_identifiers_pass(validator, value):
    validator(value)


def test_identifiers_are_stored_as_registered():
    assert normalise_isbn("9783161484100") == "978-3-16-148410-0"
    assert normalise_isbn("316148410X") == "3-16-148410-X"  # an ISBN-10 stays one
    assert normalise_issn("20493630") == "2049-3630"
    assert normalise_doi("https://doi.org/10.12345/x") == "10.12345/x"
    assert normalise_doi("doi: 10.12345/x") == "10.12345/x"
    assert normalise_isbn("not an isbn") == "not an isbn"  # left for the validator to refuse


@pytest.mark.django_db
def test_models_check_and_normalise_their_identifiers(working_papers):
    series, page = working_papers
    series.issn = "29410002"
    series.full_clean()
    assert series.issn == "2941-0002"
    series.issn = "2941-0001"
    with pytest.raises(ValidationError) as error:
        series.full_clean()
    assert [e.code for e in error.value.error_dict["issn"]] == ["issn_checksum"]

    publication = factories.make_publication(page)
    publication.isbn, publication.doi = "9783161484100", "https://doi.org/10.12345/jcmi.1"
    publication.full_clean()
    assert (publication.isbn, publication.doi) == ("978-3-16-148410-0", "10.12345/jcmi.1")
    publication.isbn = "978-3-16-148410-9"
    with pytest.raises(ValidationError) as error:
        publication.full_clean()
    assert [e.code for e in error.value.error_dict["isbn"]] == ["isbn_checksum"]

    contributor = PublicationContributor(page=publication, family_name="Diallo",
                                         orcid="https://orcid.org/0000-0002-1825-0097")
    contributor.full_clean()
    assert contributor.orcid == "0000-0002-1825-0097"


@pytest.mark.django_db
def test_the_series_admin_form_shows_the_message_and_saves_nothing(client, django_user_model, site):
    admin = django_user_model.objects.create_superuser("admin", "a@jcmi.example", "pw")
    client.force_login(admin)
    response = client.post("/admin/snippets/publications/series/add/", {
        "name": "Policy Briefs", "slug": "briefs", "kind": "white_paper", "issn": "2941-1201",
        "review_anonymity": "double", "editors-TOTAL_FORMS": "0", "editors-INITIAL_FORMS": "0",
        "editors-MIN_NUM_FORMS": "0", "editors-MAX_NUM_FORMS": "1000",
        "locale": Locale.get_default().pk,
    })
    assert response.status_code == 200
    assert "This ISSN has a typing error" in response.content.decode()
    assert not Series.objects.filter(slug="briefs").exists()


def test_the_demo_uses_valid_identifiers():
    for data in demo.SERIES:
        if data["issn"]:
            validate_issn(data["issn"])
    for *_, orcid in demo.PEOPLE:
        if orcid:
            validate_orcid(orcid)
