"""Seats hold under load: 50 people submit the real form at once for 24 seats, against a live
server on PostgreSQL; exactly 24 get a seat and 26 a place on the waiting list, numbered 1–26."""

import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from django.db import connection

from home.factories import site_home
from lectures import factories as lecture_factories
from registrations import factories
from registrations.models import Registration

from .conftest import form_data


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_registrations_for_twenty_four_seats(live_server):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are the point: run with DATABASE_URL=postgres://…")
    home = site_home()
    course = factories.course(lecture_factories.lecture_index(home))
    run = factories.run(course, capacity=24)
    url = f"{live_server.url}/en/lectures/{course.slug}/register/{run.pk}/"
    start = threading.Barrier(50, timeout=120)
    # One visit to the form gives a CSRF cookie and token that every browser below reuses, so the
    # posts, not fifty page loads, are what the server sees at once.
    form = requests.get(url, timeout=60)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    cookies = form.cookies.get_dict()

    def register(number):
        session = requests.Session()
        session.cookies.update(cookies)
        data = form_data(run, email=f"person{number}@example.org", name=f"Person {number}",
                         csrfmiddlewaretoken=token)
        start.wait()  # everyone posts at the same moment
        response = session.post(url, data=data, headers={"Referer": url}, timeout=120,
                                allow_redirects=False)
        return response.status_code

    with ThreadPoolExecutor(max_workers=50) as pool:
        codes = list(pool.map(register, range(50)))

    assert codes == [302] * 50
    statuses = list(Registration.objects.filter(run=run).values_list("status", flat=True))
    assert statuses.count("confirmed") == 24
    assert statuses.count("waiting") == 26
    positions = sorted(Registration.objects.filter(run=run, status="waiting")
                       .values_list("waiting_position", flat=True))
    assert positions == list(range(1, 27))
