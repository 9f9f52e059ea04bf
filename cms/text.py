"""Plain text from rich text, for places that show or store text rather than HTML."""

import html
import re

from django.utils.html import strip_tags

BLOCK_END = re.compile(r"</(p|li|h[1-6]|blockquote)>|<br\s*/?>", re.IGNORECASE)


def rich_text_as_plain(value):
    """The words of a rich-text value on one line: tags dropped, paragraphs kept apart by a space,
    and character references read back (``&lt;`` is ``<`` again, ``&amp;`` is ``&``).

    The result is text, not HTML: templates escape it as usual, and code that writes HTML (a
    feed's description, a search excerpt) escapes it itself. Without reading the references back,
    it would be escaped twice and the visitor would read "&amp;lt;".
    """
    spaced = BLOCK_END.sub(r"\g<0> ", str(value or ""))
    return " ".join(html.unescape(strip_tags(spaced)).split())
