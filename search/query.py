"""Turning what a visitor typed into something every search back end accepts.

Visitors paste anything into the search box: operators, unbalanced quotes, SQL, whole
paragraphs, Arabic. The back ends each have their own query syntax (SQLite FTS5, PostgreSQL
tsquery, Elasticsearch), so we keep only words, quotes and joining punctuation and let
modelsearch build the back-end query from that. Quoted parts become phrase searches.
"""

import re
from dataclasses import dataclass

from modelsearch.query import MATCH_NONE
from modelsearch.utils import parse_query_string

# Longer queries are cut here: nobody types more, and each word costs the back end work.
MAX_QUERY_LENGTH = 200
MAX_TERMS = 24

# Letters and digits of any script, whitespace, and the punctuation that can sit inside a word
# or a phrase. Everything else (operators, brackets, wildcards, colons) becomes a space.
_UNSAFE = re.compile(r"[^\w\s\"'\-.]", re.UNICODE)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class CleanQuery:
    text: str  # what we searched for, shown back to the visitor
    truncated: bool  # the visitor typed more than we use
    terms: tuple  # the single words, for highlighting

    def __bool__(self):
        return bool(self.terms)

    def to_search_query(self):
        """A modelsearch query object: plain words ANDed together, quoted parts as phrases."""
        if self.text.count('"') % 2:
            # An unbalanced quote would swallow the rest of the query into a phrase.
            text = self.text.replace('"', " ")
        else:
            text = self.text
        _filters, query = parse_query_string(text, operator="and", zero_terms=MATCH_NONE)
        return query


def clean_query(raw):
    raw = (raw or "")[: MAX_QUERY_LENGTH * 4]  # do not run regexes over megabytes
    text = _UNSAFE.sub(" ", raw)
    text = _SPACES.sub(" ", text).strip()
    truncated = len(text) > MAX_QUERY_LENGTH
    words = text[:MAX_QUERY_LENGTH].split(" ")
    if len(words) > MAX_TERMS:
        words, truncated = words[:MAX_TERMS], True
    text = " ".join(words).strip()
    # Words without their surrounding punctuation; single characters other than CJK-like
    # scripts carry no meaning for full-text search.
    terms = []
    for word in _SPACES.split(text.replace('"', " ")):
        word = word.strip("'-.")
        if word and word.casefold() not in {term.casefold() for term in terms}:
            terms.append(word)
    return CleanQuery(text=text if terms else "", truncated=truncated, terms=tuple(terms))
