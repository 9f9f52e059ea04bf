"""Demo runs of the training course, with registrations in every state.

The course page comes from lectures.demo. Three runs: one that has passed (attendance taken,
certificates issued, one of them revoked), one fully booked with a waiting list and a seat on
offer, and one open. Idempotent: nothing is made once the course has runs. No e-mail is sent.
"""

import datetime
from decimal import Decimal

from django.utils import timezone
from wagtail.models import Site

from home.demo.users import ensure_demo_users
from lectures.models import EventPage
from registrations import factories
from registrations.models import Attendance, Certificate, Payment, RegistrationSettings, Run

COURSE_SLUG = "civil-military-coordination-in-peacekeeping"

# name, organisation, sector, fee category (0: governments and armed forces, 1: NGO and students)
PEOPLE = [
    ("Aleksander Nowak", "Polish Armed Forces (demo)", "military", 0),
    ("Beatriz Santos", "Humanitarian Field Dialogue (demo)", "ngo_io", 1),
    ("Chen Wei", "University of the Sahel Coast (demo)", "academia", 1),
    ("Dagny Holm", "Ministry of Foreign Affairs (demo)", "government", 0),
    ("Emeka Obi", "UN Police contingent (demo)", "police", 0),
    ("Fatima Zahra Alaoui", "Relief Network (demo)", "ngo_io", 1),
    ("Gustav Brenner", "Multinational headquarters (demo)", "military", 0),
    ("Hélène Garnier", "Civil Protection Agency (demo)", "government", 0),
    ("Ilse de Vries", "Peace Research Institute (demo)", "academia", 1),
    ("José Ramírez", "Gendarmerie unit (demo)", "police", 0),
    ("Kamala Perera", "Disaster Response NGO (demo)", "ngo_io", 1),
    ("Lukas Meier", "Federal Office for Civil Protection (demo)", "government", 0),
    ("Mariam Haddad", "Children in Crisis (demo)", "ngo_io", 1),
    ("Nikos Papadakis", "Hellenic Army (demo)", "military", 0),
    ("Olga Ivanova", "Independent consultant", "other", 1),
    ("Pieter Jansen", "Royal Netherlands Marechaussee (demo)", "police", 0),
    ("Quentin Laurent", "Sciences sociales (demo)", "academia", 1),
    ("Rania Khalil", "Regional Health Office (demo)", "government", 0),
    ("Samuel Mensah", "Peacekeeping Training Centre (demo)", "military", 0),
    ("Tuva Lind", "Red Cross volunteer (demo)", "ngo_io", 1),
]


def load(command):
    ensure_demo_users()
    course = EventPage.objects.filter(slug=COURSE_SLUG, locale__language_code="en").first()
    if course is None:
        command.stdout.write("Registrations: no demo course, nothing made.")
        return
    ensure_bank_details()
    if Run.objects.filter(event=course).exists():
        command.stdout.write("Registrations: demo runs already in place.")
        return
    today = timezone.localdate()
    people = iter(PEOPLE * 3)
    past = make_past_run(course, today, people)
    full = make_full_run(course, people)
    make_open_run(course, full.start_date, people)
    command.stdout.write(f"Registrations: 3 runs of “{course.title}”, "
                         f"{past.registrations.count()} past registrations with certificates.")


def ensure_bank_details():
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    settings = RegistrationSettings.for_site(site)
    if not settings.iban:
        settings.account_holder = "JCMI Research and Education Network (demo)"
        settings.bank_name = "Example Bank, Ulm"
        settings.iban = "DE89370400440532013000"  # the standard example IBAN, not a real account
        settings.bic = "COBADEFFXXX"
        settings.invoice_issuer = ("JCMI Research and Education Network (demo)\n"
                                   "Example Street 12, 89073 Ulm, Germany")
        settings.save()


def add(run, people, count, **fields):
    made = []
    fees = list(run.fee_categories.all())
    for _ in range(count):
        name, organisation, sector, fee = next(people)
        email = name.lower().replace(" ", ".").encode("ascii", "ignore").decode() + "@example.org"
        made.append(factories.registration(
            run, name=name, organisation=organisation, sector=sector, fee_category=fees[fee],
            email=email, invoice_organisation=organisation, **fields))
    return made


def pay(registration, kind=Payment.Kind.PAYMENT, note="Bank transfer received"):
    amount = registration.fee if kind == Payment.Kind.PAYMENT else Decimal(0)
    Payment.objects.create(registration=registration, kind=kind, amount=amount, note=note,
                           date=registration.created_at.date())
    registration.payment_status = {Payment.Kind.PAYMENT: "paid", Payment.Kind.WAIVER: "waived",
                                   Payment.Kind.REFUND: "refunded"}[kind]
    registration.save(update_fields=["payment_status"])


def make_past_run(course, today, people):
    start = today - datetime.timedelta(days=120)
    run = factories.run(course, start=start, capacity=16, location="Training centre, Ulm",
                        certificate_hours=35, registration_deadline=start - datetime.timedelta(days=14))
    attendees = add(run, people, 6, status="attended")
    for registration in attendees:
        pay(registration)
    keys = [key for key, _label in run.sessions()]
    for number, registration in enumerate(attendees):
        # The last attendee missed two modules: no certificate for them.
        attended = keys if number < 5 else keys[:-2]
        Attendance.objects.bulk_create(
            [Attendance(registration=registration, session=key) for key in attended])
    for registration in attendees[:5]:
        Certificate.objects.create(registration=registration)
    revoked = attendees[4].certificate
    revoked.revoked_at = timezone.now()
    revoked.revoked_reason = "Issued to the wrong participant record; replaced."
    revoked.save()
    add(run, people, 1, status="cancelled")
    return run


def make_full_run(course, people):
    start = course.start_date
    run = factories.run(course, start=start, capacity=12, location="Training centre, Ulm",
                        certificate_hours=35,
                        registration_deadline=start - datetime.timedelta(days=21))
    confirmed = add(run, people, 11, status="confirmed")
    for registration in confirmed[:5]:
        pay(registration)
    pay(confirmed[5], Payment.Kind.WAIVER, note="Fee waiver granted for an NGO participant")
    offered = add(run, people, 1, status="offered",
                  offer_expires_at=timezone.now() + datetime.timedelta(hours=30))[0]
    offered.waiting_position = 1
    offered.save(update_fields=["waiting_position"])
    for position, registration in enumerate(add(run, people, 3, status="waiting"), start=2):
        registration.waiting_position = position
        registration.save(update_fields=["waiting_position"])
    cancelled = add(run, people, 1, status="cancelled")[0]
    pay(cancelled)
    pay(cancelled, Payment.Kind.REFUND, note="Refunded after cancellation")
    return run


def make_open_run(course, after, people):
    start = after + datetime.timedelta(days=91)
    start = start + datetime.timedelta(days=(7 - start.weekday()) % 7)  # a Monday
    run = factories.run(course, start=start, capacity=24, location="Peace Palace area, The Hague",
                        time_zone="Europe/Amsterdam", language="fr", certificate_hours=35,
                        registration_deadline=start - datetime.timedelta(days=21))
    add(run, people, 4, status="confirmed")
    return run
