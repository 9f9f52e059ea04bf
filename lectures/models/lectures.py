"""Lecture series and their lectures."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.images import get_image_model_string
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.paging import PagedListing

from .entries import CalendarEntryPage


class LectureSeriesPage(PagedListing, Page):
    """A running lecture series; its lectures are its children."""

    intro = models.TextField(_("short description"), blank=True)
    description = RichTextField(_("description"), blank=True)
    image = models.ForeignKey(
        get_image_model_string(), verbose_name=_("image"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"), FieldPanel("description"), FieldPanel("image"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"), index.SearchField("description"),
    ]
    override_translatable_fields = [
        TranslatableField("intro"),
        TranslatableField("description"),
        SynchronizedField("image", overridable=True),
    ]
    parent_page_types = ["lectures.LectureIndexPage"]
    subpage_types = ["lectures.LecturePage"]

    class Meta:
        verbose_name = _("lecture series")
        verbose_name_plural = _("lecture series")

    def get_cache_dependents(self):
        """Its lectures show the series' title and link (cms.page_cache): publishing the series
        retires their cached pages and cards."""
        return CalendarEntryPage.objects.child_of(self)

    def get_context(self, request, *args, **kwargs):
        from django.utils import timezone

        from lectures.archive import ordered_entries, page_of_cards

        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        rows, _changes_at = ordered_entries(
            CalendarEntryPage.objects.live().public().child_of(self), now)
        paging = page_of_cards(rows, request, now, self.get_parent().specific, per_page=20)
        context.update(paging=paging, entries_page=paging.page, cards=paging.page.object_list)
        return context


class LecturePage(CalendarEntryPage):
    content_panels = Page.content_panels + [
        MultiFieldPanel(CalendarEntryPage.schedule_panels, heading=_("Date and time")),
        InlinePanel("speakers", label=_("Speakers"), min_num=1),
        FieldPanel("abstract"),
        MultiFieldPanel(CalendarEntryPage.place_panels, heading=_("Venue or online")),
        MultiFieldPanel(CalendarEntryPage.recording_panels, heading=_("Recording")),
        FieldPanel("topics"),
        InlinePanel("related_publications", label=_("Related publications")),
    ]
    parent_page_types = ["lectures.LectureSeriesPage", "lectures.LectureIndexPage"]
    subpage_types = []
    template = "lectures/lecture_page.html"

    class Meta:
        verbose_name = _("lecture")

    def save(self, *args, **kwargs):
        self.kind = self.Kind.LECTURE
        super().save(*args, **kwargs)

    def entry_context(self, request):
        context = super().entry_context(request)
        parent = self.get_parent()
        context["series"] = parent.specific if parent.specific_class is LectureSeriesPage else None
        return context
