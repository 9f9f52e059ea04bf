"""A cache of whole public pages, invalidated exactly when their content changes.

wagtail-cache does not support Wagtail 8, so this is a small cache on Django's cache API
(Redis in production). How it works:

* ``PageCacheMiddleware`` answers an anonymous GET for a Wagtail page from the cache. The
  ``before_serve_page`` hook (cms/wagtail_hooks.py) marks which page a request serves; only
  those responses are stored, so search, the portal, feeds of other apps and the admin never are.
* Every page has a *generation*. A stored response remembers the generation of its page, and is
  served only while that generation is current. Invalidating a page bumps its generation: all
  its cached responses (every query string, every sub-route) die at once, wherever they live.
* Publishing, unpublishing, moving or deleting a page invalidates the page, its translations,
  the pages that list it (its ancestors and their translations, which list an untranslated work
  as a fallback: the series page, the archive, the
  home page with its latest items; and the topic hubs it is tagged with through its
  ``search_facets["topic"]`` field), the pages that link to it or choose it (Wagtail's reference
  index) and anything the page type names in ``get_cache_dependents()``.
* The main menu (children of a locale's home page and theirs) is on every page: a change to a
  page at those levels retires every cached page at once, through a second, menu-wide generation that every
  stored response also carries.
* Responses that show the whole site (``/sitemap.xml``) are marked with ``mark_site_wide``: they
  live until any page is invalidated.
* Snippets and site settings (people, partners, series, the footer text) show on many pages
  without being pages: saving or deleting one retires every cached page (``invalidate_all``).
* A page that is not in the cache is still built from cached *fragments* (``cached_fragment``):
  the parts that cost the most and change only when pages do (the menu, the language links,
  how to cite a publication, the home page's latest items). A fragment carries the same
  generations as its page, so whatever retires the page's cached responses retires its
  fragments with them; the cache never serves one of them to a visitor who would not get a
  cached page. Listings keep each card as a fragment of the card's own page
  (``cached_fragments``): a listing rebuilt after one publication draws that card only.
* Only the query parameters that change a page (``PAGE_CACHE_QUERY_PARAMETERS``: filters and
  paging) make a key, in a fixed order; a request with any other parameter is built but never
  stored, so made-up query strings cannot fill the cache.
* An invalidation that cannot reach the cache (Redis down) is kept in this process and written
  before the process reads the cache again; until then its reads miss.
* Visitors with a session (logged in, including editors on their way to a preview) or a
  messages cookie never get or make a cached page; responses that set a cookie (a form's CSRF
  token), say private/no-store, or carry the request's CSP nonce (an inline script) are not
  stored.
"""

import hashlib
import logging
import threading
import uuid
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import cc_delim_re

from cms import cache as cache_breaker
from cms.memo import RecentValues

logger = logging.getLogger(__name__)

CACHE_HEADER = "X-Page-Cache"
# The generation of responses that list every page: retired whenever any page is.
SITE_WIDE = "site"
# The generation every response carries besides its page's: retired when the menus change.
MENUS = "menus"
# Depth of the pages the main menu lists: the children of each locale's home page; the menu
# also lists their children (each section's pages), one level further down.
MENU_DEPTH = 3
MENU_DEPTHS = (MENU_DEPTH, MENU_DEPTH + 1)
# Longer than any slug or number a filter takes: such a value is not worth a cached copy.
MAX_QUERY_VALUE_LENGTH = 100


def _cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def _timeout():
    return getattr(settings, "PAGE_CACHE_TIMEOUT", 600)


def page_cache_enabled():
    return getattr(settings, "PAGE_CACHE_ENABLED", True)


def generation_key(page_id):
    return f"pagecache:gen:{page_id}"


def response_key(request):
    """One key per host, path, query parameters (in a fixed order) and the cookies that change
    the HTML."""
    varying = [
        f"{name}={request.COOKIES.get(name, '')}"
        for name in getattr(settings, "PAGE_CACHE_VARY_ON_COOKIES", [])
    ]
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    raw = "\n".join([request.get_host(), request.path, query, *varying])
    return "pagecache:resp:" + hashlib.sha256(raw.encode()).hexdigest()


def _recognised_query(request):
    """Only the query parameters that change a page (its filters, paging) make a cache key.

    Anything else, or a value longer than any filter's, means the page is built but not stored:
    otherwise every made-up parameter would store one more copy of the page, and anyone could
    fill the cache."""
    recognised = settings.PAGE_CACHE_QUERY_PARAMETERS
    return all(
        name in recognised and all(len(value) <= MAX_QUERY_VALUE_LENGTH for value in values)
        for name, values in request.GET.lists()
    )


def _anonymous_get(request):
    if request.method != "GET" or not page_cache_enabled():
        return False
    bypass = {settings.SESSION_COOKIE_NAME, "messages", *getattr(
        settings, "PAGE_CACHE_BYPASS_COOKIES", [])}
    return not any(name in request.COOKIES for name in bypass)


def request_is_cacheable(request):
    return _anonymous_get(request) and _recognised_query(request)


def response_is_cacheable(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    # "Vary: Cookie" is on nearly every page (the template asks whether someone is logged in);
    # it is safe here because requests that carry a session never reach the cache. A page that
    # used a CSRF token sets the CSRF cookie, and responses that set cookies are not cached.
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v}
    if "*" in vary:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


def _used_csp_nonce(request):
    # django-csp's lazy nonce is true once a template has read it. That nonce is good for this
    # response only: a stored copy would bring it back under the header of a later visit, which
    # names another nonce, and the browser would block the page's inline scripts.
    return bool(getattr(request, "csp_nonce", None))


def _generations(page_ids, create=False):
    """{page id or MENUS: its generation}, read in one round trip (two when some are new)."""
    cache = _cache()
    keys = {page_id: generation_key(page_id) for page_id in page_ids}
    found = cache.get_many(list(keys.values()))
    if create and len(found) < len(keys):
        for key in keys.values():
            if key not in found:
                cache.add(key, uuid.uuid4().hex, None)
        found = cache.get_many(list(keys.values()))
    return {page_id: found.get(key) for page_id, key in keys.items()}


def current_generations(page_id, create=False):
    """The page's generation and the menus' generation, read in one round trip."""
    found = _generations([page_id, MENUS], create)
    return found[page_id], found[MENUS]


def mark_page_for_caching(request, page):
    """Called by the before_serve_page hook: this response may be cached under this page."""
    request._page_cache_page_id = page.pk


def mark_site_wide(request):
    """This response shows every page (the sitemap): it may be cached until any page changes."""
    request._page_cache_page_id = SITE_WIDE


# Which page each response key was stored under, as this process last saw it: a hit then reads
# its entry and the generations to compare in one round trip to the cache instead of two. Only a
# guess, checked against the entry; a wrong one (the address now shows another page) costs the
# second round trip.
_page_of_key = RecentValues(10_000)


def _cached_entry(cache, key):
    """(entry, the current generations of its page), or (None, None)."""
    guess = _page_of_key.get(key)
    if guess is None:
        entry = cache.get(key)
        if entry is None:
            return None, None
        _page_of_key.set(key, entry[0])
        return entry, current_generations(entry[0])
    keys = [key, generation_key(guess), generation_key(MENUS)]
    found = cache.get_many(keys)
    entry = found.get(key)
    if entry is None:
        return None, None
    if entry[0] != guess:
        _page_of_key.set(key, entry[0])
        return entry, current_generations(entry[0])
    return entry, (found.get(keys[1]), found.get(keys[2]))


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request_is_cacheable(request):
            return self.get_response(request)

        if not write_retired_generations():
            return self.get_response(request)
        cache = _cache()
        key = response_key(request)
        entry, current = _cached_entry(cache, key)
        if entry is not None:
            page_id, generations, status, headers, content = entry
            if generations == current:
                response = HttpResponse(content, status=status)
                for name, value in headers:
                    response[name] = value
                response[CACHE_HEADER] = "hit"
                return response

        response = self.get_response(request)
        page_id = getattr(request, "_page_cache_page_id", None)
        if page_id is not None and response_is_cacheable(response) and not _used_csp_nonce(
            request
        ):
            headers = [(k, v) for k, v in response.items() if k.lower() != "set-cookie"]
            generations = current_generations(page_id, create=True)
            cache.set(
                key, (page_id, generations, response.status_code, headers, response.content),
                _timeout(),
            )
            _page_of_key.set(key, page_id)
            response[CACHE_HEADER] = "miss"
        return response


def pages_showing(page):
    """The pages whose HTML shows ``page``: itself, its translations, the pages listing it or
    linking to it."""
    from wagtail.models import Page

    page = page.specific_deferred if hasattr(page, "specific_deferred") else page
    versions = {page.pk: page}
    for translation in page.get_translations():
        versions[translation.pk] = translation
    affected = dict(versions)
    for version in versions.values():
        for ancestor in Page.objects.ancestor_of(version).filter(depth__gt=1):
            affected[ancestor.pk] = ancestor
    # A listing in a language the work is not translated into shows it as a fallback (the
    # French publication index lists an English-only publication): the listings above it in
    # every language, found by translation key in one query.
    listing_keys = {ancestor.translation_key for ancestor in affected.values()
                    if ancestor.pk not in versions}
    for listing in Page.objects.filter(translation_key__in=listing_keys).exclude(
            pk__in=list(affected)):
        affected[listing.pk] = listing
    # Pages that link to any version (rich text, page choosers): link filters resolve a link to
    # the visitor's language, so a new translation changes them too.
    for referring in _pages_referring_to(list(versions.values())):
        affected[referring.pk] = referring
    # Topic hubs list everything tagged with them (the "topic" facet field, see search/facets.py).
    dependents = list(_topic_pages(page))
    extra = getattr(page, "get_cache_dependents", None)
    if extra is not None:
        dependents += list(extra())
    if dependents:
        # The dependents and their translations, in one query (a series has dozens of lectures).
        keys = {dependent.translation_key for dependent in dependents}
        for shown in Page.objects.filter(translation_key__in=keys):
            affected.setdefault(shown.pk, shown)
    return [p for p in affected.values() if isinstance(p, Page)]


def changes_menus(page):
    """A page the main menu lists changes the header of every page when it changes: a child of
    a home page, or a child of one of those that is in the menu (a section's pages)."""
    if page.depth == MENU_DEPTH:
        return True
    if page.depth == MENU_DEPTH + 1:
        parent = page.get_parent()
        return bool(parent and parent.show_in_menus)
    return False


def _pages_referring_to(pages):
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, ReferenceIndex

    references = ReferenceIndex.get_references_to_in_bulk(pages).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    ids = {int(object_id) for object_id in references.values_list("object_id", flat=True)}
    return list(Page.objects.filter(pk__in=ids)) if ids else []


def _topic_pages(page):
    field_name = (getattr(page, "search_facets", None) or {}).get("topic")
    if not field_name:
        return []
    related = getattr(page, field_name, None)
    return list(related.all()) if hasattr(related, "all") else []


def invalidate_pages(pages, menus=False):
    """Retire every cached response of these pages (of every page, when ``menus`` changed);
    tell the CDN when one is configured."""
    pages = list(pages)
    if not pages:
        return
    generations = {generation_key(page.pk): uuid.uuid4().hex for page in pages}
    generations[generation_key(SITE_WIDE)] = uuid.uuid4().hex
    if menus:
        generations[generation_key(MENUS)] = uuid.uuid4().hex
    _retire(generations)
    # The CDN holds every page with the old menu.
    _purge_frontend_cache(None if menus else pages)


# New generations this process could not write (Redis was unreachable): written before this
# process reads the cache again, so a page unpublished during an outage is not served from a copy
# made before it once Redis is back. Until then every read here misses (cms/cache.py).
_unwritten_generations = {}
_unwritten_lock = threading.Lock()


def _retire(generations):
    with _unwritten_lock:
        _unwritten_generations.update(generations)
    write_retired_generations()


def write_retired_generations():
    """Write the generations not written yet; True when none is left."""
    if not _unwritten_generations:
        return True
    with _unwritten_lock:
        batch = dict(_unwritten_generations)
    _cache().set_many(batch, None)
    if cache_breaker.is_open():  # refused, or failed while writing: keep them for later
        logger.warning("Page cache: %d invalidations kept until the cache answers", len(batch))
        return False
    with _unwritten_lock:
        for key, value in batch.items():
            if _unwritten_generations.get(key) == value:
                del _unwritten_generations[key]
    return not _unwritten_generations


def _purge_frontend_cache(pages=None):
    """Tell the CDN or proxy, when one is configured, to drop these pages (None: every page)."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Page

    if pages is None:
        pages = Page.objects.live().filter(depth__gt=1).specific(defer=True)
    batch = PurgeBatch()
    batch.add_pages(pages)
    batch.purge()


def invalidate_page(page):
    invalidate_pages_showing([page])


def invalidate_pages_showing(pages):
    """Retire the cached copies of these pages and of every page showing them."""
    affected, menus = {}, False
    for page in pages:
        menus = menus or changes_menus(page)
        affected.update((shown.pk, shown) for shown in pages_showing(page))
    invalidate_pages(affected.values(), menus=menus)


def invalidate_pages_using(obj):
    """Retire the cached copies of the pages that use ``obj`` (a document whose file was
    replaced: the pages link its old file name) and of the pages showing those."""
    invalidate_pages_showing(_pages_referring_to([obj]))


def invalidate_all():
    """Retire every cached page: a snippet or setting that many pages show has changed."""
    _retire({generation_key(SITE_WIDE): uuid.uuid4().hex, generation_key(MENUS): uuid.uuid4().hex})
    _purge_frontend_cache()


def _fragment_key(*parts):
    return "pagecache:frag:" + hashlib.sha256("\n".join(map(str, parts)).encode()).hexdigest()


def _gets_fragments(request):
    # Fragments do not depend on the query string: a request whose page is not stored (an
    # unknown parameter) still draws the menu and the cards from them.
    return (request is not None and _anonymous_get(request)
            and not getattr(request, "is_preview", False))


def cached_fragment(request, name, build, page=None, still_valid=None):
    """``build()``, or its value kept from an earlier request while it is still current.

    With ``page``, the fragment belongs to that page (and to the address the request asked for,
    since a routable page's sub-routes differ): it lives as long as the page's cached responses.
    Without, it is shared by every page of the site in the active language (the main menu) and
    lives until the menus change or ``invalidate_all``. Requests that would never get a cached
    page (logged in, previews, POSTs) always build the value afresh. ``still_valid(value)``,
    when given, may retire a kept value that time has overtaken (an upcoming lecture now past).
    """
    if not _gets_fragments(request):
        return build()
    if page is not None and not page.pk:
        return build()
    from django.utils import translation

    page_id = page.pk if page is not None else MENUS
    generations = getattr(request, "_page_cache_generations", {}).get(page_id)
    if generations is None:
        generations = current_generations(page_id, create=True)
        request.__dict__.setdefault("_page_cache_generations", {})[page_id] = generations
    key = _fragment_key(name, request.get_host(), page_id, translation.get_language() or "",
                        request.path if page is not None else "", *generations)
    cache = _cache()
    found = cache.get(key)
    if found is not None and (still_valid is None or still_valid(found[0])):
        return found[0]
    value = build()
    cache.set(key, (value,), _timeout())
    return value


def cached_fragments(request, name, page_ids, build, versions=None):
    """A listing's parts, one per page (the cards of an archive): ``{page id: value}``.

    ``build(ids)`` makes ``{id: value}`` for the pages whose part is not kept. ``versions``
    (``{id: text}``) names what else a part shows that its page's generation does not follow:
    a card links to its page, whose address changes when an ancestor's slug does. Each part lives
    as long as its own page's cached responses (and until the menus change or
    ``invalidate_all``, as snippets such as people show on cards), so a listing rebuilt after
    one publication draws every card again but that one. The same visitors as for
    ``cached_fragment`` get kept parts; a part does not depend on the address it is shown at.
    """
    page_ids = list(page_ids)
    if not _gets_fragments(request) or not page_ids:
        return build(page_ids)
    from django.utils import translation

    generations = _generations([*page_ids, MENUS], create=True)
    keys = {
        page_id: _fragment_key(name, request.get_host(), page_id, translation.get_language() or "",
                               generations[page_id], generations[MENUS],
                               (versions or {}).get(page_id, ""))
        for page_id in page_ids
    }
    cache = _cache()
    found = cache.get_many(list(keys.values()))
    values = {page_id: found[key][0] for page_id, key in keys.items() if key in found}
    missing = [page_id for page_id in page_ids if page_id not in values]
    if missing:
        built = build(missing)
        cache.set_many({keys[page_id]: (value,) for page_id, value in built.items()
                        if page_id in keys}, _timeout())
        values.update(built)
    return values
