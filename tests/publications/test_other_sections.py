"""The home page and topic hubs show publications through the publication template tags."""

import datetime

from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from publications import factories


def render(source, **context):
    with translation.override("en"):
        return Template("{% load publication_tags %}" + source).render(Context(context))


def test_home_shows_the_latest_publications_in_bounded_queries(rf, site, working_papers):
    series, page = working_papers
    for n in range(3):
        factories.make_publication(page, title=f"Paper {n}",
                                   publication_date=datetime.date(2025, 1, n + 1))
    with CaptureQueriesContext(connection) as few:
        html = render("{% latest_publications 2 %}", request=rf.get("/en/"))
    assert "Paper 2" in html and "Paper 1" in html and "Paper 0" not in html
    for n in range(5):
        factories.make_publication(page, title=f"Later {n}")
    with CaptureQueriesContext(connection) as many:
        render("{% latest_publications 5 %}", request=rf.get("/en/"))
    assert len(many) == len(few)


def test_topic_page_lists_its_publications(rf, site, working_papers):
    series, page = working_papers
    religion = factories.make_topic(site["topics_index"], "Religion")
    factories.make_publication(page, title="On faith and trust", topics=[religion])
    factories.make_publication(page, title="On bridges")
    html = render("{% topic_publications topic %}", topic=religion, request=rf.get("/en/"))
    assert "On faith and trust" in html and "On bridges" not in html
    assert "Publications on this topic" in html
