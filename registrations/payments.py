"""Fees paid by bank transfer: the instructions, the records staff keep, invoice numbers and
reminders to those who have not paid before the run starts."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from wagtail.models import Site

from .models import Payment, Registration, RegistrationSettings

PaymentStatus = Registration.PaymentStatus

# Unpaid registrants are reminded this many days before their run starts.
DEFAULT_REMINDER_DAYS = 14


def bank_details():
    site = Site.objects.filter(is_default_site=True).first()
    return RegistrationSettings.for_site(site) if site else None


def status_after(registration):
    """What the payment records add up to: a refund, then a waiver, decides; else the sum paid."""
    records = list(registration.payments.all())
    kinds = {record.kind for record in records}
    if Payment.Kind.REFUND in kinds:
        return PaymentStatus.REFUNDED
    if Payment.Kind.WAIVER in kinds:
        return PaymentStatus.WAIVED
    received = sum((r.amount for r in records if r.kind == Payment.Kind.PAYMENT), Decimal(0))
    return PaymentStatus.PAID if received and received >= registration.fee else PaymentStatus.DUE


def record_payment(registration, kind, date, amount=Decimal(0), note="", user=None):
    with transaction.atomic():
        payment = Payment.objects.create(registration=registration, kind=kind, date=date,
                                         amount=amount, note=note, recorded_by=user)
        registration.payment_status = status_after(registration)
        registration.save(update_fields=["payment_status"])
    return payment


def invoice_number(registration):
    """The registration's invoice number, given on first use: 1, 2, 3… with no gaps or twins."""
    if registration.invoice_number:
        return registration.invoice_number
    for _attempt in range(5):
        try:
            with transaction.atomic():
                last = Registration.objects.aggregate(last=Max("invoice_number"))["last"] or 0
                updated = Registration.objects.filter(
                    pk=registration.pk, invoice_number__isnull=True
                ).update(invoice_number=last + 1)
        except IntegrityError:  # another invoice took the number first: try the next one
            continue
        registration.refresh_from_db(fields=["invoice_number"])
        if updated or registration.invoice_number:
            return registration.invoice_number
    raise RuntimeError("Could not give an invoice number")


def reminder_days():
    return getattr(settings, "REGISTRATION_PAYMENT_REMINDER_DAYS", DEFAULT_REMINDER_DAYS)


def due_payment_reminders(today=None):
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=reminder_days())
    return (Registration.objects
            .filter(status=Registration.Status.CONFIRMED, payment_status=PaymentStatus.DUE,
                    payment_reminder_sent_at__isnull=True, fee_category__amount__gt=0,
                    run__start_date__gt=today, run__start_date__lte=horizon)
            .select_related("run__event", "fee_category"))


def send_payment_reminders(today=None):
    """One reminder per unpaid registration, ever; returns how many went out."""
    from . import notifications

    sent = 0
    for registration in due_payment_reminders(today):
        with transaction.atomic():
            claimed = Registration.objects.filter(
                pk=registration.pk, payment_reminder_sent_at__isnull=True
            ).update(payment_reminder_sent_at=timezone.now())
            if claimed:  # a second cron run at the same moment sends nothing twice
                notifications.queue(registration, "payment_reminder")
                sent += 1
    return sent
