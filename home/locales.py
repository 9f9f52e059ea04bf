"""Choosing among the translations of translatable objects (pages and snippets alike)."""

import re

# The part of a page's address after the language prefix, as Wagtail's serving view matches it.
PAGE_PATH = re.compile(r"(?:[\w\-]+/)*")


def one_per_translation_key(objects, locale_id):
    """One object per translation key: the one in ``locale_id`` if there is one."""
    chosen = {}
    for obj in objects:
        if obj.translation_key not in chosen or obj.locale_id == locale_id:
            chosen[obj.translation_key] = obj
    return list(chosen.values())


def same_address_elsewhere(request):
    """The live pages at the requested address in the site's other languages.

    A visitor who swaps the language prefix of a link (or follows one shared in another
    language) reaches a page not yet translated into theirs: the 404 then offers the versions
    that exist instead of a dead end.
    """
    from django.utils.translation import get_language_from_path
    from wagtail.models import Page, Site

    language = get_language_from_path(request.path_info)
    rest = request.path_info[len(language or "") + 2:]
    # Page addresses are made of slugs: anything else (a NUL byte, which PostgreSQL refuses in
    # a query) cannot be a page in any language, so it is not looked up.
    if not language or not PAGE_PATH.fullmatch(rest):
        return []
    site = Site.find_for_request(request)
    if site is None:
        return []
    roots = site.root_page.get_translations(inclusive=True).exclude(locale__language_code=language)
    paths = [root.url_path + rest for root in roots.only("url_path")]
    return list(
        Page.objects.live().filter(url_path__in=paths).select_related("locale").order_by("locale_id")
    )
