"""Every bad submission gets a clear 4xx and saves nothing."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from registrations import factories
from registrations.models import Registration

from .conftest import form_data

pytestmark = pytest.mark.django_db


def url(course, run):
    return f"/en/lectures/{course.slug}/register/{run.pk}/"


@pytest.mark.parametrize("field, value", [
    ("name", ""), ("name", "x" * 201),
    ("email", ""), ("email", "not-an-address"), ("email", "a" * 250 + "@example.org"),
    ("sector", ""), ("sector", "pirates"),
    ("fee_category", ""), ("fee_category", "999999"), ("fee_category", "abc"),
    ("invoice_address", "x" * 1001), ("vat_number", "FR00000000000"), ("vat_number", "x" * 30),
    ("needs", "x" * 2001), ("consent", None), ("organisation", "x" * 201),
])
def test_a_missing_malformed_or_oversized_field_is_refused(client, course, run, field, value):
    response = client.post(url(course, run), form_data(run, **{field: value}))
    assert response.status_code == 400
    assert "Please correct the fields marked below." in response.content.decode()
    assert not Registration.objects.exists()
    assert not mail.outbox


def test_a_fee_category_of_another_run_is_refused(client, course, run):
    other = factories.run(course)
    response = client.post(url(course, run),
                           form_data(run, fee_category=str(other.fee_categories.first().pk)))
    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_the_same_address_cannot_register_twice_for_a_run(client, course, run):
    assert client.post(url(course, run), form_data(run)).status_code == 302
    again = client.post(url(course, run), form_data(run, email="CAMILLE.DURAND@example.org"))
    assert again.status_code == 400
    assert "already registered" in again.content.decode()
    assert Registration.objects.count() == 1


@pytest.mark.parametrize("change", [
    {"registration_deadline": timezone.localdate() - datetime.timedelta(days=1)},
    {"registration_closed": True},
    {"start_date": timezone.localdate() - datetime.timedelta(days=2),
     "end_date": timezone.localdate() + datetime.timedelta(days=2),
     "registration_deadline": None},
])
def test_a_closed_or_past_run_takes_no_registration(client, course, run, change):
    for key, value in change.items():
        setattr(run, key, value)
    run.save()
    assert client.get(url(course, run)).status_code == 409
    response = client.post(url(course, run), form_data(run))
    assert response.status_code == 409
    assert "closed" in response.content.decode()
    assert not Registration.objects.exists()


def test_unknown_runs_and_links_are_not_found(client, course, run):
    other_course = factories.course(title="Another course")
    foreign = factories.run(other_course)
    assert client.get(url(course, foreign)).status_code == 404
    assert client.get(f"/en/lectures/{course.slug}/register/99999/").status_code == 404
    assert client.get(f"{course.url}run-99999.ics").status_code == 404
    huge = "9" * 30  # beyond any database integer
    assert client.get(f"/en/lectures/{course.slug}/register/{huge}/").status_code == 404
    assert client.get(f"{course.url}run-{huge}.ics").status_code == 404
    for path in ("", "cancel/", "accept/", "data.json", "delete/", "invoice.pdf",
                 "certificate.pdf"):
        method = client.post if path in ("cancel/", "accept/") else client.get
        assert method(f"/en/registrations/{'x' * 43}/{path}").status_code == 404
    assert client.get(f"/en/registrations/{'y' * 5000}/").status_code == 404


def test_a_registrants_text_is_escaped_on_their_page(client, course, run):
    client.post(url(course, run), form_data(run, name="<script>alert(1)</script>"))
    registration = Registration.objects.get()
    html = client.get(f"/en/registrations/{registration.manage_token}/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
