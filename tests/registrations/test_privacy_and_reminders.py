"""A registrant downloads and deletes their data through their link; old runs are anonymised
with their counts kept; unpaid registrants are reminded once before the start."""

import datetime
import json

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from registrations import factories
from registrations.models import Registration

pytestmark = pytest.mark.django_db


def test_a_registrant_downloads_their_data_as_json(client, run):
    registration = factories.registration(run, name="Dana Novak", needs="Wheelchair access")
    response = client.get(f"/en/registrations/{registration.manage_token}/data.json")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["name"] == "Dana Novak" and data["needs"] == "Wheelchair access"
    assert data["payment"]["reference"] == registration.payment_reference
    assert data["status"] == "confirmed"


def test_deleting_ones_data_frees_the_seat_and_kills_the_link(client, course):
    run = factories.run(course, capacity=1)
    holder = factories.registration(run, name="Dana Novak", email="dana@example.org")
    waiting = factories.registration(run, status="waiting", waiting_position=1)
    page = f"/en/registrations/{holder.manage_token}/"
    assert client.get(page + "delete/").status_code == 200
    assert client.post(page + "delete/").status_code == 200
    holder.refresh_from_db()
    assert holder.name == "" and holder.email == "anonymised@invalid"
    assert holder.status == "cancelled" and holder.anonymised_at is not None
    assert client.get(page).status_code == 404
    waiting.refresh_from_db()
    assert waiting.status == "offered"
    assert Registration.objects.filter(run=run).count() == 2, "counts are kept"


def test_old_runs_are_anonymised_keeping_counts(course):
    from lectures import factories as lecture_factories
    from registrations.models import LectureSignup

    today = timezone.localdate()
    series = lecture_factories.series(lecture_factories.lecture_index(), "Field notes")
    for days in (800, -3):
        lecture = lecture_factories.lecture(series, f"Lecture {days}", when=datetime.datetime.combine(
            today - datetime.timedelta(days=days), datetime.time(18, 0)))
        LectureSignup.objects.create(lecture=lecture, name="Kim", email="kim@example.org",
                                     consent_at=timezone.now())
    old = factories.run(course, start=today - datetime.timedelta(days=800))
    recent = factories.run(course, start=today - datetime.timedelta(days=30))
    for run in (old, recent):
        factories.registration(run, sector="police")
        factories.registration(run, sector="academia")
    call_command("anonymise_registrations", "--days", "365")
    assert set(Registration.objects.filter(run=old).values_list("name", flat=True)) == {""}
    assert list(Registration.objects.filter(run=old).values_list("sector", flat=True).order_by(
        "sector")) == ["academia", "police"]
    assert "" not in set(Registration.objects.filter(run=recent).values_list("name", flat=True))
    assert list(LectureSignup.objects.values_list("lecture__title", flat=True)) == ["Lecture -3"]


def test_unpaid_registrants_are_reminded_once_before_the_start(course, bank):
    today = timezone.localdate()
    soon = factories.run(course, start=today + datetime.timedelta(days=10))
    later = factories.run(course, start=today + datetime.timedelta(days=60))
    unpaid = factories.registration(soon, email="unpaid@example.org")
    factories.registration(soon, email="paid@example.org", payment_status="paid")
    factories.registration(soon, email="waiting@example.org", status="waiting",
                           waiting_position=1)
    factories.registration(later, email="later@example.org")
    call_command("send_payment_reminders")
    assert [m.to for m in mail.outbox] == [["unpaid@example.org"]]
    assert unpaid.payment_reference in mail.outbox[0].body
    assert bank.iban in mail.outbox[0].body
    call_command("send_payment_reminders")
    assert len(mail.outbox) == 1, "sent once each"


def test_the_bank_details_are_checked_before_registrants_copy_them(bank):
    from django.core.exceptions import ValidationError

    bank.iban = "DE89370400440532013001"  # one digit off
    with pytest.raises(ValidationError):
        bank.full_clean()
    bank.iban, bank.bic = "de89 3704 0044 0532 0130 00", "NOTABIC"
    with pytest.raises(ValidationError):
        bank.full_clean()
    bank.bic = "COBADEFFXXX"
    bank.full_clean()
    assert bank.iban == "DE89 3704 0044 0532 0130 00"
