"""A person's place on a run: seat or waiting list, payment, attendance.

States (DESIGN.md "Courses and events"): confirmed, waiting, offered (a freed seat held for a
limited time), cancelled, attended. Only registrations/seats.py changes a state.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_manage_token():
    # 256 bits: the link is the registrant's only key to their data.
    return secrets.token_urlsafe(32)


def new_payment_reference():
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread on a bank form
    return "JCMI-" + "".join(secrets.choice(alphabet) for _ in range(8))


class Registration(models.Model):
    class Sector(models.TextChoices):
        MILITARY = "military", _("Military")
        POLICE = "police", _("Police")
        GOVERNMENT = "government", _("Government")
        NGO_IO = "ngo_io", _("NGO or international organisation")
        ACADEMIA = "academia", _("Academia")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("Waiting list")
        OFFERED = "offered", _("Seat offered")
        CANCELLED = "cancelled", _("Cancelled")
        ATTENDED = "attended", _("Attended")

    class PaymentStatus(models.TextChoices):
        DUE = "due", _("Due")
        PAID = "paid", _("Paid")
        WAIVED = "waived", _("Waived")
        REFUNDED = "refunded", _("Refunded")

    # The states that occupy one of the run's seats.
    HOLDS_SEAT = [Status.CONFIRMED, Status.OFFERED, Status.ATTENDED]

    run = models.ForeignKey("registrations.Run", verbose_name=_("run"), on_delete=models.PROTECT,
                            related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="event_registrations")
    name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("e-mail"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    fee_category = models.ForeignKey(
        "registrations.FeeCategory", verbose_name=_("fee category"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="registrations",
    )
    invoice_organisation = models.CharField(_("invoice to (organisation)"), max_length=200,
                                            blank=True)
    invoice_address = models.TextField(_("invoice address"), max_length=1000, blank=True)
    vat_number = models.CharField(_("VAT number"), max_length=20, blank=True)
    needs = models.TextField(_("accessibility or dietary needs"), max_length=2000, blank=True)
    airport_pickup = models.BooleanField(_("airport pick-up requested"), default=False)
    accommodation = models.BooleanField(_("accommodation requested"), default=False)
    consent_at = models.DateTimeField(_("privacy notice accepted at"))
    language = models.CharField(_("language"), max_length=8, default="en")

    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.CONFIRMED, db_index=True)
    waiting_position = models.PositiveIntegerField(_("place on the waiting list"), null=True,
                                                   blank=True)
    offer_expires_at = models.DateTimeField(_("offer expires at"), null=True, blank=True)
    payment_status = models.CharField(_("payment"), max_length=20, choices=PaymentStatus.choices,
                                      default=PaymentStatus.DUE, db_index=True)
    payment_reference = models.CharField(_("payment reference"), max_length=20, unique=True,
                                         default=new_payment_reference)
    invoice_number = models.PositiveIntegerField(_("invoice number"), null=True, blank=True,
                                                 unique=True)
    payment_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    manage_token = models.CharField(max_length=64, unique=True, default=new_manage_token,
                                    editable=False)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["run", "created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(fields=["run", "waiting_position"],
                                    name="registration_one_per_waiting_place"),
        ]

    def __str__(self):
        return f"{self.name} – {self.run}"

    def clean(self):
        if self.fee_category_id and self.run_id and self.fee_category.run_id != self.run_id:
            raise ValidationError({"fee_category": _("Choose one of this run's fees.")})

    @property
    def fee(self):
        return self.fee_category.amount if self.fee_category else 0

    @property
    def currency(self):
        return self.fee_category.currency if self.fee_category else "EUR"


class Payment(models.Model):
    class Kind(models.TextChoices):
        PAYMENT = "payment", _("Payment received")
        WAIVER = "waiver", _("Fee waived")
        REFUND = "refund", _("Refund")

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE,
                                     related_name="payments")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PAYMENT)
    date = models.DateField(_("date"))
    amount = models.DecimalField(_("amount"), max_digits=10, decimal_places=2, default=0)
    note = models.CharField(_("note"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("payment record")
        verbose_name_plural = _("payment records")

    def __str__(self):
        return f"{self.get_kind_display()} {self.amount} ({self.date})"


class Attendance(models.Model):
    """One registrant at one module (or day) of the run."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE,
                                     related_name="attendance")
    session = models.CharField(max_length=40)
    present = models.BooleanField(default=True)
    marked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")
    marked_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["registration", "session"],
                                    name="attendance_once_per_session"),
        ]


class LectureSignup(models.Model):
    """Someone who asked for an online lecture's join link."""

    lecture = models.ForeignKey("lectures.LecturePage", verbose_name=_("lecture"),
                                on_delete=models.CASCADE, related_name="signups")
    name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("e-mail"), max_length=254)
    language = models.CharField(_("language"), max_length=8, default="en")
    consent_at = models.DateTimeField(_("privacy notice accepted at"))
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    join_link_sent_at = models.DateTimeField(_("join link sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("lecture sign-up")
        verbose_name_plural = _("lecture sign-ups")
        constraints = [models.UniqueConstraint(fields=["lecture", "email"],
                                               name="lecture_signup_once_per_address")]

    def __str__(self):
        return f"{self.name} – {self.lecture}"
