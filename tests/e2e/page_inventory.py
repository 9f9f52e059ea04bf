# Run inside the journey server's database with `manage.py shell -c`: prints, as JSON on its last
# line, what a visitor can open in each language, as the site's own database knows it:
#
# * "pages": one live public page per page type and language (the shallowest first);
# * "templates": those pages, plus the public views that are not pages of their own (the
#   speakers and author routes of the archives, search with results, the portal's account
#   forms, a course's registration form, the 404 page), keyed by a name per template: the axe
#   gate visits every one of them;
# * "ids": the page id of each page URL.
#
# A route is listed only where its page exists in that language (the speakers of the Arabic
# lecture archive need an Arabic lecture archive), so a language that lacks a page type also
# lacks its routes, and the gate reports both as missing.
import json
from urllib.parse import quote

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page

inventory = {}
templates = {}
ids = {}
index_pages = {}
page_titles = {}
pages = (
    Page.objects.live().public().filter(depth__gt=1).select_related("locale", "content_type")
    .order_by("depth", "path")
)
for page in pages:
    language = page.locale.language_code
    page_type = f"{page.content_type.app_label}.{page.content_type.model}"
    page_titles.setdefault(language, []).append(page.title)
    per_language = inventory.setdefault(language, {})
    if page_type not in per_language:
        url = page.get_url()
        if url:
            per_language[page_type] = url
            ids[url] = page.pk
            if page_type in {"lectures.lectureindexpage", "publications.publicationindexpage"}:
                index_pages.setdefault(language, {})[page_type] = page


def lecture_routes(index):
    from lectures.archive import speakers_of

    routes = {"lectures.speakers": index.url + index.reverse_subpage("speakers")}
    speaker = speakers_of(index.entries()).first()
    if speaker is not None:
        routes["lectures.speaker"] = index.speaker_url(speaker)
    return routes


def publication_routes(index):
    from publications.models import PublicationPage

    publication = (
        PublicationPage.objects.live().public().descendant_of(index)
        .filter(contributors__person__isnull=False).order_by("path").first()
    )
    if publication is None:
        return {}
    person = publication.contributors.filter(person__isnull=False).first().person
    slug = person.slug
    return {"publications.author": index.url + index.reverse_subpage(
        "author", kwargs={"person_slug": slug})}


def search_term(language):
    """A word of a page title in this language that the site search finds in this language."""
    from search.facets import clean_selection
    from search.query import clean_query
    from search.service import run_search

    locale = Locale.objects.get(language_code=language)
    words = sorted({
        word.strip("«»“”\"'.,:;()?!") for title in page_titles.get(language, [])
        for word in title.split()
    }, key=lambda word: (-len(word), word))
    for word in words[:30]:
        if len(word) >= 4 and run_search(clean_query(word), clean_selection({}), None,
                                         locale=locale).results:
            return word
    return None


for language in inventory:
    per_language = templates.setdefault(language, dict(inventory[language]))
    with translation.override(language):
        found = index_pages.get(language, {})
        if "lectures.lectureindexpage" in found:
            per_language.update(lecture_routes(found["lectures.lectureindexpage"].specific))
        if "publications.publicationindexpage" in found:
            per_language.update(
                publication_routes(found["publications.publicationindexpage"].specific))
        term = search_term(language)
        if term:
            per_language["search.results"] = reverse("search:search") + "?q=" + quote(term)
        event = inventory[language].get("lectures.eventpage")
        if event:
            # The registration form of the first course or event (a page's sub-address).
            per_language["registrations.register"] = event + "register/"
        for name in ("login", "register", "password_reset"):
            per_language[f"portal.{name}"] = reverse(f"portal:{name}")
        per_language["404"] = f"/{language}/no-such-page-here/"

print(json.dumps({"pages": inventory, "templates": templates, "ids": ids,
                  "languages": [code for code, _name in settings.LANGUAGES]},
                 ensure_ascii=False))
