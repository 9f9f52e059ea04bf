"""The full text is served from the site itself at a stable address; each language's page points
to its own PDF when it has one, else to the original's; JSON-LD links the versions of a work."""

import json

import feedparser
import pytest
from bs4 import BeautifulSoup
from wagtail.models import Collection, CollectionViewRestriction

from home.factories import translated_copy
from publications import factories
from tests.storage.conftest import moto_endpoint, s3  # noqa: F401 -- fixtures, as in tests/storage

HOST = "http://testserver"


def meta(client, page):
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    tags = {m["name"]: m["content"] for m in soup.find_all("meta") if m.get("name", "").startswith("citation_")}
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    button = soup.select_one(".publication__download a")
    return tags, data, button


def assert_pdf(client, url):
    assert url.startswith(HOST + "/")
    response = client.get(url.removeprefix(HOST))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF-")
    return body




def test_every_public_link_to_the_pdf_is_the_same_stable_address_on_the_site(client, publication):
    tags, data, button = meta(client, publication)
    url = HOST + publication.url + "fulltext.pdf"
    assert tags["citation_pdf_url"] == url
    assert data["encoding"]["contentUrl"] == url
    assert button["href"] == publication.url + "fulltext.pdf" or button["href"] == url
    feed = feedparser.parse(client.get("/en/publications/feed.xml").content)
    assert feed.entries[0].enclosures[0]["href"] == url
    body = assert_pdf(client, url)
    assert len(body) == publication.pdf.file_size
    response = client.get(publication.url + "fulltext.pdf")
    assert 'filename="' + publication.slug + '.pdf"' in response["Content-Disposition"]
    assert "inline" in response["Content-Disposition"]


def test_no_pdf_no_address(client, working_papers):
    _, series_page = working_papers
    page = factories.make_publication(series_page, with_pdf=False)
    tags, data, button = meta(client, page)
    assert "citation_pdf_url" not in tags and "encoding" not in data and button is None
    assert client.get(page.url + "fulltext.pdf").status_code == 404


def test_a_pdf_in_a_private_collection_is_not_served(client, publication):
    private = Collection.get_first_root_node().add_child(name="Embargoed")
    CollectionViewRestriction.objects.create(collection=private,
                                             restriction_type="login")
    publication.pdf.collection = private
    publication.pdf.save()
    assert client.get(publication.url + "fulltext.pdf").status_code == 404


@pytest.mark.django_db
def test_on_s3_the_pdf_is_streamed_from_the_site_not_redirected(s3, client, working_papers):  # noqa: F811
    _, series_page = working_papers
    page = factories.make_publication(series_page)
    assert page.pdf.file.url.startswith(s3.endpoint)  # the file really lives on S3
    tags, _data, _button = meta(client, page)
    response = client.get(page.url + "fulltext.pdf")
    assert response.status_code == 200  # not 302 to a signed address that expires
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert tags["citation_pdf_url"] == HOST + page.url + "fulltext.pdf"


def test_each_language_points_to_its_own_pdf_else_the_original(client, working_papers):
    _, series_page = working_papers
    page = factories.make_publication(series_page, title="Shared plans", doi="10.12345/jcmi.wp.3")
    french = translated_copy(page, "fr", title="Plans partagés")
    german = translated_copy(page, "de", title="Gemeinsame Pläne",
                             pdf=factories.make_document("Gemeinsame Pläne"))

    tags, data, button = meta(client, french)
    assert tags["citation_title"] == "Plans partagés"
    assert tags["citation_language"] == "fr"
    assert tags["citation_pdf_url"] == HOST + page.url + "fulltext.pdf"  # the original's
    assert data["encoding"]["inLanguage"] == "en"
    assert button["hreflang"] == "en"
    assert "English" in button.parent.get_text()

    tags, data, button = meta(client, german)
    assert tags["citation_pdf_url"] == HOST + german.url + "fulltext.pdf"  # its own
    assert data["encoding"]["inLanguage"] == "de"
    assert assert_pdf(client, tags["citation_pdf_url"]) != assert_pdf(client, HOST + page.url + "fulltext.pdf")

    # JSON-LD links the versions both ways; the DOI is the one work's.
    _tags, original, _button = meta(client, page)
    assert [(w["@id"], w["inLanguage"], w["name"]) for w in original["workTranslation"]] == [
        (HOST + german.url, "de", "Gemeinsame Pläne"), (HOST + french.url, "fr", "Plans partagés")]
    assert data["translationOfWork"] == {"@type": "Report", "@id": HOST + page.url,
                                         "name": "Shared plans", "inLanguage": "en"}
    assert data["identifier"]["value"] == original["identifier"]["value"] == "10.12345/jcmi.wp.3"
    for fmt in ("bib", "ris", "json"):
        assert client.get(french.url + f"cite.{fmt}").content.decode().count("10.12345/jcmi.wp.3") == 1
