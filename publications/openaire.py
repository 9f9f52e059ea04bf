"""A work as an OpenAIRE Literature record (``oai_openaire``, Guidelines for Literature
Repositories 4.0: https://openaire-guidelines-for-literature-repository-managers.readthedocs.io/).

The profile mixes Dublin Core, DataCite 4 and OpenAIRE's own elements. As in oai_dc, one record
describes the whole work: every live language's title, abstract and keywords carry their
``xml:lang``, each language is a ``dc:language``, each distinct full text an ``oaire:file``, and
each translation's page a related identifier (DataCite 4.1, which the profile uses, has no
``HasTranslation`` yet: ``HasVersion`` is its relation for another form of the same work).
The tests validate every record against the official schema (publications/schemas/openaire).
"""

from lxml import etree

from publications import citations
from publications.models import Series

OAIRE_NS = "http://namespace.openaire.eu/schema/oaire/"
DATACITE_NS = "http://datacite.org/schema/kernel-4"
DC_NS = "http://purl.org/dc/elements/1.1/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCHEMA = "https://www.openaire.eu/schema/repo-lit/4.0/openaire.xsd"

# COAR resource types (their concept URI and label), as in the oai_dc record.
RESOURCE_TYPES = {
    Series.Kind.MONOGRAPH: ("http://purl.org/coar/resource_type/c_2f33", "book"),
    Series.Kind.WHITE_PAPER: ("http://purl.org/coar/resource_type/c_186u", "policy report"),
    Series.Kind.WORKING_PAPER: ("http://purl.org/coar/resource_type/c_8042", "working paper"),
    Series.Kind.ARTICLE: ("http://purl.org/coar/resource_type/c_6501", "journal article"),
}
REPORT = ("http://purl.org/coar/resource_type/c_93fc", "report")
OPEN_ACCESS = ("http://purl.org/coar/access_right/c_abf2", "open access")
METADATA_ONLY = ("http://purl.org/coar/access_right/c_14cb", "metadata only access")
# What the site publishes is the version of record (COAR version types).
VERSION_OF_RECORD = ("http://purl.org/coar/version/c_970fb48d4fbd8a85", "VoR")
ORCID_SCHEME = "https://orcid.org"


def _sub(parent, namespace, tag, text=None, language=None, **attributes):
    element = etree.SubElement(parent, f"{{{namespace}}}{tag}",
                               {k: str(v) for k, v in attributes.items()})
    if text is not None:
        element.text = str(text)
    if language:
        element.set(XML_LANG, language)
    return element


def _person(parent, tag, contributor, **attributes):
    element = _sub(parent, DATACITE_NS, tag, **attributes)
    _sub(element, DATACITE_NS, f"{tag}Name", citations.person_name(contributor),
         nameType="Personal")
    if contributor.given_names:
        _sub(element, DATACITE_NS, "givenName", contributor.given_names)
    _sub(element, DATACITE_NS, "familyName", contributor.family_name)
    if contributor.orcid:
        _sub(element, DATACITE_NS, "nameIdentifier", contributor.orcid_url,
             nameIdentifierScheme="ORCID", schemeURI=ORCID_SCHEME)
    if contributor.affiliation:
        _sub(element, DATACITE_NS, "affiliation", contributor.affiliation)
    return element


def resource(parent, page, request, versions):
    """The work as an ``oaire:resource``: ``page`` is its original, ``versions`` every live
    language (the original first)."""
    root = etree.SubElement(parent, f"{{{OAIRE_NS}}}resource", nsmap={
        None: OAIRE_NS, "datacite": DATACITE_NS, "dc": DC_NS, "xsi": XSI_NS})
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{OAIRE_NS} {SCHEMA}")

    titles = _sub(root, DATACITE_NS, "titles")
    subtitles = {language: subtitle for subtitle, language in citations.by_language(
        versions, lambda version: version.subtitle)}
    for title, language in citations.by_language(versions, lambda version: version.title):
        _sub(titles, DATACITE_NS, "title", title, language)
        if language in subtitles:
            _sub(titles, DATACITE_NS, "title", subtitles.pop(language), language,
                 titleType="Subtitle")
    for language, subtitle in subtitles.items():  # a translated subtitle under the same title
        _sub(titles, DATACITE_NS, "title", subtitle, language, titleType="Subtitle")

    if page.authors:
        creators = _sub(root, DATACITE_NS, "creators")
        for contributor in page.authors:
            _person(creators, "creator", contributor)
    if page.editors:
        contributors = _sub(root, DATACITE_NS, "contributors")
        for contributor in page.editors:
            _person(contributors, "contributor", contributor, contributorType="Editor")

    landing = citations.absolute_url(page, request)
    # The DOI is the work's identifier when it has one; the page's address otherwise.
    if page.doi:
        _sub(root, DATACITE_NS, "identifier", f"https://doi.org/{page.doi}", identifierType="DOI")
    else:
        _sub(root, DATACITE_NS, "identifier", landing, identifierType="URL")
    alternates = _sub(root, DATACITE_NS, "alternateIdentifiers")
    if page.doi:
        _sub(alternates, DATACITE_NS, "alternateIdentifier", landing, alternateIdentifierType="URL")
    if page.isbn:
        _sub(alternates, DATACITE_NS, "alternateIdentifier", page.isbn,
             alternateIdentifierType="ISBN")
    if not len(alternates):
        root.remove(alternates)

    related = _sub(root, DATACITE_NS, "relatedIdentifiers")
    if page.series_id and page.series.issn:
        _sub(related, DATACITE_NS, "relatedIdentifier", page.series.issn,
             relatedIdentifierType="ISSN", relationType="IsPartOf")
    for version in versions[1:]:
        _sub(related, DATACITE_NS, "relatedIdentifier", citations.absolute_url(version, request),
             relatedIdentifierType="URL", relationType="HasVersion")
    if not len(related):
        root.remove(related)

    dates = _sub(root, DATACITE_NS, "dates")
    _sub(dates, DATACITE_NS, "date", page.publication_date.isoformat(), dateType="Issued")

    for version in versions:
        _sub(root, DC_NS, "language", version.locale.language_code)
    _sub(root, DC_NS, "publisher", citations.publisher_name())
    uri, label = RESOURCE_TYPES.get(page.kind, REPORT)
    _sub(root, OAIRE_NS, "resourceType", label, resourceTypeGeneral="literature", uri=uri)
    for abstract, language in citations.by_language(versions, citations.plain_abstract):
        _sub(root, DC_NS, "description", abstract, language)

    files = _fulltexts(versions, request)
    if files:
        _sub(root, DC_NS, "format", "application/pdf")
    rights_uri, rights_label = OPEN_ACCESS if files else METADATA_ONLY
    _sub(root, DATACITE_NS, "rights", rights_label, rightsURI=rights_uri)

    subjects = _sub(root, DATACITE_NS, "subjects")
    for keyword, language in citations.keywords_by_language(versions):
        _sub(subjects, DATACITE_NS, "subject", keyword, language)
    for topic in page.topics.all():
        _sub(subjects, DATACITE_NS, "subject", topic.title, page.locale.language_code)
    if not len(subjects):
        root.remove(subjects)

    if page.page_count:
        sizes = _sub(root, DATACITE_NS, "sizes")
        _sub(sizes, DATACITE_NS, "size", f"{page.page_count} pages")

    if page.series_id:
        # The container the work is published in, as the original names it (citationTitle has
        # no language; the series' other names are in the oai_dc record).
        _sub(root, OAIRE_NS, "citationTitle", page.series.name)
        if page.series_number:
            tag = "citationIssue" if page.kind == Series.Kind.ARTICLE else "citationVolume"
            _sub(root, OAIRE_NS, tag, page.series_number)
    _sub(root, OAIRE_NS, "version", VERSION_OF_RECORD[1], uri=VERSION_OF_RECORD[0])
    for url in files:
        _sub(root, OAIRE_NS, "file", url, accessRightsURI=OPEN_ACCESS[0],
             mimeType="application/pdf", objectType="fulltext")
    if page.licence_url:
        _sub(root, OAIRE_NS, "licenseCondition", page.get_licence_display(),
             uri=page.licence_url, startDate=page.publication_date.isoformat())
    else:
        _sub(root, OAIRE_NS, "licenseCondition", page.get_licence_display(),
             startDate=page.publication_date.isoformat())
    return root


def _fulltexts(versions, request):
    """Each distinct full text of the work at its stable address on the site (each version
    serves its own PDF there): the original's, then every translated PDF a translation has of
    its own. Read from the versions already loaded, so a record asks nothing more."""
    urls, seen = [], set()
    for version in versions:
        if version.pdf_id and version.pdf_id not in seen:
            seen.add(version.pdf_id)
            urls.append(citations.absolute_url(version, request)
                        + version.fulltext_path.lstrip("/"))
    return urls
