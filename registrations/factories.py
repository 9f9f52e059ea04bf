"""Runs and registrations, for the tests, the demo and the scale corpus (factory_boy)."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from lectures import factories as lecture_factories

from .models import FeeCategory, Registration, Run


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


class RunFactory(factory.django.DjangoModelFactory):
    """A run of the course (made when no event is given), five days two months ahead, with two
    fee categories."""

    class Meta:
        model = Run
        skip_postgeneration_save = True

    class Params:
        days = 5

    event = factory.LazyFunction(lambda: course())
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=60))
    end_date = factory.LazyAttribute(
        lambda run: run.start_date + datetime.timedelta(days=run.days - 1))
    capacity = 24
    location = "Training centre, Ulm"

    @factory.post_generation
    def fees(run, create, fees, **kwargs):
        if fees is None:
            fees = (("Governments and armed forces", "650.00"), ("NGO staff and students", "250.00"))
        for order, (label, amount) in enumerate(fees):
            FeeCategory.objects.create(run=run, label=label, amount=Decimal(amount), sort_order=order)


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    run = factory.SubFactory(RunFactory)
    name = factory.Sequence(lambda n: f"Participant {n + 1}")
    email = factory.Sequence(lambda n: f"participant{n + 1}@example.org")
    sector = Registration.Sector.MILITARY
    fee_category = factory.LazyAttribute(lambda registration: registration.run.fee_categories.first())
    consent_at = factory.LazyFunction(timezone.now)


def run(event=None, start=None, **fields):
    if event is not None:
        fields["event"] = event
    if start is not None:
        fields["start_date"] = start
    return RunFactory(**fields)


def registration(run, **fields):
    return RegistrationFactory(run=run, **fields)
