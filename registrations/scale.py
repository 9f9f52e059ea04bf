"""Scale corpus for registrations: runs of the corpus's events with registrations in every state,
so that the event managers' listing is measured at size (10,000 registrations at N = 50,000).

Called by ``manage.py seed_scale`` after the pages (``RECORD_MODULES``), with
``seed(pages, rng, corpus)``. Rows are written with ``bulk_create``; states are set directly
(``seats`` takes seats one at a time under a lock, which a synthetic history does not need), and
each run's seats are never oversold: waiting-list places are numbered per run. The manage
tokens and payment references are the model's own random defaults.
"""

import datetime
from decimal import Decimal

from cms.scale import EPOCH
from home.scale import AFFILIATIONS, FIRST_NAMES, LAST_NAMES
from lectures.models import EventPage

from .models import FeeCategory, Registration, Run

# Registrations per live page of the corpus, and how many a run holds on average.
PER_PAGE = 0.2
PER_RUN = 40
Status = Registration.Status
Payment = Registration.PaymentStatus
STATUSES = [(Status.CONFIRMED, 50), (Status.ATTENDED, 25), (Status.CANCELLED, 10),
            (Status.OFFERED, 3), (Status.WAITING, 12)]
PAYMENTS = [(Payment.DUE, 25), (Payment.PAID, 60), (Payment.WAIVED, 10), (Payment.REFUNDED, 5)]


def seed(pages, rng, corpus):
    count = max(len(STATUSES), round(pages * PER_PAGE))
    events = [page for page in corpus.pages
              if isinstance(page, EventPage) and page.locale_id == corpus.locales["en"].pk]
    if not events:
        return []
    runs = []
    for number in range(max(1, count // PER_RUN)):
        event = events[number % len(events)]
        start = (EPOCH + datetime.timedelta(days=rng.randrange(-900, 300))).date()
        runs.append(Run(event_id=event.pk, start_date=start,
                        end_date=start + datetime.timedelta(days=rng.randrange(0, 5)),
                        capacity=PER_RUN, location=f"{event.venue_city} conference centre",
                        registration_deadline=start - datetime.timedelta(days=7)))
    Run.objects.bulk_create(runs, batch_size=1000)
    fees = [FeeCategory(run=run, label=label, amount=Decimal(amount), sort_order=order)
            for run in runs
            for order, (label, amount) in enumerate((("Governments and armed forces", "650.00"),
                                                     ("NGO staff and students", "250.00")))]
    FeeCategory.objects.bulk_create(fees, batch_size=1000)
    fees_of = {}
    for fee in fees:
        fees_of.setdefault(fee.run_id, []).append(fee)

    statuses, status_weights = zip(*STATUSES, strict=True)
    payments, payment_weights = zip(*PAYMENTS, strict=True)
    waiting = {}
    registrations = []
    for number in range(count):
        run = runs[number % len(runs)]
        status = statuses[number] if number < len(statuses) else rng.choices(
            statuses, status_weights)[0]
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        position = None
        if status == Status.WAITING:
            position = waiting[run.pk] = waiting.get(run.pk, 0) + 1
        registrations.append(Registration(
            run=run, name=f"{first} {last}",
            email=f"{first}.{last}.{number}@example.org".lower(),
            organisation=rng.choice(AFFILIATIONS),
            sector=rng.choice(Registration.Sector.values),
            fee_category=rng.choice(fees_of[run.pk]),
            consent_at=datetime.datetime.combine(run.start_date, datetime.time(9),
                                                 tzinfo=datetime.UTC)
            - datetime.timedelta(days=rng.randrange(8, 90)),
            status=status, waiting_position=position,
            offer_expires_at=(EPOCH + datetime.timedelta(days=rng.randrange(1, 5))
                              if status == Status.OFFERED else None),
            payment_status=rng.choices(payments, payment_weights)[0],
        ))
    Registration.objects.bulk_create(registrations, batch_size=1000)
    return registrations


def reset():
    """What ``seed`` made: the runs of the corpus's events and their registrations (the runs and
    registrations protect their events and runs from deletion, so they go first)."""
    runs = Run.objects.filter(event__slug__startswith="scale-")
    Registration.objects.filter(run__in=runs).delete()
    runs.delete()
