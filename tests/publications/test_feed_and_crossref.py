"""Feed readers get the latest publications; editors download a Crossref deposit."""

import feedparser
import pytest
from django.contrib.auth.models import Group
from lxml import etree

from publications import factories

CR = {"cr": "http://www.crossref.org/schema/5.4.0", "jats": "http://www.ncbi.nlm.nih.gov/JATS1",
      "ai": "http://www.crossref.org/AccessIndicators.xsd"}


def test_feed_lists_the_latest_publications(client, working_papers):
    series, page = working_papers
    factories.make_publication(page, title="Older & wiser",
                               publication_date=__import__("datetime").date(2025, 1, 1))
    newer = factories.make_publication(page, title="Newer paper")
    factories.make_publication(page, title="Unpublished", publish=False)
    response = client.get("/en/publications/feed.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    assert [e.title for e in feed.entries] == ["Newer paper", "Older & wiser"]
    assert feed.entries[0].link == "http://testserver" + newer.url
    assert feed.entries[0].enclosures[0]["type"] == "application/pdf"
    assert "JCMI Working Papers" in [t.term for t in feed.entries[0].tags]


def test_feed_is_linked_from_the_index(client, working_papers):
    html = client.get("/en/publications/").content.decode()
    assert 'type="application/rss+xml"' in html and "/en/publications/feed.xml" in html


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", "editor@jcmi.example", "pw-12345")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_editor_downloads_a_crossref_deposit(client, working_papers, editor):
    series, page = working_papers
    publication = factories.make_publication(
        page, doi="10.12345/jcmi.wp.7", subtitle="A study",
        contributors=[{"given_names": "Ana", "family_name": "Müller", "affiliation": "Ulm",
                       "orcid": "0000-0002-1825-0097"},
                      {"given_names": "Bo", "family_name": "Lind", "role": "editor"}])
    client.force_login(editor)
    # The button sits in the page's header in the admin.
    edit = client.get(f"/admin/pages/{publication.pk}/edit/")
    assert f"/admin/publications/{publication.pk}/crossref.xml" in edit.content.decode()

    response = client.get(f"/admin/publications/{publication.pk}/crossref.xml")
    assert response.status_code == 200
    tree = etree.fromstring(response.content)
    assert tree.tag == "{http://www.crossref.org/schema/5.4.0}doi_batch"
    assert tree.get("version") == "5.4.0"
    metadata = tree.find("cr:body/cr:report-paper/cr:report-paper_series_metadata", CR)
    assert metadata.find("cr:series_metadata/cr:issn", CR).text == "2941-0002"
    people = metadata.findall("cr:contributors/cr:person_name", CR)
    assert [(p.get("sequence"), p.get("contributor_role"), p.find("cr:surname", CR).text) for p in people] == [
        ("first", "author", "Müller"), ("additional", "editor", "Lind")]
    assert people[0].find("cr:ORCID", CR).text == "https://orcid.org/0000-0002-1825-0097"
    assert metadata.find("cr:titles/cr:subtitle", CR).text == "A study"
    assert metadata.find("cr:publication_date/cr:year", CR).text == "2026"
    assert metadata.find("cr:doi_data/cr:doi", CR).text == "10.12345/jcmi.wp.7"
    assert metadata.find("cr:doi_data/cr:resource", CR).text.endswith(publication.url)
    assert metadata.find("jats:abstract/jats:p", CR).text.startswith("How civil")
    # Schema order (crossref5.4.0.xsd); a report in a series has no slot for a licence.
    order = [etree.QName(child).localname for child in metadata]
    assert order == ["series_metadata", "contributors", "titles", "abstract", "publication_date",
                     "publisher", "institution", "publisher_item", "doi_data"]


def test_crossref_needs_a_doi_and_edit_rights(client, working_papers, editor, django_user_model):
    series, page = working_papers
    publication = factories.make_publication(page)
    client.force_login(editor)
    response = client.get(f"/admin/publications/{publication.pk}/crossref.xml")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{publication.pk}/edit/"

    reviewer = django_user_model.objects.create_user("reviewer", "r@jcmi.example", "pw-12345")
    reviewer.groups.add(Group.objects.get(name="Reviewers"))
    client.force_login(reviewer)
    assert client.get(f"/admin/publications/{publication.pk}/crossref.xml").status_code in (302, 403)
    client.logout()
    assert client.get(f"/admin/publications/{publication.pk}/crossref.xml").status_code == 302
    assert client.get("/admin/publications/999999/crossref.xml").status_code in (302, 404)


def test_monograph_is_deposited_as_a_book(working_papers, site):
    from publications.crossref import deposit_xml

    _, page = factories.make_series(site["index"], name="Monographs", slug="monographs", kind="monograph",
                                    issn="", number_prefix="")
    book = factories.make_publication(page, doi="10.12345/jcmi.m.1", isbn="978-3-16-148410-0")
    tree = etree.fromstring(deposit_xml(book, url="https://jcmi.example/x/"))
    metadata = tree.find("cr:body/cr:book/cr:book_metadata", CR)
    assert metadata.find("cr:isbn", CR).text == "978-3-16-148410-0"
    assert tree.find("cr:body/cr:book", CR).get("book_type") == "monograph"
