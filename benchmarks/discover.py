"""Prints, as JSON, what the harness should request on the database it is pointed at.

Run by benchmarks/run.py with the benchmark settings and DATABASE_URL of one corpus:
``python -m benchmarks.discover``. Samples are chosen by slug, so that both corpus sizes give
the same pages (seed_scale numbers its slugs in creation order).
"""

import json
import os
import sys

SAMPLES = (("en", 2), ("fr", 1), ("de", 1), ("ar", 1))
# Non-page endpoints that exist once their app has landed; listed when they resolve.
ENDPOINTS = [
    ("sitemap index", "/sitemap.xml"),
    ("sitemap page", "/sitemap-pages-1.xml"),
    ("publications feed", "/en/publications/feed.xml"),
    ("lectures feed", "/en/lectures/feed.xml"),
    ("lectures calendar", "/en/lectures/calendar.ics"),
]
SEARCH_QUERIES = {
    "en": ["Sahel", "humanitarian access", "liaison officer", "protection of civilians"],
    "fr": ["humanitaire", "Sahel"],
    "de": ["Zivilpersonen", "Verbindungsoffizier"],
    "ar": ["المدنيين"],
}
AUTOCOMPLETE_PREFIXES = {"en": ["hum", "prot", "Sah", "civ"], "fr": ["hum"], "de": ["Ziv"]}


def discover():
    from wagtail.models import Page, get_page_models

    page_types = []
    for model in get_page_models():
        if model is Page:
            continue
        live = model.objects.live().public().filter(depth__gt=1)
        urls = []
        for language, count in SAMPLES:
            pages = live.filter(locale__language_code=language).order_by("slug")[:count]
            urls += [page.get_url() for page in pages if page.get_url()]
        if urls:
            page_types.append({
                "label": f"{model._meta.app_label}.{model.__name__}",
                "count": live.count(),
                "urls": urls,
            })
    # The admin's long listings, measured logged in: the explorer of the section with the most
    # children, the submissions queue, the registrations.
    from django.apps import apps

    biggest = Page.objects.order_by("-numchild", "path").first()
    admin = [(f"admin: page explorer ({biggest.numchild} children)",
              f"/admin/pages/{biggest.pk}/")]
    counts = {}
    for label, url, model in (("admin: submissions queue", "/admin/submissions/",
                               "publications.Submission"),
                              ("admin: registrations", "/admin/registrations/people/",
                               "registrations.Registration")):
        try:
            counts[label] = apps.get_model(model).objects.count()
        except LookupError:
            continue
        admin.append((f"{label} ({counts[label]} rows)", url))
    return {
        "admin": admin,
        "live_pages": Page.objects.live().count(),
        "page_types": page_types,
        "endpoints": ENDPOINTS,
        "search_queries": SEARCH_QUERIES,
        "autocomplete_prefixes": AUTOCOMPLETE_PREFIXES,
    }


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    import django

    django.setup()
    json.dump(discover(), sys.stdout)
