"""What the visitor's language changes beyond translated words: how a list is joined, and
which text on a page is in another language than the page (and must say so to screen readers).
"""

from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info, pgettext


def join_list(items):
    """``items`` joined as the active language writes a list: "A, B and C", "A, B et C",
    "A, B und C", "A، B وC".

    The separators are translations (locale/*/django.po), so each language's translator decides
    them. CLDR's Arabic list pattern (as Babel ships it) joins every item with و alone; Arabic
    prose on this site separates with the Arabic comma and joins the last item with و.
    Items are escaped unless they are already safe HTML (links), each isolated in <bdi>, so
    the result is safe HTML.
    """
    items = _isolated(items)
    if not items:
        return ""
    if len(items) == 1:
        return mark_safe(items[0])
    if len(items) == 2:
        # Translators: a list of two items, e.g. "Ana and Ben".
        return mark_safe(pgettext("list of two", "%(first)s and %(last)s")
                         % {"first": items[0], "last": items[1]})
    # Translators (in join_items): joins one more item to the start of a list, "Ana, Ben".
    head = _separated(items[:-1])
    # Translators: the end of a list of three or more, e.g. "Ana, Ben and Cleo".
    return mark_safe(pgettext("list", "%(start)s and %(last)s") % {"start": head,
                                                                    "last": items[-1]})


def _isolated(items):
    """The non-empty items, escaped unless already safe, each in <bdi>: a Latin name in an
    Arabic list (or the reverse) keeps its place and its punctuation."""
    return [format_html("<bdi>{}</bdi>", item) for item in items
            if item is not None and str(item)]


def join_items(items):
    """``items`` separated as the active language separates them, with no conjunction: a
    place and its city, "Ulm, Germany" or "أولم، ألمانيا"."""
    return _separated(_isolated(items))


def _separated(items):
    if not items:
        return ""
    joined = items[0]
    for item in items[1:]:
        joined = pgettext("list", "%(start)s, %(item)s") % {"start": joined, "item": item}
    return mark_safe(joined)


def language_of(value):
    """The language code of ``value``: a code already, a translatable model (its locale), or
    None for text whose language is not known."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    locale = getattr(value, "locale", None)
    return getattr(locale, "language_code", None)


def lang_attributes(value, within=None):
    """` lang="en" dir="ltr"` for an element whose text is in another language than the page's
    (an untranslated series name, a speaker's English biography on an Arabic page), so a screen
    reader switches voice; "" when it is the page's language or not known. ``within``: the
    language of the element it sits in, when that is not the page's."""
    code = language_of(value)
    current = language_of(within) or get_language() or settings.LANGUAGE_CODE
    if not code or code.split("-")[0] == current.split("-")[0]:
        return ""
    try:
        bidi = get_language_info(code)["bidi"]
        around = get_language_info(current)["bidi"]
    except KeyError:
        return format_html(' lang="{}"', code)
    if bidi == around:
        return format_html(' lang="{}"', code)
    return format_html(' lang="{}" dir="{}"', code, "rtl" if bidi else "ltr")


def source_language():
    """The language untranslated content is written in: the site's source locale (English).
    Images' descriptions and other shared text that has no locale of its own are written in it."""
    return settings.LANGUAGE_CODE



