"""Who earns a certificate (the run's rule), issuing it, revoking it."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from .models import Certificate, Registration

Status = Registration.Status


def sessions_attended(registration):
    keys = {key for key, _label in registration.run.sessions()}
    return len(keys & set(registration.attendance.filter(present=True)
                          .values_list("session", flat=True)))


def meets_rule(registration):
    return (registration.status in (Status.CONFIRMED, Status.ATTENDED)
            and sessions_attended(registration) >= registration.run.sessions_needed())


def verify_url(certificate):
    from .notifications import absolute

    with translation.override(certificate.registration.language):
        return absolute(reverse("registrations:certificate", args=[certificate.code]))


def issue_certificates(run):
    """A certificate for everyone on the run who meets its rule and has none; each is e-mailed
    with the PDF attached. Returns the new certificates."""
    from . import notifications
    from .pdfs import certificate_pdf

    issued = []
    for registration in run.registrations.filter(
        status__in=[Status.CONFIRMED, Status.ATTENDED], certificate__isnull=True,
        anonymised_at__isnull=True,
    ).select_related("run__event"):
        if not meets_rule(registration):
            continue
        with transaction.atomic():
            registration.status = Status.ATTENDED
            registration.save(update_fields=["status"])
            certificate = Certificate.objects.create(registration=registration)
            with translation.override(registration.language):
                pdf = certificate_pdf(certificate, verify_url(certificate))
            notifications.queue(registration, "certificate", certificate=certificate,
                                verify_url=verify_url(certificate),
                                attachments=[(f"certificate-{certificate.code}.pdf", pdf,
                                              "application/pdf")])
        issued.append(certificate)
    return issued


def revoke(certificate, reason=""):
    certificate.revoked_at = timezone.now()
    certificate.revoked_reason = reason
    certificate.save(update_fields=["revoked_at", "revoked_reason"])
