"""The admin's long listings cost the same number of queries with a few rows as with many.

(The submissions queue has its own test: tests/review/test_query_counts.py.)
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page

from home.models import StandardPage
from registrations import factories as registration_factories

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    client.get(url)  # a first visit fills the caches a running site keeps warm
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), response.content.decode()


@pytest.fixture
def superuser(client, django_user_model):
    user = django_user_model.objects.create_superuser("scale-admin", "admin@example.org", "x")
    client.force_login(user)
    return user


def add_children(section, start, count):
    for number in range(start, start + count):
        section.add_child(instance=StandardPage(title=f"Child {number}", slug=f"child-{number}",
                                                intro="A child page."))


def test_the_page_explorer_of_a_big_section_does_not_cost_queries_per_row(client, superuser):
    for code in ("fr", "de", "ar"):
        Locale.objects.get_or_create(language_code=code)
    root = Page.get_first_root_node()
    section = root.add_child(instance=StandardPage(title="Big section", slug="big-section"))
    add_children(section, 0, 3)
    # Some rows translated, so that both of wagtail-localize's buttons have something to check.
    section.get_children().first().specific.copy_for_translation(
        Locale.objects.get(language_code="fr"), copy_parents=True)
    url = f"/admin/pages/{section.pk}/"
    few, _ = count_queries(client, url)

    add_children(section, 3, 27)
    many, html = count_queries(client, url)
    assert "Child 29" in html and "Translate this page" in html
    assert many == few, f"{few} queries with 3 children, {many} with 30"


def test_the_registrations_listing_does_not_cost_queries_per_row(client, superuser):
    first = registration_factories.run()
    registration_factories.registration(first)
    url = "/admin/registrations/people/"
    few, _ = count_queries(client, url)

    second = registration_factories.run(event=first.event,
                                        start=first.start_date.replace(year=first.start_date.year
                                                                       + 1))
    for number in range(15):  # fewer than a listing page holds, so every row is drawn
        registration_factories.registration(second if number % 2 else first)
    many, html = count_queries(client, url)
    assert html.count("Record payment") == 16
    assert many == few, f"{few} queries with 1 registration, {many} with 16"
