"""A run of a course or event: one set of dates, one place, its own seats and fees.

The runs belong to the event page's source (English) page and are shared by its translations:
dates, seats and registrations are the same in every language.
"""

import datetime
import zoneinfo

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from lectures.models.entries import TIME_ZONE_CHOICES, local_datetime, validate_time_zone


class Run(ClusterableModel):
    class Attendance(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")

    event = models.ForeignKey(
        "lectures.EventPage", verbose_name=_("event or course"), on_delete=models.PROTECT,
        related_name="runs",
    )
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    day_starts = models.TimeField(_("each day starts at"), default=datetime.time(9, 0))
    day_ends = models.TimeField(_("each day ends at"), default=datetime.time(17, 0))
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Berlin", validators=[validate_time_zone]
    )
    attendance = models.CharField(
        _("attendance"), max_length=20, choices=Attendance.choices, default=Attendance.IN_PERSON
    )
    location = models.CharField(
        _("location"), max_length=255, blank=True,
        help_text=_("Venue and city; leave empty for an online run."),
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    capacity = models.PositiveIntegerField(_("seats"), validators=[MinValueValidator(1)])
    registration_deadline = models.DateField(
        _("registration deadline"), null=True, blank=True,
        help_text=_("The last day to register; empty: until the day before the run starts."),
    )
    registration_closed = models.BooleanField(
        _("registration closed by staff"), default=False
    )
    certificate_minimum = models.PositiveIntegerField(
        _("sessions needed for a certificate"), null=True, blank=True,
        help_text=_("Empty: every module (or every day, for a course without modules)."),
    )
    certificate_hours = models.PositiveIntegerField(
        _("hours on the certificate"), null=True, blank=True
    )

    panels = [
        FieldPanel("event"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldRowPanel([FieldPanel("day_starts"), FieldPanel("day_ends")]),
        FieldPanel("time_zone", widget=forms.Select(choices=TIME_ZONE_CHOICES)),
        MultiFieldPanel([FieldPanel("attendance"), FieldPanel("location"), FieldPanel("language")],
                        heading=_("Place and language")),
        MultiFieldPanel([FieldPanel("capacity"), FieldPanel("registration_deadline"),
                         FieldPanel("registration_closed")], heading=_("Registration")),
        InlinePanel("fee_categories", label=_("Fees")),
        MultiFieldPanel([FieldPanel("certificate_minimum"), FieldPanel("certificate_hours")],
                        heading=_("Certificate")),
    ]

    class Meta:
        ordering = ["start_date", "pk"]
        verbose_name = _("run")
        verbose_name_plural = _("runs")

    def __str__(self):
        return f"{self.event.title} ({self.dates_text})"

    def clean(self):
        if self.time_zone:
            validate_time_zone(self.time_zone)
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day is before the first day.")})
        if self.day_starts and self.day_ends and self.day_ends <= self.day_starts:
            raise ValidationError({"day_ends": _("Each day must end after it starts.")})
        if (self.registration_deadline and self.start_date
                and self.registration_deadline > self.start_date):
            raise ValidationError(
                {"registration_deadline": _("Registration cannot close after the run starts.")}
            )

    # Dates -------------------------------------------------------------------------------------

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def days(self):
        count = (self.end_date - self.start_date).days + 1
        return [self.start_date + datetime.timedelta(days=n) for n in range(count)]

    def day_moments(self, day):
        """The aware start and end of one day of the run, in the run's zone."""
        return (local_datetime(day, self.day_starts, self.time_zone),
                local_datetime(day, self.day_ends, self.time_zone))

    @property
    def starts_at(self):
        return self.day_moments(self.start_date)[0]

    @property
    def dates_text(self):
        if self.start_date == self.end_date:
            return self.start_date.isoformat()
        return f"{self.start_date.isoformat()} – {self.end_date.isoformat()}"

    @property
    def last_registration_day(self):
        return self.registration_deadline or (self.start_date - datetime.timedelta(days=1))

    # Sessions (what attendance is taken for) --------------------------------------------------

    def sessions(self):
        """(key, label) of each module of the course, or of each day when it has no modules."""
        modules = [block.value for block in self.event.programme if block.block_type == "module"]
        if modules:
            return [(f"module-{m['number']}", f"{m['number']}. {m['title']}") for m in modules]
        return [(f"day-{day.isoformat()}", day.isoformat()) for day in self.days]

    def sessions_needed(self):
        total = len(self.sessions())
        return min(self.certificate_minimum or total, total)

    # Seats -------------------------------------------------------------------------------------

    def seats_taken(self):
        from .registrations import Registration

        return self.registrations.filter(status__in=Registration.HOLDS_SEAT).count()

    def seats_left(self):
        return max(self.capacity - self.seats_taken(), 0)

    def is_past(self, now=None):
        return self.starts_at <= (now or timezone.now())

    def accepts_registrations(self, today=None):
        today = today or timezone.localdate()
        return (not self.registration_closed and self.event.live
                and today <= self.last_registration_day and not self.is_past())


class FeeCategory(Orderable):
    run = ParentalKey(Run, on_delete=models.CASCADE, related_name="fee_categories")
    label = models.CharField(_("who pays this"), max_length=120)
    amount = models.DecimalField(
        _("amount"), max_digits=10, decimal_places=2, validators=[MinValueValidator(0)]
    )
    currency = models.CharField(_("currency"), max_length=3, default="EUR")

    panels = [FieldPanel("label"), FieldPanel("amount"), FieldPanel("currency")]

    class Meta(Orderable.Meta):
        verbose_name = _("fee category")
        verbose_name_plural = _("fee categories")

    def __str__(self):
        return f"{self.label}: {self.amount} {self.currency}"
