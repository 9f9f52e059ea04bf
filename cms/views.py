"""Site-wide endpoints that are not pages: the sitemap, robots.txt, the health checks and the
error pages."""

import logging
import sys

import elastic_transport
from django.apps import apps
from django.contrib.sitemaps.views import SitemapIndexItem
from django.core.cache import cache
from django.db import InterfaceError, OperationalError, connection
from django.http import Http404, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.http import http_date
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from cms.page_cache import mark_site_wide

logger = logging.getLogger(__name__)


def _with_sitemap_headers(response, lastmod):
    # As Django's sitemap views answer: kept out of search results, Last-Modified for
    # conditional requests.
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    if lastmod is not None:
        response["Last-Modified"] = http_date(lastmod.timestamp())
    return response


@require_GET
def sitemap_index(request):
    """/sitemap.xml: the sitemap index, one entry per sitemap page (cms/sitemaps.py).

    Its pages have their number in the path, not in ``?p=``, so that the page cache keeps each
    of them until any page is published, moved or deleted (mark_site_wide)."""
    from cms.sitemaps import MultilingualSitemap

    mark_site_wide(request)
    sitemap = MultilingualSitemap(request)
    lastmod = sitemap.get_latest_lastmod()
    items = [
        SitemapIndexItem(request.build_absolute_uri(reverse("sitemap_page", args=(number,))),
                         lastmod)
        for number in sitemap.paginator.page_range
    ]
    if apps.is_installed("lectures"):
        items.append(SitemapIndexItem(request.build_absolute_uri(reverse("sitemap_speakers")),
                                      lastmod))
    response = TemplateResponse(request, "sitemap_index.xml", {"sitemaps": items},
                                content_type="application/xml")
    return _with_sitemap_headers(response, lastmod)


@require_GET
def sitemap_page(request, number):
    """/sitemap-pages-<n>.xml: one page of the sitemap; past the last one is a 404."""
    from django.contrib.sites.requests import RequestSite
    from django.core.paginator import InvalidPage

    from cms.sitemaps import MultilingualSitemap, render_urlset

    mark_site_wide(request)
    sitemap = MultilingualSitemap(request)
    try:
        urls = sitemap.get_urls(page=number, site=RequestSite(request), protocol=request.scheme)
    except InvalidPage as error:
        raise Http404(f"No sitemap page {number}") from error
    response = HttpResponse(render_urlset(urls), content_type="application/xml")
    return _with_sitemap_headers(response, getattr(sitemap, "latest_lastmod", None))


@require_GET
def sitemap_speakers(request):
    """/sitemap-speakers.xml: the lecture archives' speaker pages (lectures/sitemaps.py)."""
    from cms.sitemaps import render_urlset
    from lectures.sitemaps import speaker_urls

    mark_site_wide(request)
    urls = speaker_urls(request)
    lastmods = [url["lastmod"] for url in urls if url["lastmod"]]
    response = HttpResponse(render_urlset(urls), content_type="application/xml")
    return _with_sitemap_headers(response, max(lastmods) if lastmods else None)


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/portal/",
        "Disallow: /*/search/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def _check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_cache():
    cache.set("healthz", "ok", 10)
    if cache.get("healthz") != "ok":
        raise RuntimeError("cache did not return the value it was given")


def _check_storage():
    """The media storage answers: a small object is written, read back and removed."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    name = default_storage.save("healthz/probe.txt", ContentFile(b"ok"))
    try:
        with default_storage.open(name) as probe:
            if probe.read() != b"ok":
                raise RuntimeError("storage returned different content")
    finally:
        default_storage.delete(name)


def _check_search():
    """The search back end answers a query (on Elasticsearch, a round trip to the cluster)."""
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    es = getattr(backend, "es", None)
    if es is not None and not es.ping():
        raise RuntimeError("Elasticsearch did not answer")
    list(backend.search("healthz", Page.objects.none())[:1])


HEALTH_CHECKS = {
    "database": _check_database,
    "cache": _check_cache,
    "storage": _check_storage,
    "search": _check_search,
}


@never_cache
@require_GET
def livez(request):
    """Liveness: the process answers. Touches nothing else, so a database or cache outage never
    gets a healthy process restarted."""
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


@never_cache
@require_GET
def readyz(request):
    """Readiness: this instance can serve pages, i.e. reach the database. The cache, storage and
    search are left out: pages render without them, and they are shared by every instance, so
    their failure would take the whole site out of the load balancer."""
    try:
        _check_database()
    except Exception as exc:  # any failure means "not ready"; the reason is for people
        logger.warning("Not ready: database check failed", exc_info=True)
        return JsonResponse({"status": "error", "database": exc.__class__.__name__}, status=503)
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def healthz(request):
    """Reports each back end; 503 when any of them fails, so a load balancer can act on it."""
    results = {}
    for name, check in HEALTH_CHECKS.items():
        try:
            check()
        except Exception as exc:  # a health check reports every failure rather than raising
            results[name] = {"ok": False, "error": exc.__class__.__name__}
        else:
            results[name] = {"ok": True}
    healthy = all(result["ok"] for result in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": results},
        status=200 if healthy else 503,
    )


# A service the request needs cannot be reached (the database or the search cluster down,
# restarting, or hung past its timeout): the site answers 503 and asks to come back, rather than
# 500. Errors in a query itself (IntegrityError, DataError, ProgrammingError, a search the cluster
# refuses) stay 500s: trying again would not help. Storage outages: cms.storage.
OUTAGE_ERRORS = (OperationalError, InterfaceError,
                 elastic_transport.ConnectionError, elastic_transport.ConnectionTimeout)
RETRY_AFTER_SECONDS = 30


def _activate_language_of(request):
    # The error may come before LocaleMiddleware ran; the language prefix needs no database.
    translation.activate(translation.get_language_from_request(request, check_path=True))


def _error_page(request, template_name, status):
    """An error page that needs no database; plain text if even the template fails."""
    _activate_language_of(request)
    context = {"request_id": getattr(request, "request_id", "")}
    try:
        return HttpResponse(loader.render_to_string(template_name, context, request),
                            status=status)
    except Exception:
        logger.exception("The %s error page could not be rendered", status)
        return HttpResponse(f"Error {status}\n", status=status,
                            content_type="text/plain; charset=utf-8")


def outage_response(request):
    """503 in the visitor's language, with Retry-After."""
    response = _error_page(request, "503.html", 503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def server_error(request):
    """handler500: Django calls it while handling the exception, so sys.exc_info() names it.
    A database outage answers 503; anything else the plain 500 page. Never queries."""
    if isinstance(sys.exc_info()[1], OUTAGE_ERRORS):
        return outage_response(request)
    try:
        return _error_page(request, "500.html", 500)
    except Exception:  # the last resort must not fail
        return HttpResponseServerError("Error 500\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception):
    """The 404 page in the visitor's language, pointing to the same page in other languages.

    It must not fail: with the database unreachable it answers 503 (whether the page exists
    cannot be known), and if the full page cannot be drawn for any other reason, a plain 404
    page that needs nothing but the templates."""
    from home.locales import same_address_elsewhere

    try:
        context = {"request_path": request.path, "elsewhere": same_address_elsewhere(request)}
        return render(request, "404.html", context, status=404)
    except OUTAGE_ERRORS:
        logger.warning("404 page: database unreachable", exc_info=True)
        return outage_response(request)
    except Exception:
        logger.exception("The 404 page could not be rendered; answering the plain one")
        return _error_page(request, "cms/404_plain.html", 404)
