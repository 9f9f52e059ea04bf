"""Lecture archive content, for the tests, the demo and the scale corpus (factory_boy with
wagtail-factories). Lectures and events are published, with their speakers, as editors do."""

import datetime

import factory
import wagtail_factories
from django.utils.text import slugify

from home.factories import site_home

from .models import EventPage, LectureIndexPage, LecturePage, LectureSeriesPage, Speaker


class LectureIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LectureIndexPage
        django_get_or_create = ("parent", "slug")

    title = "Lectures and events"
    slug = "lectures"


class LectureSeriesPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LectureSeriesPage
        django_get_or_create = ("parent", "slug")


class EntryFactory(wagtail_factories.PageFactory):
    """What lectures and events share: a wall-clock start (``when``) in a time zone."""

    class Meta:
        abstract = True

    class Params:
        when = datetime.datetime(2026, 3, 12, 18, 0)

    time_zone = "Europe/Berlin"
    start_date = factory.LazyAttribute(lambda entry: entry.when.date())
    start_time = factory.LazyAttribute(lambda entry: entry.when.time())


class LecturePageFactory(EntryFactory):
    class Meta:
        model = LecturePage

    title = factory.Sequence(lambda n: f"Lecture {n + 1}")


class EventPageFactory(EntryFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Event {n + 1}")


def lecture_index(home=None, **fields):
    return LectureIndexPageFactory(parent=home or site_home(), **fields)


def series(index, title, **fields):
    return LectureSeriesPageFactory(parent=index, title=title, slug=slugify(title), **fields)


def lecture(parent, title=None, when=None, speakers=(), topics=(), **fields):
    """A published lecture; ``when`` is a naive wall-clock datetime in ``time_zone``."""
    if title is not None:
        fields["title"] = title
    if when is not None:
        fields["when"] = when
    return _published(LecturePageFactory.build(**fields), parent, speakers, topics)


def event(parent, title, kind, when, speakers=(), topics=(), **fields):
    page = EventPageFactory.build(title=title, kind=kind, when=when, **fields)
    return _published(page, parent, speakers, topics)


def _published(page, parent, speakers, topics):
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
