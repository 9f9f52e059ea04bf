"""Navigation shared by every public page: main menu with each section's pages, the section
navigation, language switcher, hreflang alternates.

Each helper runs a fixed number of queries, whatever the size of the page tree, and caches its
result on the request so that base.html can use it in several places, and across requests as a
page-cache fragment (cms.page_cache.cached_fragment) for visitors who could get cached pages.
"""

from django import template
from django.conf import settings
from django.db.models import Q, Window
from django.db.models.functions import RowNumber, Substr
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page, Site

from cms.page_cache import cached_fragment

register = template.Library()

LANGUAGE_NAMES = dict(settings.LANGUAGES)
# The most pages the menu lists under one section.
MENU_SECTION_PAGES = 12


def _cached(request, key, build):
    cache = getattr(request, "_jcmi_navigation", None)
    if cache is None:
        cache = request._jcmi_navigation = {}
    if key not in cache:
        cache[key] = build()
    return cache[key]


def _as_page(page):
    """Templates outside Wagtail's page serving (portal, search) pass "" for a missing ``page``."""
    return page if isinstance(page, Page) else None


def locale_home(request, page=None):
    """The home page in the locale of ``page`` (or of the active language), or None."""
    page = _as_page(page)

    def build():
        site = Site.find_for_request(request)
        if site is None:
            return None
        # Templates without a page (404, 500) pass the empty string Django gives an unknown name.
        locale_id = getattr(page, "locale_id", None)
        if locale_id is None:
            try:
                locale_id = Locale.objects.get_for_language(translation.get_language()).pk
            except (Locale.DoesNotExist, LookupError):
                return None
        root = site.root_page
        if root.locale_id == locale_id:
            return root
        return (
            Page.objects.live()
            .filter(translation_key=root.translation_key, locale_id=locale_id)
            .first()
        )

    return _cached(request, "home", build)


def _menu_entry(page, request):
    url = page.get_url(request)
    if not url:
        return None
    return {"title": page.title, "url": url, "page_id": page.pk, "path": page.path}


def _menu_items(request, page):
    """The locale home's children that editors marked "show in menus", each with its first
    MENU_SECTION_PAGES live children (the section's pages): two queries, whatever the size of
    the tree. A section with more pages than that (an archive of thousands of works) lists the
    first ones and is marked ``more``: its section navigation then reads them all."""
    home = locale_home(request, page)
    if home is None:
        return []
    items = []
    for child in home.get_children().live().public().in_menu().select_related("locale"):
        entry = _menu_entry(child, request)
        if entry:
            items.append({**entry, "children": []})
    if not items:
        return items
    by_path = {item["path"]: item for item in items}
    step = len(home.path) // home.depth
    # Only the menu's sections' pages, numbered within each section (the section's path is the
    # start of theirs), so that the database hands over MENU_SECTION_PAGES a section at most.
    in_menu_sections = Q()
    for path in by_path:
        in_menu_sections |= Q(path__startswith=path)
    grandchildren = (
        Page.objects.live().public().filter(in_menu_sections, depth=home.depth + 2)
        .annotate(place=Window(RowNumber(), partition_by=Substr("path", 1, step * (home.depth + 1)),
                               order_by="path"))
        .filter(place__lte=MENU_SECTION_PAGES + 1)  # one more says the section has more
        .select_related("locale").order_by("path")
    )
    for grandchild in grandchildren:
        parent = by_path.get(grandchild.path[: step * (home.depth + 1)])
        if parent and grandchild.place > MENU_SECTION_PAGES:
            parent["more"] = True
            continue
        entry = parent and _menu_entry(grandchild, request)
        if entry:
            parent["children"].append(entry)
    return items


def _all_section_pages(request, section, current_path, current_pk):
    """Every live page of a section longer than the menu shows, for its section navigation:
    each page stays a link away from its section (one query, on such sections' pages only)."""
    depth = len(section["path"]) // Page.steplen + 1
    pages = (Page.objects.live().public().filter(path__startswith=section["path"], depth=depth)
             .select_related("locale").order_by("path"))
    entries = [_menu_entry(page, request) for page in pages]
    return [{**entry, "current": _mark_current(entry, current_path, current_pk)}
            for entry in entries if entry]


def _mark_current(entry, current_path, current_pk):
    """``current``: "page" for the page shown, "true" for its section, "" otherwise."""
    if current_pk == entry["page_id"]:
        return "page"
    if current_path and current_path.startswith(entry["path"]):
        return "true"
    return ""


@register.simple_tag(takes_context=True)
def main_menu(context, page=None):
    """The main menu: the locale home's children in the menu, each with its section's pages."""
    request = context.get("request")
    page = _as_page(page)
    if request is None:
        return []
    items = _cached(request, "menu", lambda: cached_fragment(
        request, "menu", lambda: _menu_items(request, page)))
    current_path = getattr(page, "path", "")
    current_pk = getattr(page, "pk", None)
    marked = []
    for item in items:
        children = [{**child, "current": _mark_current(child, current_path, current_pk)}
                    for child in item["children"]]
        current = _mark_current(item, current_path, current_pk)
        marked.append({**item, "children": children, "current": current,
                       "active": bool(current)})
    return marked


@register.simple_tag(takes_context=True)
def section_navigation(context, page=None):
    """The section the page belongs to (the menu entry above it) with its pages, for the
    "In this section" navigation of a section's parent page and of every page below it; None
    on the home page and in sections without pages. Built from the menu, with no query of its own,
    unless the section has more pages than the menu lists."""
    page = _as_page(page)
    if page is None:
        return None
    for item in main_menu(context, page):
        if item["active"] and item["children"]:
            if item.get("more"):
                children = _all_section_pages(context.get("request"), item, page.path, page.pk)
                return {**item, "children": children}
            return item
    return None


@register.simple_tag(takes_context=True)
def home_url(context, page=None):
    request = context.get("request")
    if request is None:
        return "/"
    home = locale_home(request, page)
    if home is None:
        return f"/{translation.get_language()}/"
    return home.get_url(request) or "/"


def page_alternates(page, request):
    """Every live translation of ``page`` (itself included), in the order of LANGUAGES.

    Returns dicts with the language code, its name in its own language, the page's URL and
    whether it is the page being shown.
    """
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    by_code = {}
    for translated in translations:
        url = translated.get_url(request)
        if url:
            by_code[translated.locale.language_code] = {
                "code": translated.locale.language_code,
                "name": LANGUAGE_NAMES.get(translated.locale.language_code,
                                           translated.locale.language_code),
                "url": url,
                # The site's own address, as in the sitemap, whatever host the request used.
                "full_url": translated.get_full_url(request),
                "current": translated.pk == page.pk,
            }
    return [by_code[code] for code, _name in settings.LANGUAGES if code in by_code]


def _with_sub_route(links, page, request):
    """On a route below a routable page (an author's or a speaker's list), each language links
    to the same route below that page's translation, not to the translation itself."""
    from wagtail.contrib.routable_page.models import RoutablePageMixin

    own_url = next((link["url"] for link in links if link["current"]), None)
    if not isinstance(page, RoutablePageMixin) or not own_url:
        return links
    if not request.path.startswith(own_url) or request.path == own_url:
        return links
    route = request.path[len(own_url):]
    return [{**link, "url": link["url"] + route, "full_url": link["full_url"] + route}
            for link in links]


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """Links for the language switcher and hreflang alternates.

    On a Wagtail page: only the languages the page is live in, each linking to that page's own
    translation. Elsewhere (search, portal, error pages): the same address in every language.
    """
    request = context.get("request")
    page = _as_page(page)
    if request is None:
        return {"links": [], "missing": [], "x_default": None}

    def build():
        current = translation.get_language()
        if page is not None and page.pk:
            links = _with_sub_route(page_alternates(page, request), page, request)
        else:
            links = []
            for code, name in settings.LANGUAGES:
                url = translate_url(request.get_full_path(), code)
                links.append({"code": code, "name": name, "url": url,
                              "full_url": request.build_absolute_uri(url),
                              "current": code == current})
        present = {link["code"] for link in links}
        missing = [{"code": code, "name": name} for code, name in settings.LANGUAGES
                   if code not in present]
        x_default = next((link for link in links if link["code"] == settings.LANGUAGE_CODE),
                         None)
        return {"links": links, "missing": missing, "x_default": x_default}

    def build_for_page():
        # Off a page, the links follow the request's own address: nothing to share.
        return cached_fragment(request, "languages", build, page=page) if page else build()

    return _cached(request, f"languages-{getattr(page, 'pk', None)}", build_for_page)


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context, page=None):
    """The way from the locale's home page down to ``page``: ``{"links": [{title, url}],
    "current": title}``, or None on a home page and off Wagtail pages. On a route below a
    routable page (a speaker of the archive) the page itself is a link too, and the route's
    own title (``breadcrumb_title`` or ``share_title`` in the context) ends the trail."""
    request = context.get("request")
    page = _as_page(page)
    if request is None or page is None or not page.pk or page.depth <= 2:
        return None
    links = [
        {"title": ancestor.title, "url": url}
        for ancestor in page.get_ancestors().filter(depth__gt=1)
        if (url := ancestor.get_url(request))
    ]
    own_url = page.get_url(request)
    if own_url and request.path != own_url and request.path.startswith(own_url):
        links.append({"title": page.title, "url": own_url})
        current = context.get("breadcrumb_title") or context.get("share_title") or ""
    else:
        current = page.title
    return {"links": links, "current": current}
