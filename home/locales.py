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


def people_in_locale(people, locale_id):
    """{pk: the person as written in ``locale_id``} for ``people``: their translation where there
    is one, else the person as they are (templates then mark their text with ``lang_attrs``).

    Links to people (a lecture's speakers, a series' board) point at the source's rows, as
    wagtail-localize copies them unchanged into translated pages; the page shows the reader's
    version. One query for all of them, none when they are all in the locale already. Where
    the caller fetched the people's photos, a translation with the same photo reuses the
    source's photo object (and the renditions fetched with it), and the photos translations
    have of their own are fetched for all of them at once.
    """
    from django.db.models import prefetch_related_objects

    from home.models import Person

    people = [person for person in people if person is not None]
    keys = {person.translation_key for person in people if person.locale_id != locale_id}
    found = {}
    if keys:
        found = {person.translation_key: person for person in Person.objects.filter(
            translation_key__in=keys, locale_id=locale_id).select_related("locale")}
    photo = Person._meta.get_field("photo")
    shown = {}
    own_photos = []
    for person in people:
        translated = found.get(person.translation_key, person)
        if translated is not person and photo.is_cached(person):
            if translated.photo_id == person.photo_id:
                photo.set_cached_value(translated, person.photo)
            elif translated.photo_id:
                own_photos.append(translated)
        shown[person.pk] = translated
    if own_photos:
        prefetch_related_objects(own_photos, "photo__renditions")
    return shown


def show_people_in_locale(links, locale_id, attr="person"):
    """Give each of ``links`` (speakers, editors: rows that link something to a person) its
    person as written in ``locale_id`` (``people_in_locale``), for display only: only the
    cached related object changes, so the row still links to the source's person (saving it,
    say from a preview, changes nothing). Returns the links as a list."""
    links = list(links)
    shown = people_in_locale([getattr(link, attr) for link in links], locale_id)
    for link in links:
        person = getattr(link, attr)
        if person is not None:
            link._meta.get_field(attr).set_cached_value(link, shown[person.pk])
    return links
