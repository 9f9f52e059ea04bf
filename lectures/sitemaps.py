"""/sitemap-speakers.xml: each archive's speakers list and every speaker's page, in every
language, linked to the same page in the other archives (hreflang).

Speakers are routes of the lecture index, not pages, so the page sitemaps (cms/sitemaps.py)
do not list them. A speaker keeps one slug in every language: (the archive's translation key,
the slug) identifies the same speaker page across the archives.
"""

from collections import defaultdict

from django.conf import settings

from cms.sitemaps import alternates


def speaker_urls(request):
    """The sitemap entries, one query for the archives and one per archive for its speakers."""
    from home.models import Person
    from lectures.models import LectureIndexPage

    indexes = LectureIndexPage.objects.live().public().select_related("locale").order_by("path")
    groups = defaultdict(list)  # (archive's translation key, route) -> [(language, address)]
    entries = []
    for index in indexes:
        base = index.get_full_url(request)
        if base is None:
            continue  # outside every site
        slugs = (Person.objects.filter(speaking_roles__page__in=index.entries().values("pk"))
                 .values_list("slug", flat=True).distinct().order_by("slug"))
        routes = [("speakers", index.reverse_subpage("speakers"))] + [
            (slug, index.reverse_subpage("speaker", kwargs={"slug": slug})) for slug in slugs]
        for route, path in routes:
            key = (index.translation_key, route)
            location = base + path.lstrip("/")
            groups[key].append((index.locale.language_code, location))
            entries.append((key, {"location": location, "lastmod": index.last_published_at}))
    order = {code: position for position, code in enumerate(c for c, _ in settings.LANGUAGES)}
    links = {key: alternates(group, order) for key, group in groups.items() if len(group) > 1}
    return [dict(url, alternates=links[key]) if key in links else url for key, url in entries]
