"""The text shown under a search result, with the visitor's words marked."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from cms.text import rich_text_as_plain

SNIPPET_LENGTH = 240
# Fields tried, in order, when a page type declares no ``search_summary_fields``.
DEFAULT_SUMMARY_FIELDS = ("search_description", "intro", "summary", "abstract", "hero_text")


def summary_text(page):
    """Plain text that sums the page up: its search description or its first summary field."""
    fields = ("search_description",) + tuple(
        getattr(page, "search_summary_fields", DEFAULT_SUMMARY_FIELDS)
    )
    for name in fields:
        value = getattr(page, name, None)
        if callable(value):
            value = value()
        if value:
            return rich_text_as_plain(value)
    return ""


def highlight(text, terms, length=SNIPPET_LENGTH):
    """An HTML-safe excerpt of ``text`` around the first matched term, terms in <mark>."""
    if not text:
        return ""
    pattern = None
    if terms:
        # From the start of a word: "civil" marks "civilians" (a stem) but not "uncivil".
        alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
        pattern = re.compile(rf"(?<!\w)(?:{alternatives})", re.IGNORECASE)
    start = 0
    if pattern:
        match = pattern.search(text)
        if match and match.start() > length // 3:
            start = text.rfind(" ", 0, match.start() - length // 3) + 1
    excerpt = text[start:]
    excerpt = Truncator(excerpt).chars(length)
    prefix = "… " if start else ""
    if not pattern:
        return mark_safe(prefix + escape(excerpt))
    parts = []
    last = 0
    for match in pattern.finditer(excerpt):
        parts.append(escape(excerpt[last:match.start()]))
        parts.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    parts.append(escape(excerpt[last:]))
    return mark_safe(prefix + "".join(parts))
