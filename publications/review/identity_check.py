"""The identity check of an anonymised copy: does it still name the people who must stay hidden?

Cleaning (``anonymise``) cannot know what the text itself says, and a format always has one more
corner. So the copy is verified: every string left in it (the text of each page, what remains of
metadata, annotations, outlines, attachment names, every XML text and attribute of a package) is
searched for every identity the system knows for the people who must stay hidden, whatever the
case and the accents. Each hit keeps its page or part and a little context, for the managing
editor.
"""

import io
import re
import unicodedata
import zipfile
from dataclasses import asdict, dataclass

from defusedxml import ElementTree as SafeET
from django.utils.translation import gettext_lazy as _

from .files import PDF

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
