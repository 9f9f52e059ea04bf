"""Template side of cms.languages: ``{{ names|join_list }}`` and ``<p{% lang_attrs obj %}>``."""

from django import template
from django.utils.html import format_html

from cms import languages

register = template.Library()


@register.filter
def join_list(items):
    """A list joined as the page's language writes one (cms.languages.join_list)."""
    return languages.join_list(list(items or ()))


@register.filter
def join_items(items):
    """A list separated as the page's language does, with no conjunction (keywords)."""
    return languages.join_items(list(items or ()))


@register.simple_tag
def comma_list(*items):
    """The non-empty ``items`` separated as the page's language does ("Ulm, Germany")."""
    return languages.join_items(items)


@register.simple_tag
def lang_attrs(value, within=None):
    """lang (and dir) attributes when ``value`` (a language code or a translatable object) is
    not in the page's language (or in ``within``'s, the language of the element around it)."""
    return languages.lang_attributes(value, within)


@register.simple_tag
def source_lang_attrs():
    """The same for text in the site's source language that has no locale of its own (an
    image's description)."""
    return languages.lang_attributes(languages.source_language())


@register.simple_tag
def in_source_language(text):
    """``text`` kept in the site's source language (a role stored once), in a span marked with
    that language when the page is in another; escaped. For lists: ``comma_list`` keeps it."""
    return format_html("<span{}>{}</span>", source_lang_attrs(), text)


@register.simple_tag(takes_context=True)
def page_links(context, pages):
    """Links to ``pages``, joined as the page's language writes a list."""
    request = context.get("request")
    return languages.join_list(
        format_html('<a href="{}">{}</a>', page.get_url(request), page.title) for page in pages
    )
