"""Seats and the waiting list: the only code that changes a registration's state.

Every change that can free or take a seat locks the run's row first (SELECT … FOR UPDATE), so
two people can never take the last seat at once, and the waiting list moves in order.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Registration, Run

Status = Registration.Status

# How long a freed seat is held for the person it is offered to (hours).
DEFAULT_OFFER_HOURS = 48


def offer_lifetime():
    return datetime.timedelta(hours=getattr(settings, "REGISTRATION_OFFER_HOURS",
                                            DEFAULT_OFFER_HOURS))


class RegistrationClosed(Exception):
    """The run takes no registrations (deadline passed, started, closed by staff)."""


def locked_run(run_id):
    return Run.objects.select_for_update().select_related("event").get(pk=run_id)


def register(run_id, **fields):
    """Save a registration: a seat when one is free, else the end of the waiting list."""
    from . import notifications

    with transaction.atomic():
        run = locked_run(run_id)
        if not run.accepts_registrations():
            raise RegistrationClosed
        if (run.registrations.filter(email__iexact=fields.get("email", ""))
                .exclude(status=Status.CANCELLED).exists()):
            raise ValidationError(_("This e-mail address is already registered for this run."))
        registration = Registration(run=run, consent_at=timezone.now(), **fields)
        if run.seats_taken() < run.capacity:
            registration.status = Status.CONFIRMED
        else:
            registration.status = Status.WAITING
            registration.waiting_position = _next_waiting_position(run)
        registration.full_clean(exclude=["run", "fee_category", "user"])
        registration.save()
        notifications.queue(registration, "registered")
        _page_changed(run)
    return registration


def _next_waiting_position(run):
    last = run.registrations.aggregate(last=Max("waiting_position"))["last"]
    return (last or 0) + 1


def cancel(registration):
    """The registrant (or staff) cancels; a seat it held goes to the next person waiting."""
    from . import notifications

    with transaction.atomic():
        run = locked_run(registration.run_id)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status in (Status.CANCELLED, Status.ATTENDED):
            return registration
        registration.status = Status.CANCELLED
        registration.waiting_position = None
        registration.offer_expires_at = None
        registration.save(update_fields=["status", "waiting_position", "offer_expires_at"])
        notifications.queue(registration, "cancelled")
        fill_seats(run)
    return registration


def fill_seats(run):
    """Offer each free seat to the next person waiting. Call with the run's row locked."""
    from . import notifications

    free = run.capacity - run.seats_taken()
    if free <= 0:
        return []
    offered = list(run.registrations.filter(status=Status.WAITING)
                   .order_by("waiting_position", "pk")[:free])
    expires = timezone.now() + offer_lifetime()
    for registration in offered:
        registration.status = Status.OFFERED
        registration.offer_expires_at = expires
        registration.save(update_fields=["status", "offer_expires_at"])
        notifications.queue(registration, "offered")
    _page_changed(run)
    return offered


def accept_offer(registration):
    """Take an offered seat before its offer lapses; False when it is no longer on offer."""
    from . import notifications

    with transaction.atomic():
        locked_run(registration.run_id)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status != Status.OFFERED or registration.offer_expires_at <= timezone.now():
            return False
        registration.status = Status.CONFIRMED
        registration.waiting_position = None
        registration.offer_expires_at = None
        registration.save(update_fields=["status", "waiting_position", "offer_expires_at"])
        notifications.queue(registration, "offer_taken")
    return True


def expire_offers(now=None):
    """Lapse every offer past its expiry and pass the seat on; returns how many lapsed."""
    from . import notifications

    now = now or timezone.now()
    lapsed = 0
    run_ids = (Registration.objects.filter(status=Status.OFFERED, offer_expires_at__lte=now)
               .values_list("run_id", flat=True).distinct())
    for run_id in list(run_ids):
        with transaction.atomic():
            run = locked_run(run_id)
            for registration in run.registrations.filter(status=Status.OFFERED,
                                                         offer_expires_at__lte=now):
                registration.status = Status.CANCELLED
                registration.waiting_position = None
                registration.save(update_fields=["status", "waiting_position"])
                notifications.queue(registration, "offer_lapsed")
                lapsed += 1
            fill_seats(run)
    return lapsed


def capacity_changed(run):
    """Staff changed the number of seats: offer the new ones to the waiting list."""
    with transaction.atomic():
        return fill_seats(locked_run(run.pk))


def _page_changed(run):
    """Seats left show on the event page: retire its cached copies once the change is saved."""
    from cms.page_cache import invalidate_page

    transaction.on_commit(lambda: invalidate_page(run.event))
