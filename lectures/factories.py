"""Builders for lecture archive content, shared by the tests, the demo and the scale benchmarks."""

import datetime
import itertools

from django.utils.text import slugify
from wagtail.models import Locale, Page, Site

from home.models import HomePage, Person, TopicIndexPage, TopicPage

from .models import EventPage, LectureIndexPage, LecturePage, LectureSeriesPage, Speaker

_counter = itertools.count(1)


def site_home(locale_code="en"):
    """The HomePage at the default site's root, made (with the site) when missing."""
    for code in ("en", "fr", "de", "ar"):  # a flushed (transactional) test database has none
        Locale.objects.get_or_create(language_code=code)
    site = Site.objects.filter(is_default_site=True).first()
    if site and isinstance(site.root_page.specific, HomePage):
        home = site.root_page.specific
    else:
        home = HomePage.objects.filter(locale__language_code="en").first()
        if home is None:
            root = Page.get_first_root_node() or Page.add_root(
                instance=Page(title="Root", slug="root", locale=Locale.objects.get(language_code="en"))
            )
            home = root.add_child(instance=HomePage(
                title="JCMI Network", slug="jcmi", hero_title="JCMI Research and Education Network",
                locale=Locale.objects.get(language_code="en"),
            ))
        if site is None:
            Site.objects.create(hostname="localhost", root_page=home, is_default_site=True,
                                site_name="JCMI")
        else:
            site.root_page = home
            site.save()
    if locale_code == "en":
        return home
    locale = Locale.objects.get(language_code=locale_code)
    translated = home.get_translation_or_none(locale)
    if translated is None:
        translated = home.copy_for_translation(locale)
    if not translated.live:
        translated.specific.save_revision().publish()
    return translated.specific


def get_or_add(parent, model, slug, **fields):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    return parent.add_child(instance=model(slug=slug, locale=parent.locale, **fields))


def lecture_index(home=None, **fields):
    home = home or site_home()
    fields.setdefault("title", "Lectures and events")
    return get_or_add(home, LectureIndexPage, "lectures", **fields)


def topic(title, home=None):
    home = home or site_home()
    topics = get_or_add(home, TopicIndexPage, "topics", title="Topics")
    return get_or_add(topics, TopicPage, slugify(title), title=title)


def person(name, locale=None, **fields):
    locale = locale or Locale.objects.get(language_code="en")
    obj, _ = Person.objects.get_or_create(
        slug=slugify(name), locale=locale, defaults={"name": name, **fields}
    )
    return obj


def series(index, title, **fields):
    return get_or_add(index, LectureSeriesPage, slugify(title), title=title, **fields)


def _entry_fields(when, time_zone, fields):
    local = when
    fields.setdefault("start_date", local.date())
    fields.setdefault("start_time", local.time())
    fields.setdefault("time_zone", time_zone)
    return fields


def lecture(parent, title=None, when=None, time_zone="Europe/Berlin", speakers=(), topics=(),
            slug=None, **fields):
    """A published lecture; ``when`` is a naive wall-clock datetime in ``time_zone``."""
    title = title or f"Lecture {next(_counter)}"
    when = when or datetime.datetime(2026, 3, 12, 18, 0)
    fields = _entry_fields(when, time_zone, fields)
    page = LecturePage(title=title, slug=slug or slugify(title), locale=parent.locale, **fields)
    for order, (who, role) in enumerate(_speaker_pairs(speakers)):
        page.speakers.add(Speaker(person=who, role=role, sort_order=order))
    parent.add_child(instance=page)
    if topics:
        page.topics.set(topics)
    page.save_revision().publish()
    return page


def event(parent, title, kind, when, time_zone="Europe/Berlin", speakers=(), topics=(), slug=None,
          **fields):
    fields = _entry_fields(when, time_zone, fields)
    page = EventPage(title=title, slug=slug or slugify(title), kind=kind, locale=parent.locale,
                     **fields)
    for order, (who, role) in enumerate(_speaker_pairs(speakers)):
        page.speakers.add(Speaker(person=who, role=role, sort_order=order))
    parent.add_child(instance=page)
    if topics:
        page.topics.set(topics)
    page.save_revision().publish()
    return page


def _speaker_pairs(speakers):
    for item in speakers:
        yield item if isinstance(item, tuple) else (item, Speaker.Role.SPEAKER)
