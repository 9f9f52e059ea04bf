"""OAI-PMH offers OpenAIRE's Literature profile (``oai_openaire``) next to oai_dc: one record per
work in every language, valid against the official OpenAIRE 4.0 schema on its own and inside the
OAI-PMH envelope, with COAR types and access rights and the full texts at the site's addresses."""

import copy

import pytest
from lxml import etree

from publications import factories, schemas
from publications.models import Series
from tests.publications.test_oai_works import translate

NS = {"oai": "http://www.openarchives.org/OAI/2.0/",
      "oaire": "http://namespace.openaire.eu/schema/oaire/",
      "datacite": "http://datacite.org/schema/kernel-4", "dc": "http://purl.org/dc/elements/1.1/"}
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
HOST = "http://testserver"


def oai(client, **params):
    response = client.get("/oai/", params)
    assert response.status_code == 200
    problems = schemas.errors(schemas.oai_pmh(), response.content)
    assert problems == [], "\n".join(problems)
    return etree.fromstring(response.content)


# What the guidelines make mandatory. The schema lists its elements in an unbounded choice, so
# it cannot refuse a record that leaves one out: the tests check their presence themselves.
MANDATORY = ["datacite:titles/datacite:title", "oaire:resourceType", "datacite:identifier",
             "datacite:rights", "datacite:dates/datacite:date[@dateType='Issued']", "dc:language",
             "dc:publisher", "datacite:creators/datacite:creator"]


def resources(tree):
    """Each record's oaire:resource, checked against the OpenAIRE schema on its own and for the
    profile's mandatory elements."""
    found = tree.findall(".//oai:metadata/oaire:resource", NS)
    for resource in found:
        problems = schemas.errors(schemas.openaire(), etree.tostring(resource))
        assert problems == [], "\n".join(problems)
        assert [path for path in MANDATORY if resource.find(path, NS) is None] == []
        assert len(resource.findall("datacite:identifier", NS)) == 1
        assert len(resource.findall("datacite:rights", NS)) == 1
    return found


def texts(resource, path):
    return [(e.get(LANG), e.text) for e in resource.findall(path, NS)]


@pytest.fixture
def translated_work(working_papers, site):
    _, series_page = working_papers
    topic = factories.make_topic(site["topics_index"], "Protection of Civilians")
    page = factories.make_publication(series_page, title="Coordination is not command",
                                      subtitle="Notes from the field", doi="10.12345/jcmi.wp.9",
                                      topics=[topic], page_count=24)
    french = translate(page, "fr", "Coordonner n'est pas commander",
                       "Le dialogue, pas la directive.", "Documents de travail du JCMI")
    french.pdf = factories.make_document("Coordonner")
    french.subtitle, french.keywords = "Notes de terrain", "CIMIC; coordination civilo-militaire"
    french.save_revision().publish()
    arabic = translate(page, "ar", "التنسيق ليس قيادة", "الحوار لا الأوامر.", "أوراق عمل الشبكة")
    return page, french, arabic


def test_the_profile_is_offered_next_to_oai_dc(client, site):
    formats = oai(client, verb="ListMetadataFormats").findall(".//oai:metadataFormat", NS)
    offered = {f.findtext("oai:metadataPrefix", namespaces=NS): (
        f.findtext("oai:schema", namespaces=NS), f.findtext("oai:metadataNamespace", namespaces=NS))
        for f in formats}
    assert offered["oai_openaire"] == ("https://www.openaire.eu/schema/repo-lit/4.0/openaire.xsd",
                                       "http://namespace.openaire.eu/schema/oaire/")
    assert "oai_dc" in offered


def test_a_translated_work_is_one_openaire_record_in_every_language(client, translated_work):
    page, french, arabic = translated_work
    tree = oai(client, verb="ListRecords", metadataPrefix="oai_openaire")
    (record,) = tree.findall(".//oai:record", NS)
    assert record.findtext("oai:header/oai:identifier", namespaces=NS).endswith(
        f":publication/{page.pk}")
    (resource,) = resources(tree)

    # Each language's own words: the Arabic version left the subtitle and keywords untranslated,
    # so the English ones are not repeated under its language.
    assert texts(resource, "datacite:titles/datacite:title") == [
        ("en", page.title), ("en", "Notes from the field"), ("fr", french.title),
        ("fr", "Notes de terrain"), ("ar", arabic.title)]
    assert [e.get("titleType") for e in resource.findall("datacite:titles/datacite:title", NS)
            ] == [None, "Subtitle", None, "Subtitle", None]
    assert texts(resource, "dc:description") == [
        ("en", "How civil and military actors share plans in a crisis."),
        ("fr", "Le dialogue, pas la directive."), ("ar", "الحوار لا الأوامر.")]
    assert [text for _l, text in texts(resource, "dc:language")] == ["en", "fr", "ar"]

    creator = resource.find("datacite:creators/datacite:creator", NS)
    assert creator.findtext("datacite:creatorName", namespaces=NS) == "Müller, Ana"
    assert creator.find("datacite:nameIdentifier", NS).text == "https://orcid.org/0000-0002-1825-0097"
    assert creator.find("datacite:nameIdentifier", NS).get("nameIdentifierScheme") == "ORCID"
    assert creator.findtext("datacite:affiliation", namespaces=NS) == "University of Ulm"

    identifier = resource.find("datacite:identifier", NS)
    assert (identifier.get("identifierType"), identifier.text) == (
        "DOI", "https://doi.org/10.12345/jcmi.wp.9")
    assert resource.findtext("datacite:alternateIdentifiers/datacite:alternateIdentifier",
                             namespaces=NS) == HOST + page.url
    related = [(e.get("relationType"), e.get("relatedIdentifierType"), e.text)
               for e in resource.findall("datacite:relatedIdentifiers/datacite:relatedIdentifier", NS)]
    assert related == [("IsPartOf", "ISSN", "2941-0002"), ("HasVersion", "URL", HOST + french.url),
                       ("HasVersion", "URL", HOST + arabic.url)]

    resource_type = resource.find("oaire:resourceType", NS)
    assert (resource_type.get("uri"), resource_type.text) == (
        "http://purl.org/coar/resource_type/c_8042", "working paper")
    rights = resource.find("datacite:rights", NS)
    assert (rights.get("rightsURI"), rights.text) == (
        "http://purl.org/coar/access_right/c_abf2", "open access")
    assert resource.find("datacite:dates/datacite:date", NS).text == "2026-03-14"
    assert resource.findtext("datacite:sizes/datacite:size", namespaces=NS) == "24 pages"
    assert texts(resource, "datacite:subjects/datacite:subject") == [
        ("en", "CIMIC"), ("en", "coordination"), ("fr", "coordination civilo-militaire"),
        ("en", "Protection of Civilians")]
    assert resource.findtext("oaire:citationTitle", namespaces=NS) == "JCMI Working Papers"
    assert resource.findtext("oaire:citationVolume", namespaces=NS) == str(page.series_number)
    licence = resource.find("oaire:licenseCondition", NS)
    assert licence.get("uri") == "https://creativecommons.org/licenses/by/4.0/"

    # oai_dc says the same of the languages.
    dc = oai(client, verb="ListRecords", metadataPrefix="oai_dc").find(
        ".//{http://www.openarchives.org/OAI/2.0/oai_dc/}dc")
    assert texts(dc, "dc:subject") == texts(resource, "datacite:subjects/datacite:subject")
    assert [lang for lang, _text in texts(dc, "dc:title")] == ["en", "fr", "ar"]

    # The original's full text and the French one, each answering from the site itself; the
    # Arabic version has no PDF of its own and adds none.
    files = resource.findall("oaire:file", NS)
    assert [f.text for f in files] == [HOST + page.url + "fulltext.pdf",
                                       HOST + french.url + "fulltext.pdf"]
    for file in files:
        assert file.get("objectType") == "fulltext"
        response = client.get(file.text.removeprefix(HOST))
        assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")


def test_a_monograph_without_pdf_names_its_editors_and_isbn_and_is_metadata_only(client, site):
    _, series_page = factories.make_series(site["index"], name="JCMI Monographs", slug="monographs",
                                           kind=Series.Kind.MONOGRAPH, issn="", number_prefix="")
    factories.make_publication(series_page, with_pdf=False, isbn="978-3-16-148410-0",
                               licence="all-rights-reserved", contributors=[
                                   {"given_names": "Ana", "family_name": "Müller"},
                                   {"given_names": "", "family_name": "Sukarno", "role": "editor"}])
    (resource,) = resources(oai(client, verb="ListRecords", metadataPrefix="oai_openaire"))
    identifier = resource.find("datacite:identifier", NS)
    assert identifier.get("identifierType") == "URL"
    assert [(e.get("alternateIdentifierType"), e.text) for e in resource.findall(
        "datacite:alternateIdentifiers/datacite:alternateIdentifier", NS)] == [
        ("ISBN", "978-3-16-148410-0")]
    editor = resource.find("datacite:contributors/datacite:contributor", NS)
    assert editor.get("contributorType") == "Editor"
    assert editor.findtext("datacite:contributorName", namespaces=NS) == "Sukarno"
    assert resource.find("oaire:resourceType", NS).get("uri") == (
        "http://purl.org/coar/resource_type/c_2f33")
    assert resource.find("datacite:rights", NS).get("rightsURI") == (
        "http://purl.org/coar/access_right/c_14cb")
    assert resource.find("oaire:file", NS) is None
    assert resource.find("dc:format", NS) is None
    assert resource.find("datacite:relatedIdentifiers", NS) is None
    assert resource.find("oaire:licenseCondition", NS).text == "All rights reserved"


def test_every_verb_in_the_profile_answers_valid_xml_and_tokens_keep_the_format(
        client, translated_work, settings):
    settings.OAI_PAGE_SIZE = 1
    page = translated_work[0]
    factories.make_publication(page.get_parent().specific, with_pdf=False)
    identifier = f"oai:jcmi.example:publication/{page.pk}"
    assert len(resources(oai(client, verb="GetRecord", metadataPrefix="oai_openaire",
                             identifier=identifier))) == 1
    first = oai(client, verb="ListRecords", metadataPrefix="oai_openaire")
    token = first.findtext(".//oai:resumptionToken", namespaces=NS)
    second = oai(client, verb="ListRecords", resumptionToken=token)
    assert len(resources(first)) == len(resources(second)) == 1
    assert second.find(".//oai_dc", NS) is None
    oai(client, verb="ListIdentifiers", metadataPrefix="oai_openaire", set="working-papers")

    page.unpublish()
    for other in page.get_translations():
        other.unpublish()
    record = oai(client, verb="GetRecord", metadataPrefix="oai_openaire", identifier=identifier)
    assert record.find(".//oai:header", NS).get("status") == "deleted"


def test_the_schema_refuses_what_the_profile_forbids(client, translated_work):
    """The check is real: a resource type or an access right outside COAR's lists fails the
    official schema."""
    (resource,) = resources(oai(client, verb="ListRecords", metadataPrefix="oai_openaire"))
    wrong_type = copy.deepcopy(resource)
    wrong_type.find("oaire:resourceType", NS).set("uri", "http://example.org/white-paper")
    assert schemas.errors(schemas.openaire(), etree.tostring(wrong_type))
    wrong_rights = copy.deepcopy(resource)
    wrong_rights.find("datacite:rights", NS).set("rightsURI", "http://example.org/free")
    assert schemas.errors(schemas.openaire(), etree.tostring(wrong_rights))


@pytest.mark.parametrize("prefix", ["oai_dc", "oai_openaire"])
def test_a_list_costs_the_same_queries_for_one_work_or_many(
        client, working_papers, site, prefix, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _, series_page = working_papers
    topic = factories.make_topic(site["topics_index"], "Rule of Law")

    def add_work(n):
        page = factories.make_publication(series_page, title=f"Work {n}", topics=[topic],
                                          doi=f"10.12345/jcmi.wp.{n}")
        translate(page, "fr", f"Travail {n}", "Un résumé.", "Documents de travail du JCMI")

    add_work(1)
    oai(client, verb="ListRecords", metadataPrefix=prefix)  # warms the site's root paths
    with CaptureQueriesContext(connection) as one:
        oai(client, verb="ListRecords", metadataPrefix=prefix)
    for n in range(2, 6):
        add_work(n)
    with django_assert_max_num_queries(len(one)):
        tree = oai(client, verb="ListRecords", metadataPrefix=prefix)
    assert len(tree.findall(".//oai:record", NS)) == 5
