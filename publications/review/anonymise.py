"""Anonymised copies: clean a document of the people behind it (``identity_check`` then verifies
that it names nobody).

Cleaning removes every place where a document records people outside its running text: PDF
information and XMP (on the document, its pages and their images), private application data,
comments, links, form fields, attachments, scripts and outlines; for DOCX and ODT the package
properties, comments, people lists, change authors and thumbnails. A reviewer's annotated file
keeps its comments, which are the review, and loses only who wrote them.
"""

import io
import posixpath
import re
import zipfile

from .files import DOCX, ODT, PDF

# Cleaning: PDF ---------------------------------------------------------------------------------

# Page entries that record people or actions rather than how the page looks: annotations (comments
# and their authors, links, form widgets, file attachments), XMP and application data, actions
# run on opening or closing the page, article threads, thumbnails (a picture of a title page).
_PDF_PAGE_KEYS_DROPPED = ("/Annots", "/Metadata", "/PieceInfo", "/AA", "/B", "/Thumb")
# Images and form XObjects carry their own XMP and application data (a photo editor's owner).
_PDF_OBJECT_KEYS_DROPPED = ("/Metadata", "/PieceInfo")
# A reviewer's annotated file keeps its comments, which are the review: the markup annotations
# and their pop-ups, without their author (/T), rich text (/RC, which may sign it), unique name,
# or any action. Links, form widgets, attachments and media go as in a manuscript.
_PDF_COMMENT_SUBTYPES = ("/Text", "/FreeText", "/Line", "/Square", "/Circle", "/Polygon",
                         "/PolyLine", "/Highlight", "/Underline", "/Squiggly", "/StrikeOut",
                         "/Caret", "/Ink", "/Stamp", "/Popup")
_PDF_COMMENT_KEYS_DROPPED = ("/T", "/RC", "/NM", "/A", "/AA")


def _clean_resources(resources, visited):
    resources = resources.get_object() if resources is not None else None
    if not hasattr(resources, "get"):
        return
    xobjects = resources.get("/XObject")
    xobjects = xobjects.get_object() if xobjects is not None else {}
    for ref in xobjects.values():
        key = getattr(ref, "idnum", None) or id(ref)
        if key in visited:
            continue
        visited.add(key)
        xobject = ref.get_object()
        for name in _PDF_OBJECT_KEYS_DROPPED:
            xobject.pop(name, None)
        if xobject.get("/Subtype") == "/Form":
            _clean_resources(xobject.get("/Resources"), visited)


def _keep_comments(page):
    from pypdf.generic import ArrayObject, NameObject

    kept = ArrayObject()
    for ref in page.get("/Annots") or []:
        annot = ref.get_object()
        if annot.get("/Subtype") in _PDF_COMMENT_SUBTYPES:
            for key in _PDF_COMMENT_KEYS_DROPPED:
                annot.pop(key, None)
            kept.append(ref)
    if kept:
        page[NameObject("/Annots")] = kept
    else:
        page.pop("/Annots", None)


def _clean_pdf(content, keep_comments):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    dropped = [k for k in _PDF_PAGE_KEYS_DROPPED if not (keep_comments and k == "/Annots")]
    # Copy the pages alone into a new document: the catalogue (outlines, form, attachments,
    # scripts, opening action, XMP) and the information dictionary are never carried over.
    for page in PdfReader(io.BytesIO(content)).pages:
        writer.add_page(page, excluded_keys=dropped)
    visited = set()
    for page in writer.pages:
        _clean_resources(page.get("/Resources"), visited)
        if keep_comments:
            _keep_comments(page)
    # What the cleaning unhooked was copied with the pages: leave no unreferenced object behind.
    writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
    writer.add_metadata({"/Producer": "JCMI review"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# Cleaning: DOCX and ODT ------------------------------------------------------------------------

_NEUTRAL_CORE = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    b'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"/>'
)
_NEUTRAL_APP = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-'
    b'properties"/>'
)
_NEUTRAL_ODT_META = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    b'office:version="1.3"><office:meta/></office:document-meta>'
)
# Attributes that carry a person inside a Word part: comment and tracked-change authors and their
# initials (w:), and the Office 2013+ extensions (w15:, w16cid:, w16cex: ...) that repeat the
# author or add their account id. Matched whatever the namespace prefix, since Word adds new
# prefixes with each version and an unknown one must not let a name through.
_DOCX_PERSON_ATTR = re.compile(
    rb"""\s((?:[\w.-]+:)?(?:author|initials|userId|providerId))=("[^"]*"|'[^']*')""")
# Parts that exist only to describe people, found by the type of the relationship that points at
# them (wherever they live): the people list, the custom properties, the thumbnail of page one;
# and, unless the comments are kept, the comments and the Office 2013-2018 parts that extend them.
_DOCX_DROPPED_REL_TYPES = ("/relationships/people", "/relationships/custom-properties",
                           "/metadata/thumbnail")
_DOCX_COMMENT_REL_TYPES = ("/relationships/comments", "/relationships/commentsExtended",
                           "/relationships/commentsIds", "/relationships/commentsExtensible")
# Where a comment is anchored in the text: removed with the comments themselves.
_DOCX_COMMENT_ANCHOR = re.compile(
    rb"<w:(?:commentRangeStart|commentRangeEnd|commentReference)\b[^>]*/>")
_RELATIONSHIP = re.compile(rb"<Relationship\b[^>]*?/>|<Relationship\b[^>]*?>.*?</Relationship>",
                           re.S)
_OVERRIDE = re.compile(rb"<Override\b[^>]*?/>|<Override\b[^>]*?>.*?</Override>", re.S)
_XML_ATTR = re.compile(rb"""([\w:.-]+)=("[^"]*"|'[^']*')""")
# A link that writes to a person; kept as a link, without the address.
_MAILTO = re.compile(rb"""(=\s*["'])mailto:[^"']*""", re.I)
# ODF annotations sign themselves with a creator and initials; tracked changes with a creator
# (meta: since ODF 1.3, loext: in older LibreOffice files).
_ODT_ANNOTATION = re.compile(
    rb"<office:annotation\b[^>]*?/>|<office:annotation\b.*?</office:annotation>|"
    rb"<office:annotation-end\b[^>]*/>", re.S)
_ODT_CREATOR = re.compile(rb"<dc:creator(\s[^>]*)?(?<!/)>.*?</dc:creator>", re.S)
_ODT_INITIALS = re.compile(
    rb"<(?:meta:creator-initials|loext:sender-initials)(?:\s[^>]*)?/>|"
    rb"<(meta:creator-initials|loext:sender-initials)(?:\s[^>]*)?(?<!/)>.*?</\1>", re.S)
_ODT_THUMBNAIL = "Thumbnails/thumbnail.png"
_ODT_MANIFEST_ENTRY = re.compile(rb"<manifest:file-entry\b[^>]*?/>", re.S)


def _attributes(tag):
    return {name.decode(): value[1:-1].decode("utf-8", "replace")
            for name, value in _XML_ATTR.findall(tag)}


def _resolve_target(rels_name, target):
    """A relationship's target as a package name ("word/_rels/x.rels" targets from word/)."""
    if target.startswith("/"):
        return target.lstrip("/")
    source_folder = posixpath.dirname(posixpath.dirname(rels_name))
    return posixpath.normpath(posixpath.join(source_folder, target))


def rewrite_zip(content, replace):
    """The package with each part passed through ``replace(name, data)`` (None drops it)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = replace(info.filename, src.read(info.filename))
            if data is None:
                continue
            # ODT requires "mimetype" first and stored uncompressed; keep each entry's method.
            dst.writestr(info.filename, data, compress_type=info.compress_type)
    return out.getvalue()


def _docx_dropped_parts(package, keep_comments):
    names = set(package.namelist())
    dropped = {"docProps/custom.xml", "word/people.xml"} & names
    types = _DOCX_DROPPED_REL_TYPES + (() if keep_comments else _DOCX_COMMENT_REL_TYPES)
    for rels_name in (n for n in names if n.endswith(".rels")):
        for tag in _RELATIONSHIP.findall(package.read(rels_name)):
            attrs = _attributes(tag)
            if (attrs.get("Type", "").endswith(types)
                    and attrs.get("TargetMode") != "External"):
                target = _resolve_target(rels_name, attrs.get("Target", ""))
                if target in names:
                    dropped.add(target)
    return dropped


def _clean_docx(content, keep_comments):
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        dropped = _docx_dropped_parts(package, keep_comments)

    def drop_relationships(rels_name, data):
        # A relationship to a missing part makes Word call the file corrupt: remove it with the
        # part, and the content-type override below likewise.
        def keep(match):
            attrs = _attributes(match.group(0))
            if attrs.get("TargetMode") == "External":
                return match.group(0)
            target = _resolve_target(rels_name, attrs.get("Target", ""))
            return b"" if target in dropped else match.group(0)

        return _MAILTO.sub(rb"\1mailto:", _RELATIONSHIP.sub(keep, data))

    def drop_overrides(data):
        def keep(match):
            part = _attributes(match.group(0)).get("PartName", "").lstrip("/")
            return b"" if part in dropped else match.group(0)

        return _OVERRIDE.sub(keep, data)

    def replace(name, data):
        if name in dropped:
            return None
        if name == "docProps/core.xml":
            return _NEUTRAL_CORE
        if name == "docProps/app.xml":
            return _NEUTRAL_APP
        if name == "[Content_Types].xml":
            return drop_overrides(data)
        if name.endswith(".rels"):
            return drop_relationships(name, data)
        if name.startswith("word/") and name.endswith(".xml"):
            if not keep_comments:
                data = _DOCX_COMMENT_ANCHOR.sub(b"", data)
            return _DOCX_PERSON_ATTR.sub(rb' \1=""', data)
        return data

    return rewrite_zip(content, replace)


def _clean_odt(content, keep_comments):
    def replace(name, data):
        if name == "meta.xml":
            return _NEUTRAL_ODT_META
        if name == _ODT_THUMBNAIL:
            return None
        if name == "META-INF/manifest.xml":
            return _ODT_MANIFEST_ENTRY.sub(
                lambda m: b"" if _ODT_THUMBNAIL.encode() in m.group(0) else m.group(0), data)
        if name in ("content.xml", "styles.xml"):
            if not keep_comments:
                data = _ODT_ANNOTATION.sub(b"", data)
            data = _ODT_CREATOR.sub(b"<dc:creator></dc:creator>", data)
            data = _MAILTO.sub(rb"\1mailto:", data)
            return _ODT_INITIALS.sub(b"", data)
        return data

    return rewrite_zip(content, replace)


def clean(content, content_type, *, keep_comments=False):
    """The same document without what records the people behind it outside its text.

    A manuscript's comments are its author's notes to self, and go. A reviewer's annotated file
    keeps its comments (``keep_comments``), which are the review, without who wrote them.
    """
    strip = {PDF: _clean_pdf, DOCX: _clean_docx, ODT: _clean_odt}[content_type]
    return strip(content, keep_comments)
