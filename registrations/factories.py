"""Builders for runs and registrations, shared by the tests and the demo."""

import datetime
import itertools
from decimal import Decimal

from django.utils import timezone

from lectures import factories as lecture_factories

from .models import FeeCategory, Registration, Run

_counter = itertools.count(1)


def course(index=None, title="Civil-military coordination in peacekeeping", **fields):
    from wagtail.blocks import StreamValue

    from lectures.blocks import ProgrammeBlock

    index = index or lecture_factories.lecture_index()
    existing = index.get_children().filter(title=title).first()
    if existing:
        return existing.specific
    start = timezone.localdate() + datetime.timedelta(days=60)
    modules = fields.pop("modules", [(1, "Foundations"), (2, "Actors"), (3, "Principles")])
    fields.setdefault("programme", StreamValue(ProgrammeBlock(), [
        ("module", {"number": n, "day": 1, "title": t, "learning_outcomes": ""})
        for n, t in modules
    ]))
    return lecture_factories.event(
        index, title, "training", datetime.datetime.combine(start, datetime.time(9, 0)),
        end_date=start + datetime.timedelta(days=4), end_time=datetime.time(16, 30), **fields)


def run(event=None, start=None, days=5, capacity=24, fees=(("Governments and armed forces",
        "650.00"), ("NGO staff and students", "250.00")), **fields):
    event = event or course()
    start = start or timezone.localdate() + datetime.timedelta(days=60)
    fields.setdefault("location", "Training centre, Ulm")
    obj = Run.objects.create(event=event, start_date=start,
                             end_date=start + datetime.timedelta(days=days - 1),
                             capacity=capacity, **fields)
    for order, (label, amount) in enumerate(fees):
        FeeCategory.objects.create(run=obj, label=label, amount=Decimal(amount), sort_order=order)
    return obj


def registration(run, **fields):
    number = next(_counter)
    fields.setdefault("name", f"Participant {number}")
    fields.setdefault("email", f"participant{number}@example.org")
    fields.setdefault("sector", Registration.Sector.MILITARY)
    fields.setdefault("fee_category", run.fee_categories.first())
    fields.setdefault("consent_at", timezone.now())
    return Registration.objects.create(run=run, **fields)
