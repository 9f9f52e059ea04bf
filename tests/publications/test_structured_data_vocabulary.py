"""Every property in the works' JSON-LD belongs to its type in schema.org's own vocabulary (the
official release file, publications/schemas/schemaorg): a Report carries no page total, a book
series is a BookSeries, and the versions of a work name each other with workTranslation and
translationOfWork, typed as the work is."""

import json

import pytest
from bs4 import BeautifulSoup

from home.factories import translated_copy
from publications import factories, schemas
from publications.models import Series


def json_ld(client, page):
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    (script,) = soup.find_all("script", type="application/ld+json")
    data = json.loads(script.string)
    problems = schemas.schema_org().problems(data)
    assert problems == [], "\n".join(problems)
    return data


def test_the_check_refuses_a_property_of_another_type():
    vocabulary = schemas.schema_org()
    assert vocabulary.problems({"@type": "Report", "numberOfPages": 12}) == [
        "$.numberOfPages: not a property of Report"]
    assert vocabulary.problems({"@type": "Book", "isPartOf": {"@type": "BookSeries",
                                                              "reportNumber": "1"}})
    assert vocabulary.problems({"@type": "Paper"}) == ["$: unknown type Paper"]
    assert vocabulary.problems({"@type": "Book", "numberOfPages": 12, "isbn": "x"}) == []


@pytest.mark.parametrize("kind,schema_type,series_type", [
    (Series.Kind.MONOGRAPH, "Book", "BookSeries"),
    (Series.Kind.WHITE_PAPER, "Report", "CreativeWorkSeries"),
    (Series.Kind.WORKING_PAPER, "Report", "CreativeWorkSeries"),
    (Series.Kind.ARTICLE, "ScholarlyArticle", "Periodical"),
])
def test_each_kind_and_its_translations_use_only_their_types_properties(
        client, site, kind, schema_type, series_type):
    _, series_page = factories.make_series(site["index"], name=f"Series {kind}",
                                           slug=kind.replace("_", "-"), kind=kind)
    page = factories.make_publication(
        series_page, subtitle="A subtitle", doi="10.12345/jcmi.x.1", page_count=40,
        isbn="978-3-16-148410-0" if kind == Series.Kind.MONOGRAPH else "",
        contributors=[{"given_names": "Ana", "family_name": "Müller", "orcid": "0000-0002-1825-0097",
                       "affiliation": "University of Ulm"},
                      {"given_names": "", "family_name": "Sukarno", "role": "editor"}])
    french = translated_copy(page, "fr", title="Une version française",
                             pdf=factories.make_document("Version française"))

    original = json_ld(client, page)
    assert original["@type"] == schema_type
    assert original["isPartOf"]["@type"] == series_type
    assert ("numberOfPages" in original) == (schema_type == "Book")
    assert [(w["@type"], w["inLanguage"]) for w in original["workTranslation"]] == [
        (schema_type, "fr")]

    translation = json_ld(client, french)
    assert translation["@type"] == schema_type
    assert translation["translationOfWork"]["@type"] == schema_type
    assert translation["translationOfWork"]["inLanguage"] == "en"
    assert "workTranslation" not in translation
    assert translation["encoding"]["inLanguage"] == "fr"
