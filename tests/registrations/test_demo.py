"""The registrations demo: the course's runs show real variety, and a second run changes nothing."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from registrations import demo, factories
from registrations.models import Certificate, Payment, Registration, Run

pytestmark = pytest.mark.django_db


def test_the_demo_course_has_runs_in_every_state_and_loads_once(client, home):
    course = factories.course(slug=demo.COURSE_SLUG)
    command = BaseCommand(stdout=io.StringIO())
    demo.load(command)
    snapshot = (Run.objects.count(), Registration.objects.count(), Payment.objects.count(),
                Certificate.objects.count())
    demo.load(command)
    assert snapshot == (Run.objects.count(), Registration.objects.count(),
                        Payment.objects.count(), Certificate.objects.count())

    assert set(Registration.objects.values_list("status", flat=True)) == set(Registration.Status.values)
    assert set(Registration.objects.values_list("payment_status", flat=True)) == set(
        Registration.PaymentStatus.values)
    assert Certificate.objects.filter(revoked_at__isnull=True).count() == 4
    assert Certificate.objects.filter(revoked_at__isnull=False).count() == 1

    manager = get_user_model().objects.get(username="event-manager")
    assert manager.groups.filter(name="Event managers").exists()
    assert manager.check_password("jcmi-demo-2026")

    html = client.get(course.url).content.decode()
    assert "Join the waiting list" in html
    assert "20 seats left" in html
    assert html.count("Closed") >= 1

    client.force_login(manager)
    assert client.get("/admin/registrations/people/").status_code == 200
    full = Run.objects.get(capacity=12)
    assert client.get(f"/admin/registrations/staff/attendance/{full.pk}/").status_code == 200
    code = Certificate.objects.filter(revoked_at__isnull=True).first().code
    assert "is genuine" in client.get(f"/en/certificates/{code}/").content.decode()
