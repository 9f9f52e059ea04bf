"""A French version names its series in French; OAI identifiers follow the oai-identifier rules."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from lxml import etree
from wagtail.models import Locale

from publications import factories

NS = {"oai": "http://www.openarchives.org/OAI/2.0/",
      "id": "http://www.openarchives.org/OAI/2.0/oai-identifier"}
# The grammar of repositoryIdentifier in the oai-identifier scheme.
DOMAIN_NAME = re.compile(r"^[a-zA-Z][a-zA-Z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+$")


def test_a_french_version_cites_the_series_by_its_french_name(
    client, working_papers, django_capture_on_commit_callbacks
):
    from wagtail_localize.models import TranslationSource

    series, series_page = working_papers
    fr = Locale.objects.get(language_code="fr")
    french_series = series.copy_for_translation(fr)
    french_series.name = "Documents de travail du JCMI"
    french_series.save()
    page = factories.make_publication(series_page, title="Shared plans")
    source, _ = TranslationSource.get_or_create_from_instance(page)
    with django_capture_on_commit_callbacks(execute=True):
        source.create_or_update_translation(fr, publish=True, copy_parent_pages=True,
                                            fallback=True)
    french = page.get_translation(fr)

    soup = BeautifulSoup(client.get(french.url).content, "html.parser")
    assert soup.select_one('meta[name="citation_series_title"]')["content"] == (
        "Documents de travail du JCMI")
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert data["isPartOf"]["name"] == "Documents de travail du JCMI"
    csl = json.loads(client.get(french.url + "cite.json").content)[0]
    assert csl["collection-title"] == "Documents de travail du JCMI"

    # The English page keeps the English name.
    english = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert english.select_one('meta[name="citation_series_title"]')["content"] == (
        "JCMI Working Papers")


def identify(client):
    tree = etree.fromstring(client.get("/oai/", {"verb": "Identify"}).content)
    return tree.find(".//id:repositoryIdentifier", NS).text


@pytest.mark.parametrize("base_url, expected", [
    ("http://127.0.0.1:8000", "jcmi.example"),
    ("http://localhost:8000", "jcmi.example"),
    ("https://publications.jcmi.org", "publications.jcmi.org"),
])
def test_the_repository_identifier_is_a_domain_name(client, site, settings, base_url, expected):
    settings.WAGTAILADMIN_BASE_URL = base_url
    identifier = identify(client)
    assert identifier == expected
    assert DOMAIN_NAME.match(identifier)


def test_a_configured_repository_identifier_wins_and_records_use_it(client, publication,
                                                                    settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    settings.OAI_REPOSITORY_IDENTIFIER = "oai.jcmi.example.org"
    assert identify(client) == "oai.jcmi.example.org"
    identifier = f"oai:oai.jcmi.example.org:publication/{publication.pk}"
    tree = etree.fromstring(client.get("/oai/", {
        "verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": identifier}).content)
    assert tree.find(".//oai:header/oai:identifier", NS).text == identifier
