"""A page type that exists only in the test settings.

It stands in for the publication and lecture pages built on other branches: tagged with topics,
in a series, dated, linking a PDF. It joins search the way they are meant to.
"""

from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.documents import get_document_model_string
from wagtail.models import Page
from wagtail.search import index

from search.indexing import documents_text


class ReportPage(Page):
    abstract = models.TextField(blank=True)
    date = models.DateField(null=True, blank=True)
    topics = ParentalManyToManyField("home.TopicPage", blank=True, related_name="+")
    series = models.ForeignKey(
        "publications.Series", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    pdf = models.ForeignKey(
        get_document_model_string(), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )

    search_facets = {"topic": "topics", "year": "date", "series": "series"}
    search_summary_fields = ["abstract"]
    search_fields = Page.search_fields + [
        index.SearchField("abstract"),
        index.SearchField("pdf_text"),
    ]

    def pdf_text(self):
        return documents_text(self.pdf)


class ReportIndexPage(Page):
    """Lists its reports, like the publication and lecture index pages do."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["reports"] = ReportPage.objects.child_of(self).live().public().order_by("title")
        return context
