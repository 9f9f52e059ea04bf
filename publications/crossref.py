"""Crossref deposit XML (schema 5.4.0) for one publication.

Monographs are deposited as books, white and working papers as report-papers (with their series
when it has an ISSN), journal articles as journal articles. Element order follows the schema's
sequences, which Crossref enforces.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from lxml import etree

from publications import citations
from publications.models import Series

CROSSREF_NS = "http://www.crossref.org/schema/5.4.0"
JATS_NS = "http://www.ncbi.nlm.nih.gov/JATS1"
AI_NS = "http://www.crossref.org/AccessIndicators.xsd"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{CROSSREF_NS} https://www.crossref.org/schemas/crossref5.4.0.xsd"


def _el(parent, tag, text=None, **attributes):
    element = etree.SubElement(parent, f"{{{CROSSREF_NS}}}{tag}", {k: str(v) for k, v in attributes.items()})
    if text is not None:
        element.text = str(text)
    return element


def _contributors(parent, page):
    element = _el(parent, "contributors")
    for position, contributor in enumerate(page.ordered_contributors):
        person = _el(
            element, "person_name",
            sequence="first" if position == 0 else "additional",
            contributor_role=contributor.role,
        )
        if contributor.given_names:
            _el(person, "given_name", contributor.given_names)
        _el(person, "surname", contributor.family_name)
        if contributor.affiliation:
            institution = _el(_el(person, "affiliations"), "institution")
            _el(institution, "institution_name", contributor.affiliation)
        if contributor.orcid:
            _el(person, "ORCID", contributor.orcid_url)
    return element


def _titles(parent, page):
    titles = _el(parent, "titles")
    _el(titles, "title", page.title)
    if page.subtitle:
        _el(titles, "subtitle", page.subtitle)


def _abstract(parent, page):
    text = citations.plain_abstract(page)
    if text:
        abstract = etree.SubElement(parent, f"{{{JATS_NS}}}abstract")
        etree.SubElement(abstract, f"{{{JATS_NS}}}p").text = text


def _publication_date(parent, page):
    date = _el(parent, "publication_date", media_type="online")
    _el(date, "month", f"{page.publication_date.month:02d}")
    _el(date, "day", f"{page.publication_date.day:02d}")
    _el(date, "year", page.publication_date.year)


def _publisher(parent):
    _el(_el(parent, "publisher"), "publisher_name", citations.publisher_name())


def _licence(parent, page):
    if page.licence_url:
        program = etree.SubElement(parent, f"{{{AI_NS}}}program", name="AccessIndicators")
        etree.SubElement(program, f"{{{AI_NS}}}license_ref").text = page.licence_url


def _doi_data(parent, page, url):
    doi_data = _el(parent, "doi_data")
    _el(doi_data, "doi", page.doi)
    _el(doi_data, "resource", url)


def deposit_xml(page, *, url=None):
    """The deposit as bytes. Raises ValidationError when the page cannot be deposited."""
    if not page.doi:
        raise ValidationError(_("Add a DOI to this publication before making a Crossref deposit."))
    url = url or page.full_url
    language = page.locale.language_code
    root = etree.Element(
        f"{{{CROSSREF_NS}}}doi_batch",
        nsmap={None: CROSSREF_NS, "jats": JATS_NS, "ai": AI_NS, "xsi": XSI_NS},
        version="5.4.0",
    )
    root.set(f"{{{XSI_NS}}}schemaLocation", SCHEMA_LOCATION)
    head = _el(root, "head")
    _el(head, "doi_batch_id", f"jcmi-{page.pk}-{uuid.uuid4().hex[:12]}")
    _el(head, "timestamp", timezone.now().strftime("%Y%m%d%H%M%S%f"))
    depositor = _el(head, "depositor")
    _el(depositor, "depositor_name", citations.publisher_name())
    _el(depositor, "email_address", settings.EDITORS_EMAIL)
    _el(head, "registrant", citations.publisher_name())
    body = _el(root, "body")

    series = page.series
    kind = series.kind if series else Series.Kind.WORKING_PAPER
    if kind == Series.Kind.MONOGRAPH:
        book = _el(body, "book", book_type="monograph")
        if series and series.issn:
            metadata = _el(book, "book_series_metadata", language=language)
            series_metadata = _el(metadata, "series_metadata")
            _el(_el(series_metadata, "titles"), "title", series.name)
            _el(series_metadata, "issn", series.issn, media_type="electronic")
            if page.series_number:
                _el(metadata, "volume", page.series_number)
        else:
            metadata = _el(book, "book_metadata", language=language)
        _contributors(metadata, page)
        _titles(metadata, page)
        _abstract(metadata, page)
        _publication_date(metadata, page)
        if page.isbn:
            _el(metadata, "isbn", page.isbn, media_type="electronic")
        else:
            _el(metadata, "noisbn", reason="monograph")
        _publisher(metadata)
        _licence(metadata, page)
        _doi_data(metadata, page, url)
    elif kind == Series.Kind.ARTICLE:
        journal = _el(body, "journal")
        journal_metadata = _el(journal, "journal_metadata", language=language)
        _el(journal_metadata, "full_title", series.name)
        if series.issn:
            _el(journal_metadata, "issn", series.issn, media_type="electronic")
        article = _el(journal, "journal_article", publication_type="full_text")
        _titles(article, page)
        _contributors(article, page)
        _abstract(article, page)
        _publication_date(article, page)
        _licence(article, page)
        _doi_data(article, page, url)
    else:
        report = _el(body, "report-paper")
        if series and series.issn:
            metadata = _el(report, "report-paper_series_metadata", language=language)
            series_metadata = _el(metadata, "series_metadata")
            _el(_el(series_metadata, "titles"), "title", series.name)
            _el(series_metadata, "issn", series.issn, media_type="electronic")
        else:
            metadata = _el(report, "report-paper_metadata", language=language)
        _contributors(metadata, page)
        _titles(metadata, page)
        _abstract(metadata, page)
        _publication_date(metadata, page)
        _publisher(metadata)
        institution = _el(metadata, "institution")
        _el(institution, "institution_name", citations.publisher_name())
        if page.isbn:
            _el(metadata, "isbn", page.isbn, media_type="electronic")
        if page.series_number:
            _el(_el(metadata, "publisher_item"), "item_number", page.number_label,
                item_number_type="report-number")
        _licence(metadata, page)
        _doi_data(metadata, page, url)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
