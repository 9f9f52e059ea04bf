"""Lecture series and their lectures."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
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
    # An online lecture can ask people to sign up: the join link then goes to them by e-mail
    # shortly before the start (registrations.lectures), and never appears on the page.
    signup_required = models.BooleanField(
        _("sign-up for the join link"), default=False,
        help_text=_("Visitors sign up and receive the join link by e-mail before the start."),
    )
    join_url = models.URLField(
        _("private join link"), blank=True,
        help_text=_("Sent only to people who signed up; never shown on the page."),
    )

    override_translatable_fields = CalendarEntryPage.override_translatable_fields + [
        SynchronizedField("signup_required", overridable=False),
        SynchronizedField("join_url", overridable=False),
    ]

    content_panels = Page.content_panels + [
        MultiFieldPanel(CalendarEntryPage.schedule_panels, heading=_("Date and time")),
        InlinePanel("speakers", label=_("Speakers"), min_num=1),
        FieldPanel("abstract"),
        MultiFieldPanel(CalendarEntryPage.place_panels, heading=_("Venue or online")),
        MultiFieldPanel([FieldPanel("signup_required"), FieldPanel("join_url")],
                        heading=_("Sign-up")),
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

    def clean(self):
        super().clean()
        if self.signup_required and not self.join_url:
            raise ValidationError({"join_url": _("A lecture with sign-up needs the join link "
                                                 "to send.")})
        if self.signup_required and self.online_url:
            raise ValidationError({"online_url": _("This address is public: with sign-up, put "
                                                   "the join link in the private field instead.")})

    @path("signup/", name="signup")
    def signup(self, request):
        from registrations.lectures import signup

        return signup(request, self)

    def entry_context(self, request):
        context = super().entry_context(request)
        parent = self.get_parent()
        context["series"] = parent.specific if parent.specific_class is LectureSeriesPage else None
        return context
