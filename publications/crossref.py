"""Crossref deposit XML (schema 5.4.0) for one work.

Monographs are deposited as books (in their series when it has an ISSN), white and working papers
as report-papers (in their series when it has an ISSN), journal articles as journal articles.
Each metadata element has its own sequence in the schema, and Crossref refuses a file whose
order or content differs: the order lives in one table per element (``SEQUENCES``), and the
tests validate every kind against the official schema (publications/schemas).

Only the original (source-language) version is deposited: its translations are the same work,
named as related items (``hasTranslation``) of the one DOI.
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
REL_NS = "http://www.crossref.org/relations.xsd"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCHEMA_LOCATION = f"{CROSSREF_NS} https://www.crossref.org/schemas/crossref5.4.0.xsd"

# The children each metadata element may hold, in the schema's order (crossref5.4.0.xsd). A part
# missing from an element's list has no slot there and is left out: report-paper_series_metadata
# has none for a licence (ai:program), and only the series kinds have a volume.
SEQUENCES = {
    "book_metadata": ["contributors", "titles", "abstract", "publication_date", "isbn",
                      "publisher", "publisher_item", "licence", "relations", "doi_data"],
    "book_series_metadata": ["series_metadata", "contributors", "titles", "abstract", "volume",
                             "publication_date", "isbn", "publisher", "publisher_item",
                             "licence", "relations", "doi_data"],
    "report-paper_metadata": ["contributors", "titles", "abstract", "publication_date", "isbn",
                              "publisher", "institution", "publisher_item", "licence",
                              "relations", "doi_data"],
    "report-paper_series_metadata": ["series_metadata", "contributors", "titles", "abstract",
                                     "publication_date", "isbn", "publisher", "institution",
                                     "publisher_item", "doi_data", "relations"],
    "journal_article": ["titles", "contributors", "abstract", "publication_date",
                        "publisher_item", "licence", "relations", "doi_data"],
}


def _el(parent, tag, text=None, **attributes):
    element = etree.SubElement(parent, f"{{{CROSSREF_NS}}}{tag}", {k: str(v) for k, v in attributes.items()})
    if text is not None:
        element.text = str(text)
    return element


# -- the parts, each written into the element it is given -----------------------------------


def _contributors(parent, page, url):
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


def _titles(parent, page, url):
    titles = _el(parent, "titles")
    _el(titles, "title", page.title)
    if page.subtitle:
        _el(titles, "subtitle", page.subtitle)


def _abstract(parent, page, url):
    """The abstract in JATS, then each live translation's, each with its language (the slot
    takes any number of abstracts: one work, read in several languages)."""
    versions = [page, *page.get_translations().live().select_related("locale").specific()
                .order_by("locale__language_code")]
    for version in versions:
        text = citations.plain_abstract(version)
        if text:
            abstract = etree.SubElement(parent, f"{{{JATS_NS}}}abstract",
                                        {XML_LANG: version.locale.language_code})
            etree.SubElement(abstract, f"{{{JATS_NS}}}p").text = text


def _volume(parent, page, url):
    if page.series_number:
        _el(parent, "volume", page.series_number)


def _publication_date(parent, page, url):
    date = _el(parent, "publication_date", media_type="online")
    _el(date, "month", f"{page.publication_date.month:02d}")
    _el(date, "day", f"{page.publication_date.day:02d}")
    _el(date, "year", page.publication_date.year)


def _isbn(parent, page, url):
    if page.isbn:
        _el(parent, "isbn", page.isbn, media_type="electronic")
    elif etree.QName(parent).localname.startswith("book"):
        _el(parent, "noisbn", reason="monograph")  # a book must say why it has none


def _publisher(parent, page, url):
    _el(_el(parent, "publisher"), "publisher_name", citations.publisher_name())


def _institution(parent, page, url):
    _el(_el(parent, "institution"), "institution_name", citations.publisher_name())


def _publisher_item(parent, page, url):
    if page.series_number:
        _el(_el(parent, "publisher_item"), "item_number", page.number_label,
            item_number_type="report-number" if page.kind != Series.Kind.MONOGRAPH
            else "series-number")


def _licence(parent, page, url):
    if page.licence_url:
        program = etree.SubElement(parent, f"{{{AI_NS}}}program", name="AccessIndicators")
        etree.SubElement(program, f"{{{AI_NS}}}license_ref").text = page.licence_url


def _relations(parent, page, url):
    """Each live translation as a related item of this work (``hasTranslation``)."""
    translations = list(page.get_translations().live().select_related("locale").specific()
                        .order_by("locale__language_code"))
    if not translations:
        return
    program = etree.SubElement(parent, f"{{{REL_NS}}}program", name="relations")
    for translation in translations:
        item = etree.SubElement(program, f"{{{REL_NS}}}related_item")
        etree.SubElement(item, f"{{{REL_NS}}}description",
                         language=translation.locale.language_code).text = translation.title
        etree.SubElement(item, f"{{{REL_NS}}}intra_work_relation",
                         {"relationship-type": "hasTranslation", "identifier-type": "uri"}
                         ).text = translation.full_url


def _doi_data(parent, page, url):
    doi_data = _el(parent, "doi_data")
    _el(doi_data, "doi", page.doi)
    _el(doi_data, "resource", url)


def _series_metadata(parent, page, url):
    series = page.series
    metadata = _el(parent, "series_metadata")
    _el(_el(metadata, "titles"), "title", series.name)
    _el(metadata, "issn", series.issn, media_type="electronic")


PARTS = {
    "series_metadata": _series_metadata, "contributors": _contributors, "titles": _titles,
    "abstract": _abstract, "volume": _volume, "publication_date": _publication_date,
    "isbn": _isbn, "publisher": _publisher, "institution": _institution,
    "publisher_item": _publisher_item, "licence": _licence, "relations": _relations,
    "doi_data": _doi_data,
}


def _fill(element, page, url):
    for part in SEQUENCES[etree.QName(element).localname]:
        PARTS[part](element, page, url)


# -- the batch --------------------------------------------------------------------------------


def _body(body, page, url):
    series = page.series
    kind = series.kind if series else Series.Kind.WORKING_PAPER
    language = page.locale.language_code
    in_series = bool(series and series.issn)
    if kind == Series.Kind.MONOGRAPH:
        book = _el(body, "book", book_type="monograph")
        tag = "book_series_metadata" if in_series else "book_metadata"
        _fill(_el(book, tag, language=language), page, url)
    elif kind == Series.Kind.ARTICLE:
        journal = _el(body, "journal")
        journal_metadata = _el(journal, "journal_metadata", language=language)
        _el(journal_metadata, "full_title", series.name)
        if series.issn:
            _el(journal_metadata, "issn", series.issn, media_type="electronic")
        _fill(_el(journal, "journal_article", publication_type="full_text"), page, url)
    else:
        report = _el(body, "report-paper")
        tag = "report-paper_series_metadata" if in_series else "report-paper_metadata"
        _fill(_el(report, tag, language=language), page, url)


def deposit_xml(page, *, url=None):
    """The deposit of ``page``'s work as bytes. Raises ValidationError when it cannot be made.

    A translation is never deposited on its own: it would replace the DOI's metadata with the
    translated title and address. The original is deposited instead, naming the translations.
    """
    page = page.original
    if not page.doi:
        raise ValidationError(_("Add a DOI to this publication before making a Crossref deposit."))
    url = url or page.full_url
    root = etree.Element(
        f"{{{CROSSREF_NS}}}doi_batch",
        nsmap={None: CROSSREF_NS, "jats": JATS_NS, "ai": AI_NS, "rel": REL_NS, "xsi": XSI_NS},
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
    _body(_el(root, "body"), page, url)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
