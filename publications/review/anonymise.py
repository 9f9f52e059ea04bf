"""Anonymised copies: clean a document of the people behind it, then verify that it names nobody.

Cleaning removes every place where a document records people outside its running text: PDF
information and XMP (on the document, its pages and their images), private application data,
comments, links, form fields, attachments, scripts and outlines; for DOCX and ODT the package
properties, comments, people lists, change authors and thumbnails. A reviewer's annotated file
keeps its comments, which are the review, and loses only who wrote them.

Cleaning cannot know what the text itself says, and a format always has one more corner. So the
copy is then verified: every string left in it (the text of each page, what remains of metadata,
annotations, outlines, attachment names, every XML text and attribute of a package) is searched
for every identity the system knows for the people who must stay hidden, whatever the case and
the accents. Each hit keeps its page or part and a little context, for the managing editor.
"""

import io
import posixpath
import re
import unicodedata
import zipfile
from dataclasses import asdict, dataclass

from defusedxml import ElementTree as SafeET
from django.utils.translation import gettext_lazy as _

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


# Identities ------------------------------------------------------------------------------------

# Name particles that are words of their own in many languages: searched only within a full name.
_PARTICLES = {"van", "von", "der", "den", "del", "della", "des", "dos", "das", "bin", "ibn",
              "abu", "bint", "ben", "ter", "zur"}
MIN_PART_LENGTH = 3


@dataclass(frozen=True)
class Identity:
    person: str  # whose identity it is, as the editor knows them
    term: str  # the string searched for


def _fold_char(char):
    """One character without accents and case: "É" → "e", "ß" → "ss"."""
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold(text):
    """Text compared insensitive to case and accents, with runs of white space as one space."""
    if not text.isascii():  # most text is: spare it the per-character work
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


def _name_parts(name):
    """The parts of a name that identify on their own: not initials, not particles."""
    return [part for part in re.split(r"[\s\-‐‑.,]+", name)
            if len(fold(part)) >= MIN_PART_LENGTH and fold(part) not in _PARTICLES]


def person_identities(person, *, name="", email="", orcid="", affiliation="", username=""):
    """Everything a person can be recognised by: their name and its longer parts, e-mail address,
    ORCID iD (as written and as bare digits), affiliation, login."""
    terms = {name, email, affiliation, username, orcid, orcid.replace("-", ""),
             *_name_parts(name)}
    return [Identity(person, term.strip()) for term in sorted(terms)
            if len(fold(term)) >= MIN_PART_LENGTH]


def _identifying_login(username, name, email):
    """The login, when it tells who someone is beyond their name and e-mail address.

    Portal accounts log in with their e-mail address. A login made in the admin names them
    when it holds a name ("cdubois") or is no word at all ("cd2024"); a plain word ("author",
    "reviewer") would only find that word in every manuscript.
    """
    folded = fold(username)
    if not folded or folded == fold(email or ""):
        return ""
    if not folded.isalpha():
        return username
    return username if any(fold(part) in folded for part in _name_parts(name)) else ""


def _user_identities(user, *, with_affiliation):
    profile = getattr(user, "jcmi_profile", None)
    name = user.get_full_name()
    username = user.get_username()
    return person_identities(
        name or username or user.email, name=name, email=user.email,
        username=_identifying_login(username, name, user.email),
        orcid=getattr(profile, "orcid", "") or "",
        affiliation=(getattr(profile, "affiliation", "") or "") if with_affiliation else "")


def hidden_from_reviewers(submission):
    """Who a reviewer must not be able to recognise in this submission's reviewer copy: its
    authors and the submitting account, under double-anonymous review (with their
    affiliations); nobody otherwise, since single-anonymous and open reviewers see the names."""
    if not submission.is_double_anonymous:
        return []
    identities = []
    for author in submission.authors.all():
        identities += person_identities(author.name, name=author.name, email=author.email,
                                        orcid=author.orcid, affiliation=author.affiliation)
    identities += _user_identities(submission.submitter, with_affiliation=True)
    return sorted(set(identities), key=lambda i: (i.person, i.term))


def hidden_from_authors(assignment):
    """Who an author must not be able to recognise in a reviewer's annotated file: its reviewer,
    unless the series reviews openly."""
    from publications.models import Series

    submission = assignment.round.submission
    if submission.anonymity == Series.Anonymity.OPEN:
        return []
    return _user_identities(assignment.reviewer,
                            with_affiliation=submission.is_double_anonymous)


# Verification ----------------------------------------------------------------------------------

# Where a string was found, as the editor reads it; parts of a DOCX or ODT package are shown by
# their own names.
PART_LABELS = {
    "text": _("text"),
    "annotation": _("comment or annotation"),
    "link": _("link"),
    "metadata": _("metadata"),
    "outline": _("bookmarks (outline)"),
    "form": _("form field"),
    "attachment": _("attached file"),
    "script": _("script or action"),
    "other": _("elsewhere in the file"),
    "package": _("names of the files inside the document"),
}
CONTEXT_CHARS = 40
MAX_HITS = 200


@dataclass
class Hit:
    person: str  # whose identity was found ("" when a part could not be read)
    found: str  # the identity's term that matched
    part: str  # a key of PART_LABELS, or a package part's name
    page: int | None
    context: str

    @property
    def unreadable(self):
        return not self.found

    @property
    def where(self):
        label = PART_LABELS.get(self.part, self.part)
        if self.page:
            return _("page %(page)s, %(part)s") % {"page": self.page, "part": label}
        return str(label)

    def as_json(self):
        return asdict(self)


def hits_from_json(rows):
    return [Hit(**row) for row in rows or []]


def _unreadable(part, page=None):
    return Hit(person="", found="", part=part, page=page, context="")


class _Matcher:
    """One regular expression for all the terms, longest first so that a full name wins over
    its parts; whole words only, so that "Ann" does not match "annual"."""

    def __init__(self, identities):
        self.people = {}
        for identity in identities:
            self.people.setdefault(fold(identity.term), identity)
        terms = sorted(self.people, key=len, reverse=True)
        self.pattern = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(t) for t in terms) + r")(?!\w)"
        ) if terms else None

    def hits(self, text, part, page=None):
        if self.pattern is None or not text or not self.pattern.search(fold(text)):
            return []
        # Found: fold again character by character, keeping where each folded character came
        # from, to quote the original text around each match.
        folded, origin = [], []
        for index, char in enumerate(text):
            for folded_char in _fold_char(char):
                if folded_char.isspace():
                    if folded and folded[-1] == " ":
                        continue
                    folded_char = " "
                folded.append(folded_char)
                origin.append(index)
        found = []
        for match in self.pattern.finditer("".join(folded)):
            start, end = origin[match.start()], origin[match.end() - 1] + 1
            before = text[max(0, start - CONTEXT_CHARS):start]
            after = text[end:end + CONTEXT_CHARS]
            context = " ".join(f"{'…' if start > CONTEXT_CHARS else ''}{before}{text[start:end]}"
                               f"{after}{'…' if end + CONTEXT_CHARS < len(text) else ''}".split())
            identity = self.people[match.group(0)]
            found.append(Hit(person=identity.person, found=identity.term, part=part, page=page,
                             context=context))
        return found


def _text_of(data):
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


# Streams whose bytes are not text: images and embedded fonts.
_BINARY_STREAM_KEYS = ("/Length1", "/Length2", "/Length3")
_BINARY_SUBTYPES = ("/Image", "/Type1C", "/CIDFontType0C", "/OpenType")


class _PdfStrings:
    """Every string of a PDF, with where it was found. Each object is read once; what the walks
    from the known places do not reach is read at the end as "elsewhere in the file"."""

    def __init__(self, reader):
        self.reader = reader
        self.visited = set()
        self.undecodable = False  # a stream that should hold text could not be decoded

    def walk(self, obj, *, depth=0):
        from pypdf.generic import (
            ByteStringObject,
            DictionaryObject,
            IndirectObject,
            StreamObject,
            TextStringObject,
        )

        if depth > 50:
            return
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            if key in self.visited:
                return
            self.visited.add(key)
            obj = obj.get_object()
        if isinstance(obj, TextStringObject):
            yield str(obj)
        elif isinstance(obj, ByteStringObject):
            yield _text_of(bytes(obj))
        elif isinstance(obj, list):  # an ArrayObject, or the values of a name tree
            for item in obj:
                yield from self.walk(item, depth=depth + 1)
        elif isinstance(obj, DictionaryObject):
            # Pages are read page by page; a link or bookmark that points at one does not read it.
            if obj.get("/Type") in ("/Page", "/Pages"):
                return
            for key, value in obj.items():
                if key not in ("/Parent", "/P"):
                    yield from self.walk(value, depth=depth + 1)
            if isinstance(obj, StreamObject) and not (
                obj.get("/Subtype") in _BINARY_SUBTYPES
                or any(k in obj for k in _BINARY_STREAM_KEYS)
            ):
                try:
                    data = obj.get_data()
                except Exception:  # an unknown or broken filter
                    self.undecodable = True
                else:
                    yield _text_of(data)

    def skip(self, obj):
        """Count as read what is read another way: a page's content streams, as its text."""
        from pypdf.generic import ArrayObject, IndirectObject

        if isinstance(obj, IndirectObject):
            self.visited.add((obj.idnum, obj.generation))
            obj = obj.get_object()
        if isinstance(obj, ArrayObject):
            for item in obj:
                self.skip(item)

    def everything_else(self):
        from pypdf.generic import IndirectObject

        numbers = [(num, gen) for gen, entries in self.reader.xref.items() for num in entries]
        numbers += [(num, 0) for num in self.reader.xref_objStm]
        for num, gen in numbers:
            if (num, gen) in self.visited:
                continue
            obj = IndirectObject(num, gen, self.reader)
            resolved = obj.get_object()
            # A page's content is read as text; an image's or a font's bytes are not text; object
            # and cross-reference streams only pack the objects read one by one here.
            if getattr(resolved, "get", None) and resolved.get("/Type") in (
                    "/Page", "/Pages", "/ObjStm", "/XRef"):
                continue
            if getattr(resolved, "get", None) and (
                resolved.get("/Subtype") in ("/Form", *_BINARY_SUBTYPES)
                or any(k in resolved for k in _BINARY_STREAM_KEYS)
            ):
                continue
            yield from self.walk(obj)


def _name_tree_values(node, depth=0):
    """The values of a PDF name tree (embedded files, scripts), however deep it is split."""
    node = node.get_object() if node is not None else None
    if not hasattr(node, "get") or depth > 20:
        return
    names = node.get("/Names") or []
    yield from list(names)
    for kid in node.get("/Kids") or []:
        yield from _name_tree_values(kid, depth + 1)


def _pdf_hits(content, matcher):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    strings = _PdfStrings(reader)
    hits = []
    for number, page in enumerate(reader.pages, 1):
        try:
            hits += matcher.hits(page.extract_text(), "text", number)
        except Exception:  # pypdf raises assorted errors on hostile pages: say it was not read
            hits.append(_unreadable("text", number))
        strings.skip(page.get("/Contents"))
        for annot in page.get("/Annots") or []:
            resolved = annot.get_object()
            part = {"/Link": "link", "/Widget": "form"}.get(resolved.get("/Subtype"),
                                                           "annotation")
            for text in strings.walk(annot):
                hits += matcher.hits(text, part, number)
        for key in ("/Metadata", "/PieceInfo"):
            for text in strings.walk(page.get(key)):
                hits += matcher.hits(text, "metadata", number)
    root = reader.trailer["/Root"]
    names = root.get("/Names")
    names = names.get_object() if names is not None else {}
    places = [
        ("metadata", reader.trailer.get("/Info")),
        ("metadata", root.get("/Metadata")),
        ("outline", root.get("/Outlines")),
        ("form", root.get("/AcroForm")),
        ("attachment", list(_name_tree_values(names.get("/EmbeddedFiles")))),
        ("script", list(_name_tree_values(names.get("/JavaScript")))),
        ("script", root.get("/OpenAction")),
        ("script", root.get("/AA")),
    ]
    for part, obj in places:
        for text in strings.walk(obj):
            hits += matcher.hits(text, part)
    for text in strings.everything_else():
        hits += matcher.hits(text, "other")
    if strings.undecodable:
        hits.append(_unreadable("other"))
    return hits


# Elements after which a word ends, when the text of a part is read as one string: paragraphs,
# line breaks, tabs, table cells (Word "w:", ODF "text:" and "table:")...
_XML_WORD_BREAKS = {"p", "br", "tab", "cr", "tc", "h", "line-break", "s", "table-cell",
                    "list-item", "note", "comment", "annotation"}
# ...and every other element that holds text alone (a property such as dc:creator), except the
# pieces of a running text, which a word processor splits anywhere, even inside a word.
_XML_TEXT_PIECES = {"t", "delText", "instrText", "span", "a"}


def _xml_text(element, out):
    out.append(element.text or "")
    for child in element:
        _xml_text(child, out)
        name = child.tag.rsplit("}", 1)[-1]
        if name in _XML_WORD_BREAKS or (
                len(child) == 0 and child.text and name not in _XML_TEXT_PIECES):
            out.append(" ")
        out.append(child.tail or "")
    return out


def _package_hits(content, matcher):
    hits = []
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        hits += matcher.hits("\n".join(package.namelist()), "package")
        for name in package.namelist():
            if not name.endswith((".xml", ".rels")):
                continue
            try:
                root = SafeET.fromstring(package.read(name))
            except (SafeET.ParseError, ValueError):  # defusedxml refuses DTDs and entities
                # A part the check cannot read is a part it cannot vouch for.
                hits.append(_unreadable(name))
                continue
            hits += matcher.hits("".join(_xml_text(root, [])), name)
            for element in root.iter():
                hits += matcher.hits(" · ".join(element.attrib.values()), name)
    return hits


def find_identities(content, content_type, identities):
    """Every place where one of ``identities`` is still found in the document, as ``Hit``s.

    A document that cannot be read through answers with a hit that says so: what the check
    cannot read, it cannot vouch for.
    """
    matcher = _Matcher(identities)
    if matcher.pattern is None:
        return []
    try:
        hits = (_pdf_hits if content_type == PDF else _package_hits)(content, matcher)
    except Exception:  # a hostile file may break the reader anywhere
        hits = [_unreadable("other")]
    # One string is often kept twice (a file's name as /F and /UF, a field's value and its look).
    unique = {(h.found, h.part, h.page, h.context): h for h in hits}
    return list(unique.values())[:MAX_HITS]
