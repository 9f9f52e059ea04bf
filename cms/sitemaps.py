"""The sitemaps: every live page in every locale, each with hreflang links to its translations.

``/sitemap.xml`` is a sitemap index; it lists ``/sitemap-pages-<n>.xml``, each holding at most
``MultilingualSitemap.limit`` pages (a single sitemap may not hold more than 50,000 URLs, and
Django's paginator would silently drop the rest; and a small one is cheap to build uncached).

A sitemap page costs the same few queries at any size of site: its pages come in one query
without their specific rows (no page type adds URLs of its own to the sitemap: a test guards
this), their addresses are built from the site root paths as Wagtail builds them, and the
translations of a page sit on the same sitemap page because pages are ordered by translation
key; only the groups cut at the page's two ends need one more query for their other members.
"""

from collections import defaultdict
from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

from django.conf import settings
from django.db.models import Max, Q
from django.db.models.functions import Coalesce
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.encoding import iri_to_uri
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page, Site

# A sitemap page's URLs: the page cache keeps it, but a crawler arriving after a publication meets
# it uncached; 1,000 pages (about 1,600 <url> entries with their alternates) stay well under
# 100 ms of server time.
URLS_PER_SITEMAP = 1000
# What a page row needs for its sitemap entry.
FIELDS = ("id", "url_path", "locale_id", "translation_key", "last_published_at",
          "latest_revision_created_at")
URL_PATH, LOCALE, KEY, LAST_PUBLISHED, LAST_REVISION = range(1, 6)
# Characters reverse() leaves unquoted in a path (django.urls.resolvers: RFC 3986 sub-delims
# and "/~:@"), so addresses match Page.get_url() to the byte.
SAFE_IN_PATH = "!$&'()*+,;=/~:@"


class PageAddresses:
    """Full URLs of pages, as ``Page.get_full_url`` gives them, without a reverse() per page.

    Wagtail takes the first site root path the page's url_path starts with and reverses
    ``wagtail_serve`` in that root's language; the language prefix is the same for every page
    of a root, so it is reversed once per root.
    """

    def __init__(self):
        self.roots = []
        for root in Site.get_site_root_paths():
            try:
                with translation.override(root.language_code):
                    prefix = reverse("wagtail_serve", args=("",))
            except NoReverseMatch:
                prefix = None
            self.roots.append((root.root_path, (root.root_url or "") + (prefix or ""), prefix))

    def full_url(self, url_path):
        for root_path, base, prefix in self.roots:
            if url_path.startswith(root_path):
                if prefix is None:
                    return None
                return base + quote(iri_to_uri(url_path[len(root_path):]), safe=SAFE_IN_PATH)
        return None


class MultilingualSitemap(Sitemap):
    limit = URLS_PER_SITEMAP

    def _in_any_tree(self):
        # Wagtail's sitemap covers the site's root page only; its translations are the roots of
        # the other locales' trees, so walk all of them.
        if not hasattr(self, "_tree_q"):
            root = self.get_wagtail_site().root_page
            roots = Page.objects.filter(translation_key=root.translation_key).only("path")
            self._tree_q = Q()
            for locale_root in roots:
                self._tree_q |= Q(path__startswith=locale_root.path)
        return self._tree_q

    def listed_pages(self):
        return Page.objects.filter(self._in_any_tree()).live().public()

    def items(self):
        # Translations share a translation key: ordered by it, a page's translations are
        # neighbours (the unique (translation_key, locale) index serves this order).
        return self.listed_pages().order_by("translation_key", "locale_id")

    def get_latest_lastmod(self):
        # Django's default evaluates lastmod() for every item of every page: one aggregate instead.
        return self.listed_pages().aggregate(
            latest=Max(Coalesce("last_published_at", "latest_revision_created_at")))["latest"]

    def _urls(self, page, protocol, domain):
        # Rows as tuples: model instances (ClusterableModel's __init__) cost more than the rest.
        rows = list(self.paginator.page(page).object_list.values_list(*FIELDS))
        if not rows:
            return []
        addresses = PageAddresses()
        codes = dict(Locale.objects.values_list("pk", "language_code"))
        order = {code: position for position, code in enumerate(c for c, _ in settings.LANGUAGES)}

        # The translation groups cut by this page's two ends: their members on other pages.
        ends = {rows[0][KEY], rows[-1][KEY]}
        others = (self.listed_pages().filter(translation_key__in=ends)
                  .exclude(pk__in=[row[0] for row in rows]).values_list(*FIELDS))
        languages = defaultdict(list)  # translation key -> [(language, location)]
        locations = {}
        for row in [*rows, *others]:
            location = locations[row[0]] = addresses.full_url(row[URL_PATH])
            if location is not None:
                languages[row[KEY]].append((codes.get(row[LOCALE]), location))

        urls = []
        last_mods = set()
        links = {}  # translation key -> the group's hreflang links, shared by its members
        for row in rows:
            location = locations[row[0]]
            if location is None:
                continue  # not routable (outside every site)
            lastmod = row[LAST_PUBLISHED] or row[LAST_REVISION]
            last_mods.add(lastmod)
            url_info = {"location": location, "lastmod": lastmod}
            group = languages[row[KEY]]
            if len(group) > 1:
                if row[KEY] not in links:
                    links[row[KEY]] = alternates(group, order)
                url_info["alternates"] = links[row[KEY]]
            urls.append(url_info)
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def alternates(group, order):
    """hreflang links of a translation group, in the site's language order, with x-default."""
    links = sorted(({"lang_code": code, "location": location} for code, location in group),
                   key=lambda link: order.get(link["lang_code"], len(order)))
    default = next((link for link in links if link["lang_code"] == settings.LANGUAGE_CODE), None)
    if default is not None:
        links.append({"lang_code": "x-default", "location": default["location"]})
    return links


def render_urlset(urls):
    """The <urlset> document of Django's sitemap.xml template, written directly.

    The template costs about 100 µs per entry with its alternates (a thousand-entry page took
    100 ms of CPU); this writes the same elements in a few µs each. Tests read it back with
    ElementTree.
    """
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/'
             'schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n']
    append = parts.append
    written = {}  # a translation group's links, written once for all its members
    for url in urls:
        append(f"<url><loc>{escape(url['location'])}</loc>")
        if url.get("lastmod"):
            append(f"<lastmod>{url['lastmod']:%Y-%m-%d}</lastmod>")
        links = url.get("alternates")
        if links:
            if id(links) not in written:
                written[id(links)] = "".join(
                    f'<xhtml:link rel="alternate" hreflang={quoteattr(link["lang_code"])} '
                    f'href={quoteattr(link["location"])}/>' for link in links)
            append(written[id(links)])
        append("</url>\n")
    append("</urlset>\n")
    return "".join(parts)
