"""A small multilingual site for the search, cache and storage tests.

English home with an about page, a topic index with topics, and a report index with reports
(the test-only stand-in for publications); French translations of some of them.
"""

import datetime

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Site

from cms.pdfs import simple_pdf
from home.factories import (
    HomePageFactory,
    StandardPageFactory,
    TopicIndexPageFactory,
    TopicPageFactory,
)
from tests.search.testapp.models import ReportIndexPage, ReportPage


def pdf_bytes(first, *lines):
    """A real PDF with a text layer, as an author's word processor would make it."""
    return simple_pdf(first, "\n".join(lines))


def make_document(title, *lines, collection=None):
    Document = get_document_model()
    document = Document(title=title)
    if collection is not None:
        document.collection = collection
    document.file.save(f"{title.lower().replace(' ', '-')}.pdf", ContentFile(pdf_bytes(*lines)),
                       save=False)
    document.save()
    document.refresh_from_db()  # the text was read in by the background task
    return document


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


class Tree:
    """Handles on the pages the tests use."""


def build_tree():
    en = Locale.objects.get(language_code="en")
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    tree = Tree()
    tree.home = HomePageFactory(parent=root, slug="home", locale=en,
                                hero_title="Civil and military actors, together")
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", port=80, root_page=tree.home,
                        is_default_site=True, site_name="JCMI")
    tree.about = StandardPageFactory(
        parent=tree.home, title="About the network", slug="about",
        intro="A network of civil society, government and military practitioners and scholars "
              "who study civil-military interaction.",
    )
    tree.topics = TopicIndexPageFactory(parent=tree.home)
    tree.protection = TopicPageFactory(
        parent=tree.topics, title="Protection of Civilians", slug="protection-of-civilians",
        summary="Keeping civilians out of harm's way before, during and after armed conflict.",
    )
    tree.governance = TopicPageFactory(
        parent=tree.topics, title="Good Governance", slug="good-governance",
        summary="Accountable institutions as the basis of a lasting peace.",
    )
    tree.reports = tree.home.add_child(instance=ReportIndexPage(title="Reports", slug="reports"))
    return tree


def add_report(tree, title, *, abstract="", date=None, topics=(), series=None, pdf=None,
               slug=None):
    report = ReportPage(
        title=title, slug=slug or title.lower().replace(" ", "-")[:50], abstract=abstract,
        date=date or datetime.date(2025, 3, 1), series=series, pdf=pdf,
    )
    tree.reports.add_child(instance=report)
    report.topics.set(list(topics))
    return publish(report)
