"""A small multilingual site for the search, cache and storage tests.

English home with an about page, a topic index with topics, and a report index with reports
(the test-only stand-in for publications); French translations of some of them.
"""

import datetime

from django.core.files.base import ContentFile
from fpdf import FPDF
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Site

from home.models import HomePage, StandardPage, TopicIndexPage, TopicPage
from tests.search.testapp.models import ReportIndexPage, ReportPage


def pdf_bytes(*lines):
    """A real PDF with a text layer, as an author's word processor would make it."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    for line in lines:
        pdf.multi_cell(0, 8, line)
    return bytes(pdf.output())


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


def translate(page, language_code, **fields):
    """The page's translation in another locale, with its fields rewritten, published."""
    locale = Locale.objects.get(language_code=language_code)
    translation = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return publish(translation)


class Tree:
    """Handles on the pages the tests use."""


def build_tree():
    en = Locale.objects.get(language_code="en")
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    tree = Tree()
    tree.home = root.add_child(instance=HomePage(
        title="JCMI Network", slug="home", hero_title="Civil and military actors, together",
        locale=en,
    ))
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", port=80, root_page=tree.home,
                        is_default_site=True, site_name="JCMI")
    tree.about = tree.home.add_child(instance=StandardPage(
        title="About the network", slug="about",
        intro="A network of civil society, government and military practitioners and scholars "
              "who study civil-military interaction.",
    ))
    tree.topics = tree.home.add_child(instance=TopicIndexPage(title="Topics", slug="topics"))
    tree.protection = tree.topics.add_child(instance=TopicPage(
        title="Protection of Civilians", slug="protection-of-civilians",
        summary="Keeping civilians out of harm's way before, during and after armed conflict.",
    ))
    tree.governance = tree.topics.add_child(instance=TopicPage(
        title="Good Governance", slug="good-governance",
        summary="Accountable institutions as the basis of a lasting peace.",
    ))
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
