"""A registrant's own data: a copy to download, erasure on request, and anonymisation of old
runs. Anonymised rows stay (run, status, fee category, sector, payment state), so the counts
that reports need survive while nothing names a person any more."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import LectureSignup, Registration, Run
from .models.registrations import new_manage_token

# Runs that ended more than this many days ago are anonymised by `anonymise_registrations`.
DEFAULT_KEEP_DAYS = 365 * 2


def personal_data(registration):
    run = registration.run
    certificate = getattr(registration, "certificate", None)
    return {
        "course": run.event.title,
        "dates": {"start": run.start_date, "end": run.end_date, "time_zone": run.time_zone},
        "location": run.location,
        "name": registration.name,
        "email": registration.email,
        "organisation": registration.organisation,
        "sector": registration.sector,
        "fee_category": str(registration.fee_category) if registration.fee_category else None,
        "invoice": {"organisation": registration.invoice_organisation,
                    "address": registration.invoice_address,
                    "vat_number": registration.vat_number},
        "needs": registration.needs,
        "airport_pickup": registration.airport_pickup,
        "accommodation": registration.accommodation,
        "consent_at": registration.consent_at,
        "registered_at": registration.created_at,
        "status": registration.status,
        "waiting_position": registration.waiting_position,
        "payment": {"status": registration.payment_status,
                    "reference": registration.payment_reference,
                    "records": [{"kind": p.kind, "date": p.date, "amount": p.amount,
                                 "note": p.note} for p in registration.payments.all()]},
        "attendance": [{"session": a.session, "present": a.present}
                       for a in registration.attendance.all()],
        "certificate": ({"code": certificate.code, "issued_at": certificate.issued_at,
                         "revoked": not certificate.is_valid} if certificate else None),
    }


def anonymise(registration):
    """Blank every field that says who the person is; the link stops working."""
    Registration.objects.filter(pk=registration.pk).update(
        name="", email="anonymised@invalid", organisation="", invoice_organisation="",
        invoice_address="", vat_number="", needs="", user=None,
        manage_token=new_manage_token(), anonymised_at=timezone.now(),
    )
    registration.payments.update(note="")


def erase(registration):
    """The registrant deletes their data: a seat they hold is freed for the waiting list."""
    from . import seats

    with transaction.atomic():
        if registration.status not in (Registration.Status.CANCELLED,
                                       Registration.Status.ATTENDED):
            seats.cancel(registration)
        anonymise(registration)


def keep_days():
    return getattr(settings, "REGISTRATION_KEEP_DAYS", DEFAULT_KEEP_DAYS)


def anonymise_old_registrations(days=None, today=None):
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=keep_days() if days is None else days)
    count = 0
    for registration in Registration.objects.filter(
        run__in=Run.objects.filter(end_date__lt=cutoff), anonymised_at__isnull=True
    ):
        anonymise(registration)
        count += 1
    # Lecture sign-ups only served to send a join link: past lectures' go entirely.
    LectureSignup.objects.filter(lecture__ends_at__date__lt=cutoff).delete()
    return count
