"""A series has a DOI pattern (prefix, series code, number); the page editor suggests the DOI it
gives a publication whose DOI is empty, and fills in nothing by itself."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Locale

from publications import factories
from publications.models import PublicationPage
from tests.publications.test_workflow import edit_form


@pytest.fixture
def patterned(working_papers):
    series, series_page = working_papers
    series.doi_prefix, series.doi_series_code = "10.99999", "jcmi.wp"
    series.full_clean()
    series.save()
    return series, series_page


@pytest.fixture
def editor(client, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", "admin@jcmi.example", "pw")
    client.force_login(admin)
    return admin


def doi_field(client, url):
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    field = soup.find("input", attrs={"name": "doi"})
    listed = soup.find("datalist", id=field.get("list")) if field.get("list") else None
    options = [o["value"] for o in listed.find_all("option")] if listed else []
    return field, options, soup


def test_the_pattern_gives_prefix_code_and_number(patterned):
    series, _ = patterned
    assert series.suggested_doi(7) == "10.99999/jcmi.wp.7"
    assert series.suggested_doi(None) == ""
    series.doi_series_code = ""
    assert series.suggested_doi(7) == ""


@pytest.mark.parametrize("prefix,code,message", [
    ("10.99", "jcmi.wp", "Enter a DOI prefix such as 10.12345"),
    ("https://doi.org/10.99999", "jcmi.wp", "Enter a DOI prefix such as 10.12345"),
    ("10.99999", "jcmi wp", "Use letters, digits"),
    ("10.99999", "/jcmi", "Use letters, digits"),
    ("10.99999", "", "Give both the DOI prefix and the series code"),
])
def test_a_wrong_pattern_is_refused_with_a_clear_message(working_papers, prefix, code, message):
    series, _ = working_papers
    series.doi_prefix, series.doi_series_code = prefix, code
    with pytest.raises(ValidationError) as error:
        series.full_clean()
    assert message in str(error.value)


def test_a_new_publication_is_offered_the_next_number_s_doi(client, editor, patterned):
    _, series_page = patterned
    factories.make_publication(series_page)  # number 1
    url = reverse("wagtailadmin_pages:add", args=["publications", "publicationpage", series_page.pk])
    field, options, soup = doi_field(client, url)
    assert options == ["10.99999/jcmi.wp.2"]
    assert field["placeholder"] == "10.99999/jcmi.wp.2"
    assert field.get("value", "") == ""  # suggested, not filled in
    assert "Suggested from the series’ DOI pattern: 10.99999/jcmi.wp.2" in soup.get_text()


def test_a_publication_without_doi_is_offered_its_own_number_s_and_saving_keeps_it_empty(
        client, editor, patterned):
    _, series_page = patterned
    page = factories.make_publication(series_page, publish=False, series_number=5)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    _field, options, _soup = doi_field(client, url)
    assert options == ["10.99999/jcmi.wp.5"]

    # Saving without choosing it registers nothing; choosing it stores it.
    assert client.post(url, edit_form(page)).status_code == 302
    assert PublicationPage.objects.get(pk=page.pk).get_latest_revision_as_object().doi == ""
    assert client.post(url, edit_form(page, doi="10.99999/jcmi.wp.5")).status_code == 302
    assert PublicationPage.objects.get(pk=page.pk).get_latest_revision_as_object().doi == (
        "10.99999/jcmi.wp.5")


def test_no_suggestion_once_a_doi_is_set_without_a_pattern_or_on_a_translation(
        client, editor, patterned, working_papers):
    series, series_page = patterned
    with_doi = factories.make_publication(series_page, doi="10.99999/other.1")
    field, options, _soup = doi_field(client, reverse("wagtailadmin_pages:edit", args=[with_doi.pk]))
    assert options == [] and field["value"] == "10.99999/other.1"

    without = factories.make_publication(series_page)
    french = without.copy_for_translation(Locale.objects.get(language_code="fr"), copy_parents=True)
    _field, options, _soup = doi_field(client, reverse("wagtailadmin_pages:edit", args=[french.pk]))
    assert options == []

    series.doi_prefix = series.doi_series_code = ""
    series.save()
    _field, options, _soup = doi_field(client, reverse("wagtailadmin_pages:edit", args=[without.pk]))
    assert options == []
