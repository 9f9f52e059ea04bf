"""Symposia, conferences, seminars, workshops and training courses."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from lectures.blocks import FeeBlock, ProgrammeBlock

from .entries import CalendarEntryPage

EVENT_KINDS = [choice for choice in CalendarEntryPage.Kind.choices if choice[0] != "lecture"]


class EventPageForm(WagtailAdminPageForm):
    """Lectures are their own page type, so an event's kind is never "lecture"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "kind" in self.fields:
            self.fields["kind"].choices = EVENT_KINDS
            if self.initial.get("kind") == CalendarEntryPage.Kind.LECTURE:
                self.initial["kind"] = CalendarEntryPage.Kind.SYMPOSIUM


class EventPage(CalendarEntryPage):
    intro = models.TextField(_("short description"), blank=True)
    programme = StreamField(
        ProgrammeBlock(), blank=True, verbose_name=_("programme or course modules")
    )
    fees = StreamField([("fee", FeeBlock())], blank=True, verbose_name=_("fees"))
    fees_note = models.TextField(_("about the fees"), blank=True)
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Leave empty when places are not limited.")
    )
    registration_url = models.URLField(_("registration address"), blank=True)
    registration_deadline = models.DateField(_("registration deadline"), null=True, blank=True)
    certificate_note = models.TextField(
        _("certificate"), blank=True,
        help_text=_("What participants receive on completion, and what it requires."),
    )

    base_form_class = EventPageForm

    override_translatable_fields = CalendarEntryPage.override_translatable_fields + [
        TranslatableField("intro"),
        TranslatableField("programme"),
        TranslatableField("fees"),
        TranslatableField("fees_note"),
        SynchronizedField("capacity", overridable=False),
        SynchronizedField("registration_url", overridable=True),
        SynchronizedField("registration_deadline", overridable=False),
        TranslatableField("certificate_note"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("intro"),
        MultiFieldPanel(CalendarEntryPage.schedule_panels, heading=_("Dates")),
        MultiFieldPanel(CalendarEntryPage.place_panels, heading=_("Venue or online")),
        FieldPanel("abstract"),
        InlinePanel("speakers", label=_("Speakers and trainers")),
        FieldPanel("programme"),
        MultiFieldPanel(
            [FieldPanel("fees"), FieldPanel("fees_note"), FieldPanel("capacity"),
             FieldPanel("registration_url"), FieldPanel("registration_deadline")],
            heading=_("Fees and registration"),
        ),
        FieldPanel("certificate_note"),
        MultiFieldPanel(CalendarEntryPage.recording_panels, heading=_("Recording")),
        FieldPanel("topics"),
        InlinePanel("related_publications", label=_("Related publications")),
    ]
    search_fields = CalendarEntryPage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("programme"),
    ]
    parent_page_types = ["lectures.LectureIndexPage"]
    subpage_types = []
    template = "lectures/event_page.html"

    class Meta:
        verbose_name = _("event")

    def clean(self):
        super().clean()
        if self.kind == self.Kind.LECTURE:
            raise ValidationError(
                {"kind": _("Lectures belong in a lecture series: choose the kind of event.")}
            )
        if (
            self.registration_deadline and self.end_date
            and self.registration_deadline > self.end_date
        ):
            raise ValidationError(
                {"registration_deadline": _("Registration cannot close after the event ends.")}
            )

    @property
    def registration_open(self):
        from django.utils import timezone

        if not self.registration_url or not self.is_upcoming():
            return False
        today = timezone.localdate()
        return self.registration_deadline is None or self.registration_deadline >= today

    # Runs and registration (the registrations app) ---------------------------------------------

    @path("register/", name="register")
    @path("register/<int:run_id>/", name="register_run")
    def register(self, request, run_id=None):
        from registrations.views import register

        return register(request, self, run_id)

    @path("run-<int:run_id>.ics/", name="run_ical")
    def run_ical(self, request, run_id):
        from registrations.calendar import run_calendar_response
        from registrations.runs import run_of

        if request.method not in ("GET", "HEAD"):
            from django.http import HttpResponseNotAllowed

            return HttpResponseNotAllowed(["GET", "HEAD"])
        run = run_of(self, run_id)
        return run_calendar_response(run, url=self.get_full_url(request))

    def get_context(self, request, *args, **kwargs):
        from registrations.runs import run_rows

        context = super().get_context(request, *args, **kwargs)
        context["runs"] = run_rows(self)
        return context
