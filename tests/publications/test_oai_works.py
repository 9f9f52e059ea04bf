"""OAI-PMH: one record per work in every language, persistent deletions, COAR vocabularies, and
every response valid against the official OAI-PMH and oai_dc schemas."""

import pytest
from lxml import etree
from wagtail.models import Locale

from home.factories import translated_copy
from publications import factories, schemas

NS = {"oai": "http://www.openarchives.org/OAI/2.0/", "dc": "http://purl.org/dc/elements/1.1/",
      "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/"}
LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def oai(client, **params):
    response = client.get("/oai/", params)
    assert response.status_code == 200
    problems = schemas.errors(schemas.oai_pmh(), response.content)
    assert problems == [], "\n".join(problems)
    return etree.fromstring(response.content)


def translate(page, language, title, abstract, series_name=None):
    locale = Locale.objects.get(language_code=language)
    if series_name and page.series.get_translation_or_none(locale) is None:
        series = page.series.copy_for_translation(locale)
        series.name = series_name
        series.save()
    return translated_copy(page, language, title=title, abstract=f"<p>{abstract}</p>")


@pytest.fixture
def translated_work(working_papers):
    _, series_page = working_papers
    page = factories.make_publication(series_page, title="Coordination is not command",
                                      doi="10.12345/jcmi.wp.9")
    french = translate(page, "fr", "Coordonner n'est pas commander", "Le dialogue, pas la directive.",
                       "Documents de travail du JCMI")
    arabic = translate(page, "ar", "التنسيق ليس قيادة", "الحوار لا الأوامر.", "أوراق عمل الشبكة")
    return page, french, arabic


def test_a_translated_work_is_one_record_in_every_language(client, translated_work):
    page, french, arabic = translated_work
    tree = oai(client, verb="ListRecords", metadataPrefix="oai_dc")
    (record,) = tree.findall(".//oai:record", NS)
    assert record.find("oai:header/oai:identifier", NS).text.endswith(f":publication/{page.pk}")
    dc = record.find("oai:metadata/oai_dc:dc", NS)

    def values(tag):
        return [(e.get(LANG), e.text) for e in dc.findall(f"dc:{tag}", NS)]

    assert values("title") == [("en", page.title), ("fr", french.title), ("ar", arabic.title)]
    assert values("description") == [
        ("en", "How civil and military actors share plans in a crisis."),
        ("fr", "Le dialogue, pas la directive."), ("ar", "الحوار لا الأوامر.")]
    assert [text for _lang, text in values("language")] == ["en", "fr", "ar"]
    # Each language names the series in its own language.
    assert ("fr", "Documents de travail du JCMI") in values("relation")
    assert ("ar", "أوراق عمل الشبكة") in values("relation")
    assert ("en", "JCMI Working Papers") in values("relation")
    identifiers = [text for _lang, text in values("identifier")]
    assert identifiers.count("https://doi.org/10.12345/jcmi.wp.9") == 1
    # COAR vocabularies: a working paper, open access (the PDF is on the site), and its licence.
    types = [text for _lang, text in values("type")]
    assert types == ["Text", "http://purl.org/coar/resource_type/c_8042"]
    rights = [text for _lang, text in values("rights")]
    assert rights == ["http://purl.org/coar/access_right/c_abf2",
                      "https://creativecommons.org/licenses/by/4.0/"]

    listed = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    assert len(listed.findall(".//oai:header", NS)) == 1
    french_id = record.find("oai:header/oai:identifier", NS).text.replace(str(page.pk), str(french.pk))
    error = oai(client, verb="GetRecord", metadataPrefix="oai_dc", identifier=french_id)
    assert error.find("oai:error", NS).get("code") == "idDoesNotExist"


def test_every_verb_answers_valid_xml(client, translated_work, settings):
    settings.OAI_PAGE_SIZE = 1
    factories.make_publication(translated_work[0].get_parent().specific, with_pdf=False)
    identifier = f"oai:jcmi.example:publication/{translated_work[0].pk}"
    oai(client, verb="Identify")
    oai(client, verb="ListSets")
    oai(client, verb="ListMetadataFormats")
    oai(client, verb="ListMetadataFormats", identifier=identifier)
    oai(client, verb="GetRecord", metadataPrefix="oai_dc", identifier=identifier)
    first = oai(client, verb="ListRecords", metadataPrefix="oai_dc")
    token = first.find(".//oai:resumptionToken", NS).text
    oai(client, verb="ListRecords", resumptionToken=token)
    oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="working-papers")
    for params in ({"verb": "Nope"}, {"verb": "GetRecord", "metadataPrefix": "oai_dc",
                                      "identifier": "oai:jcmi.example:publication/0"}):
        oai(client, **params)


def test_a_withdrawn_work_stays_a_deleted_record_until_it_returns(client, translated_work):
    page, french, arabic = translated_work
    identify = oai(client, verb="Identify")
    assert identify.find("oai:Identify/oai:deletedRecord", NS).text == "persistent"
    identifier = f"oai:jcmi.example:publication/{page.pk}"

    french.unpublish()
    assert oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc").find(
        ".//oai:header", NS).get("status") is None  # the work is still out in two languages
    page.unpublish()
    arabic.delete()

    for verb in ("ListRecords", "ListIdentifiers"):
        tree = oai(client, verb=verb, metadataPrefix="oai_dc", set="working-papers")
        (header,) = tree.findall(".//oai:header", NS)
        assert header.get("status") == "deleted"
        assert header.find("oai:identifier", NS).text == identifier
        assert header.find("oai:setSpec", NS).text == "working-papers"
    record = oai(client, verb="GetRecord", metadataPrefix="oai_dc", identifier=identifier)
    assert record.find(".//oai:header", NS).get("status") == "deleted"
    assert record.find(".//oai:metadata", NS) is None

    page.save_revision().publish()
    tree = oai(client, verb="ListRecords", metadataPrefix="oai_dc")
    (header,) = tree.findall(".//oai:header", NS)
    assert header.get("status") is None
    assert header.find("oai:identifier", NS).text == identifier


def test_a_record_without_pdf_is_metadata_only(client, working_papers):
    _, series_page = working_papers
    factories.make_publication(series_page, with_pdf=False, licence="all-rights-reserved")
    dc = oai(client, verb="ListRecords", metadataPrefix="oai_dc").find(".//oai_dc:dc", NS)
    assert [e.text for e in dc.findall("dc:rights", NS)] == [
        "http://purl.org/coar/access_right/c_14cb", "All rights reserved"]
    assert dc.find("dc:format", NS) is None
