"""Series and publication pages, for the tests, the demo and the scale corpus (factory_boy with
wagtail-factories). ``make_*`` are the shapes the tests ask for most often."""

from datetime import date

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.models import Collection, Locale, Page, Site

from cms.pdfs import simple_pdf
from home.factories import HomePageFactory, PersonFactory, TopicIndexPageFactory, TopicPageFactory
from publications.models import (
    PublicationContributor,
    PublicationIndexPage,
    PublicationPage,
    Series,
    SeriesIndexPage,
)

DEFAULT_CONTRIBUTORS = [
    {"given_names": "Ana", "family_name": "Müller", "affiliation": "University of Ulm",
     "orcid": "0000-0002-1825-0097"},
]


def minimal_pdf(text="JCMI test publication"):
    """A small but valid one-page PDF."""
    return simple_pdf(text)


class DocumentFactory(wagtail_factories.DocumentFactory):
    """A real one-page PDF in the root collection (wagtail-factories would make a new root
    collection for each document)."""

    title = "PDF"
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.LazyAttributeSequence(
        lambda document, n: ContentFile(minimal_pdf(document.title), name=f"publication-{n + 1}.pdf"))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        document = model_class(*args, **kwargs)
        document._set_document_file_metadata()
        document.save()
        return document


class PublicationIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PublicationIndexPage
        django_get_or_create = ("parent", "slug")

    title = "Publications"
    slug = "publications"


class SeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Series

    name = "JCMI Working Papers"
    slug = factory.LazyAttribute(lambda series: slugify(series.name))
    kind = Series.Kind.WORKING_PAPER
    issn = "2941-0002"
    number_prefix = "WP"
    locale = factory.LazyFunction(Locale.get_default)
    description = factory.LazyAttribute(lambda series: f"The {series.name} of the network.")


class SeriesIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SeriesIndexPage

    series = factory.SubFactory(SeriesFactory)
    title = factory.LazyAttribute(lambda page: page.series.name)
    slug = factory.LazyAttribute(lambda page: page.series.slug)


class PublicationPageFactory(wagtail_factories.PageFactory):
    """A draft publication in its series page (``parent``), numbered next in the series."""

    class Meta:
        model = PublicationPage

    title = factory.Sequence(lambda n: f"Civil-military coordination study {n + 1}")
    slug = factory.Sequence(lambda n: f"study-{n + 1}")
    abstract = "<p>How civil and military actors share plans in a crisis.</p>"
    keywords = "CIMIC; coordination"
    publication_date = date(2026, 3, 14)
    series_number = factory.LazyAttribute(lambda page: page.parent.next_series_number())
    # Saved even when the page is only built, as a page's foreign key needs it.
    pdf = factory.LazyFunction(lambda: DocumentFactory())
    live = False


def make_site():
    """English home page as the default site's root, with topics and a publication index."""
    home = HomePageFactory(parent=Page.get_first_root_node(), title="JCMI", slug="home-en",
                           hero_title="Civil-military interaction")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home, "port": 80}
    )
    topics_index = TopicIndexPageFactory(parent=home)
    index = PublicationIndexPageFactory(parent=home)
    return home, index, topics_index


def make_topic(topics_index, title):
    return TopicPageFactory(parent=topics_index, title=title, slug=slugify(title))


def make_series(index, *, name="JCMI Working Papers", slug="working-papers", **fields):
    page = SeriesIndexPageFactory(parent=index, series__name=name, series__slug=slug,
                                  **{f"series__{key}": value for key, value in fields.items()})
    return page.series, page


def make_document(title="PDF"):
    return DocumentFactory(title=title)


def make_publication(series_page, *, contributors=None, topics=(), publish=True, with_pdf=True,
                     **fields):
    """A publication with its contributors and topics, published unless ``publish`` is False."""
    if not with_pdf:
        fields["pdf"] = None
    page = PublicationPageFactory.build(parent=series_page, **fields)
    for position, data in enumerate(contributors or DEFAULT_CONTRIBUTORS):
        page.contributors.add(PublicationContributor(sort_order=position, **data))
    series_page.add_child(instance=page)
    page.topics.set(topics)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def make_person(name="Ana Müller", slug="ana-muller", **fields):
    return PersonFactory(name=name, slug=slug, **fields)
