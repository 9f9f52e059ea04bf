"""A visitor registers in French, receives the e-mail with the run's calendar, and cancels by
the link; the first person waiting gets the seat offered and takes it."""

import icalendar
import pytest
from django.core import mail

from registrations import factories
from registrations.models import Registration

from .conftest import form_data

pytestmark = pytest.mark.django_db


def register_url(course, run, lang="en"):
    return f"/{lang}/lectures/{course.slug}/register/{run.pk}/"


def test_the_event_page_lists_its_runs_with_seats_and_actions(client, course, run):
    start = run.start_date.replace(day=1) if run.start_date.day > 1 else run.start_date
    full = factories.run(course, capacity=1, start=start)
    factories.registration(full)
    factories.registration(full, status="waiting", waiting_position=1)
    response = client.get(course.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dates and registration" in html
    assert "24 seats left" in html
    assert "Join the waiting list" in html
    assert f"register/{run.pk}/" in html and f"run-{run.pk}.ics" in html


def test_each_run_has_its_own_calendar_with_one_event_per_day(client, course, run):
    response = client.get(f"{course.url}run-{run.pk}.ics")
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == 5
    first = events[0]
    assert first.start.date() == run.start_date
    assert str(first.start.tzinfo) == "Europe/Berlin"
    assert first.start.hour == 9 and first.end.hour == 17
    assert events[-1].start.date() == run.end_date
    assert len({event["UID"] for event in events}) == 5
    assert calendar.walk("VTIMEZONE"), "the zone's rules travel with the file"


def test_a_visitor_registers_in_french_and_cancels_by_the_link(client, course, run, bank):
    response = client.post(register_url(course, run, "fr"), form_data(run))
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.status == "confirmed"
    assert registration.language == "fr"
    assert registration.vat_number == "FR40303265045"
    assert registration.airport_pickup and registration.accommodation
    assert response["Location"].startswith(f"/fr/registrations/{registration.manage_token}/")

    [message] = mail.outbox
    assert message.to == ["camille.durand@example.org"]
    assert "confirmée" in message.subject
    assert registration.payment_reference in message.body
    assert bank.iban in message.body
    manage_path = f"/fr/registrations/{registration.manage_token}/"
    assert manage_path in message.body
    [(filename, content, mimetype)] = message.attachments
    assert filename.endswith(".ics") and mimetype == "text/calendar"
    events = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert [event.start.date() for event in events] == run.days

    page = client.get(manage_path)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert page["Referrer-Policy"] == "same-origin"
    assert "Camille Durand" in page.content.decode()

    response = client.post(manage_path + "cancel/")
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    assert "annulée" in mail.outbox[-1].subject
    again = client.post(manage_path + "cancel/")
    assert again.status_code == 409


def test_a_full_run_puts_people_on_the_waiting_list_and_a_cancellation_offers_the_seat(
        client, course):
    run = factories.run(course, capacity=1)
    client.post(register_url(course, run), form_data(run, email="first@example.org"))
    client.post(register_url(course, run), form_data(run, email="second@example.org"))
    client.post(register_url(course, run), form_data(run, email="third@example.org"))
    first, second, third = Registration.objects.order_by("pk")
    assert [first.status, second.status, third.status] == ["confirmed", "waiting", "waiting"]
    assert [second.waiting_position, third.waiting_position] == [1, 2]
    assert "waiting list" in mail.outbox[1].subject
    assert not mail.outbox[1].attachments, "no calendar for a seat not yet held"

    mail.outbox.clear()
    client.post(f"/en/registrations/{first.manage_token}/cancel/")
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == "offered" and second.offer_expires_at is not None
    assert third.status == "waiting"
    offer = next(m for m in mail.outbox if m.to == ["second@example.org"])
    assert "seat is free" in offer.subject
    assert f"/en/registrations/{second.manage_token}/" in offer.body

    response = client.post(f"/en/registrations/{second.manage_token}/accept/")
    assert response.status_code == 302
    second.refresh_from_db()
    assert second.status == "confirmed"
    assert mail.outbox[-1].attachments[0][0].endswith(".ics")
    assert client.post(f"/en/registrations/{second.manage_token}/accept/").status_code == 410


def test_a_late_offer_lapses_and_passes_to_the_next_person(client, course):
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    run = factories.run(course, capacity=1)
    holder = factories.registration(run)
    late = factories.registration(run, status="waiting", waiting_position=1)
    next_one = factories.registration(run, status="waiting", waiting_position=2)
    from registrations import seats

    seats.cancel(holder)
    late.refresh_from_db()
    assert late.status == "offered"
    Registration.objects.filter(pk=late.pk).update(
        offer_expires_at=timezone.now() - datetime.timedelta(minutes=1))
    mail.outbox.clear()
    call_command("expire_offers")
    late.refresh_from_db()
    next_one.refresh_from_db()
    assert late.status == "cancelled"
    assert next_one.status == "offered"
    assert {m.to[0] for m in mail.outbox} == {late.email, next_one.email}
    assert client.post(f"/en/registrations/{late.manage_token}/accept/").status_code == 410
    next_one.refresh_from_db()
    assert next_one.status == "offered"


def test_raising_the_capacity_moves_the_waiting_list(course):
    from registrations import seats

    run = factories.run(course, capacity=1)
    factories.registration(run)
    waiting = [factories.registration(run, status="waiting", waiting_position=n) for n in (1, 2, 3)]
    run.capacity = 3
    run.save()
    offered = seats.capacity_changed(run)
    assert [r.pk for r in offered] == [waiting[0].pk, waiting[1].pk]
    assert Registration.objects.get(pk=waiting[2].pk).status == "waiting"


def test_a_logged_in_registrant_finds_the_registration_in_the_portal(client, course, run,
                                                                     django_user_model):
    user = django_user_model.objects.create_user("sam", "sam@example.org", "pw")
    client.force_login(user)
    assert client.post(register_url(course, run),
                       form_data(run, email="sam@example.org")).status_code == 302
    registration = Registration.objects.get()
    assert registration.user == user
    html = client.get("/en/portal/").content.decode()
    assert "My course registrations" in html
    assert f"/en/registrations/{registration.manage_token}/" in html
    client.logout()
    other = django_user_model.objects.create_user("kim", "kim@example.org", "pw")
    client.force_login(other)
    assert registration.manage_token not in client.get("/en/portal/").content.decode()
