"""Site-wide endpoints that are not pages: the sitemap, robots.txt and the health check."""

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from cms.page_cache import mark_site_wide


@require_GET
def sitemap(request, **kwargs):
    """Wagtail's sitemap, kept in the page cache until any page is published, moved or deleted:
    with thousands of pages it takes seconds to build, and crawlers ask for it often."""
    mark_site_wide(request)
    return wagtail_sitemap(request, **kwargs)


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


def page_not_found(request, exception):
    """The 404 page in the visitor's language, pointing to the same page in other languages."""
    from home.locales import same_address_elsewhere

    context = {"request_path": request.path, "elsewhere": same_address_elsewhere(request)}
    return render(request, "404.html", context, status=404)
