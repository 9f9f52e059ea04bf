"""Builders for a small publications site: home, topics, index, series pages, publications."""

import itertools
from datetime import date

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Site

from cms.pdfs import simple_pdf
from home.models import HomePage, Person, TopicIndexPage, TopicPage
from publications.models import (
    PublicationContributor,
    PublicationIndexPage,
    PublicationPage,
    Series,
    SeriesIndexPage,
)

_counter = itertools.count(1)


def minimal_pdf(text="JCMI test publication"):
    """A small but valid one-page PDF."""
    return simple_pdf(text)


def make_site():
    """English home page as the default site's root, with topics and a publication index."""
    root = Page.get_first_root_node()
    home = HomePage(title="JCMI", slug="home-en", hero_title="Civil-military interaction")
    root.add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home, "port": 80}
    )
    topics_index = TopicIndexPage(title="Topics", slug="topics")
    home.add_child(instance=topics_index)
    index = PublicationIndexPage(title="Publications", slug="publications")
    home.add_child(instance=index)
    return home, index, topics_index


def make_topic(topics_index, title):
    from django.utils.text import slugify

    topic = TopicPage(title=title, slug=slugify(title))
    topics_index.add_child(instance=topic)
    return topic


def make_series(index, *, name="JCMI Working Papers", slug="working-papers",
                kind=Series.Kind.WORKING_PAPER, issn="2941-0002", number_prefix="WP"):
    series = Series.objects.create(
        name=name, slug=slug, kind=kind, issn=issn, number_prefix=number_prefix,
        locale=Locale.get_default(), description=f"The {name} of the network.",
    )
    page = SeriesIndexPage(title=name, slug=slug, series=series)
    index.add_child(instance=page)
    return series, page


def make_document(title="PDF"):
    document = get_document_model()(title=title)
    document.file.save(f"publication-{next(_counter)}.pdf", ContentFile(minimal_pdf(title)), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def make_publication(series_page, *, title=None, contributors=None, topics=(), publish=True,
                     publication_date=date(2026, 3, 14), with_pdf=True, **fields):
    n = next(_counter)
    values = {
        "title": title or f"Civil-military coordination study {n}",
        "slug": f"study-{n}",
        "abstract": "<p>How civil and military actors share plans in a crisis.</p>",
        "keywords": "CIMIC; coordination",
        "publication_date": publication_date,
        "series_number": series_page.next_series_number(),
        "pdf": make_document() if with_pdf else None,
        "live": False,
    }
    page = PublicationPage(**(values | fields))
    for position, data in enumerate(contributors or [
        {"given_names": "Ana", "family_name": "Müller", "affiliation": "University of Ulm",
         "orcid": "0000-0002-1825-0097"},
    ]):
        page.contributors.add(PublicationContributor(sort_order=position, **data))
    series_page.add_child(instance=page)
    page.topics.set(topics)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def make_person(name="Ana Müller", slug="ana-muller", **fields):
    return Person.objects.create(name=name, slug=slug, locale=Locale.get_default(), **fields)
