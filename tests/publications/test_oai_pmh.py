"""A harvester (Sickle) collects every publication from /oai/, and bad requests get OAI errors."""

from datetime import timedelta

import pytest
from django.utils import timezone
from lxml import etree
from sickle import Sickle

from publications import factories

NS = {"oai": "http://www.openarchives.org/OAI/2.0/", "dc": "http://purl.org/dc/elements/1.1/",
      "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/"}


def oai(client, **params):
    response = client.get("/oai/", params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/xml")
    return etree.fromstring(response.content)


def error_code(tree):
    errors = tree.findall("oai:error", NS)
    assert len(errors) == 1, etree.tostring(tree)
    return errors[0].get("code")


@pytest.fixture
def catalogue(site, working_papers, settings):
    settings.OAI_PAGE_SIZE = 3
    series, series_page = working_papers
    _, monographs_page = factories.make_series(
        site["index"], name="JCMI Monographs", slug="monographs", kind="monograph", issn="", number_prefix="")
    pages = [factories.make_publication(series_page, with_pdf=False) for _ in range(5)]
    pages += [factories.make_publication(monographs_page, with_pdf=False) for _ in range(2)]
    factories.make_publication(series_page, with_pdf=False, publish=False)  # a draft: never harvested
    return pages


# serialized_rollback: the flush after this test must leave the migrations' data (locales, groups,
# workflows) for the tests after it, as the other transactional test expects.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_harvester_collects_every_record_across_resumption_tokens(live_server, catalogue):
    sickle = Sickle(live_server.url + "/oai/")
    identify = sickle.Identify()
    assert identify.protocolVersion == "2.0"
    assert identify.granularity == "YYYY-MM-DDThh:mm:ssZ"

    records = list(sickle.ListRecords(metadataPrefix="oai_dc"))
    titles = sorted(r.metadata["title"][0] for r in records)
    assert titles == sorted(p.title for p in catalogue)
    assert len({r.header.identifier for r in records}) == 7
    first = next(r for r in records if r.metadata["title"][0] == catalogue[0].title)
    assert first.metadata["creator"] == ["Müller, Ana"]
    assert first.metadata["language"] == ["en"]
    assert first.metadata["date"] == ["2026-03-14"]
    assert "http://localhost:%d%s" % (live_server.thread.port, catalogue[0].url) in first.metadata["identifier"] \
        or any(i.endswith(catalogue[0].url) for i in first.metadata["identifier"])
    assert first.header.setSpecs == ["working-papers"]

    identifiers = list(sickle.ListIdentifiers(metadataPrefix="oai_dc", set="monographs"))
    assert len(identifiers) == 2
    assert {s.setSpec for s in sickle.ListSets()} == {"working-papers", "monographs"}
    record = sickle.GetRecord(identifier=records[0].header.identifier, metadataPrefix="oai_dc")
    assert record.header.identifier == records[0].header.identifier
    formats = list(sickle.ListMetadataFormats())
    assert [f.metadataPrefix for f in formats] == ["oai_dc", "oai_openaire"]

    # The richer format, harvested the same way across its resumption tokens.
    openaire = list(sickle.ListRecords(metadataPrefix="oai_openaire"))
    assert sorted(r.metadata["title"][0] for r in openaire) == titles
    assert [r.header.identifier for r in openaire] == [r.header.identifier for r in records]
    first = next(r for r in openaire if r.metadata["title"][0] == catalogue[0].title)
    assert first.metadata["creatorName"] == ["Müller, Ana"]
    assert first.metadata["resourceType"] == ["working paper"]
    assert first.metadata["rights"] == ["metadata only access"]


def test_list_is_split_with_cursor_and_size_and_ends_with_an_empty_token(client, catalogue):
    tree = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    token = tree.find("oai:ListIdentifiers/oai:resumptionToken", NS)
    assert len(tree.findall("oai:ListIdentifiers/oai:header", NS)) == 3
    assert token.get("completeListSize") == "7" and token.get("cursor") == "0" and token.text
    seen = 3
    while token is not None and token.text:
        tree = oai(client, verb="ListIdentifiers", resumptionToken=token.text)
        seen += len(tree.findall("oai:ListIdentifiers/oai:header", NS))
        token = tree.find("oai:ListIdentifiers/oai:resumptionToken", NS)
    assert seen == 7
    assert token is not None and not token.text and token.get("cursor") == "6"
    # The request element echoes the verb and arguments of a valid request.
    assert tree.find("oai:request", NS).get("verb") == "ListIdentifiers"


def test_records_are_selected_by_date(client, catalogue):
    today = timezone.now().date()
    tree = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="monographs",
               **{"from": today.isoformat(), "until": today.isoformat()})
    assert len(tree.findall(".//oai:header", NS)) == 2
    tomorrow = (today + timedelta(days=1)).isoformat()
    assert error_code(oai(client, verb="ListRecords", metadataPrefix="oai_dc",
                          **{"from": tomorrow})) == "noRecordsMatch"
    # Second granularity, from and until inclusive.
    stamp = tree.find(".//oai:datestamp", NS).text
    tree = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": stamp, "until": stamp})
    assert stamp in [d.text for d in tree.findall(".//oai:datestamp", NS)]


@pytest.mark.parametrize("params,code", [
    ({}, "badVerb"),
    ({"verb": "Harvest"}, "badVerb"),
    ({"verb": ["Identify", "Identify"]}, "badVerb"),
    ({"verb": "Identify", "extra": "1"}, "badArgument"),
    ({"verb": "ListRecords"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": ["oai_dc", "oai_dc"]}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "yesterday"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2026-01-01",
      "until": "2026-02-01T00:00:00Z"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2026-02-01", "until": "2026-01-01"},
     "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "no-such-series"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "marc21"}, "cannotDisseminateFormat"),
    ({"verb": "GetRecord", "metadataPrefix": "oai_dc"}, "badArgument"),
    ({"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "oai:elsewhere:1"}, "idDoesNotExist"),
    ({"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "oai:testserver:publication/999999"},
     "idDoesNotExist"),
    ({"verb": "GetRecord", "metadataPrefix": "mods", "identifier": "oai:testserver:publication/1"},
     "cannotDisseminateFormat"),
    ({"verb": "ListMetadataFormats", "identifier": "oai:testserver:publication/x"}, "idDoesNotExist"),
    ({"verb": "ListIdentifiers", "resumptionToken": "forged"}, "badResumptionToken"),
    ({"verb": "ListIdentifiers", "resumptionToken": "x", "metadataPrefix": "oai_dc"}, "badArgument"),
    ({"verb": "ListSets", "resumptionToken": "x"}, "badResumptionToken"),
    # Characters XML cannot carry: the envelope echoes arguments, so they are refused unechoed.
    ({"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "from": "\x00"}, "badArgument"),
    ({"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "oai:x:\x00"}, "badArgument"),
    ({"verb": "ListRecords", "resumptionToken": "\x01"}, "badArgument"),
    ({"verb": "Identify", "\x00": "1"}, "badArgument"),
])
def test_bad_requests_get_the_protocol_error_never_a_server_error(client, site, params, code):
    tree = oai(client, **params)
    assert error_code(tree) == code
    request = tree.find("oai:request", NS)
    assert request.text == "http://testserver/oai/"
    if code in ("badVerb", "badArgument"):
        assert request.attrib == {}
    assert tree.find("oai:responseDate", NS).text.endswith("Z")


def test_empty_repository_says_no_records_match(client, site):
    assert error_code(oai(client, verb="ListRecords", metadataPrefix="oai_dc")) == "noRecordsMatch"
    assert oai(client, verb="Identify").find("oai:Identify/oai:earliestDatestamp", NS).text


def test_harvesters_may_post_their_requests(client, catalogue):
    response = client.post("/oai/", {"verb": "ListSets"})
    assert response.status_code == 200
    tree = etree.fromstring(response.content)
    assert len(tree.findall("oai:ListSets/oai:set", NS)) == 2
    assert client.put("/oai/").status_code == 405
