"""The managing editor's sign-off cannot be skipped by approving twice at once, nor by an outsider.

Wagtail checks an approval against one step and could carry it out on the next
(publications/patches.py): several "Approve" requests from one moderator, sent together against a
real server on the real database, must approve the editorial review once and leave the sign-off
pending with the page not live.
"""

import re
import threading

import pytest
import requests
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from publications import factories
from tests.publications.conftest import make_user
from tests.publications.test_workflow import edit_form

SENDERS = 4
TIMEOUT = 60


def logged_in_session(live_server, user):
    """A browser-like session: the session cookie of a real log-in and the CSRF token of a page."""
    client = Client()
    client.force_login(user)
    session = requests.Session()
    cookie = settings.SESSION_COOKIE_NAME
    session.cookies.set(cookie, client.cookies[cookie].value)
    response = session.get(f"{live_server.url}{reverse('wagtailadmin_home')}", timeout=TIMEOUT)
    assert response.status_code == 200
    token = session.cookies.get(settings.CSRF_COOKIE_NAME) or re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text).group(1)
    session.headers.update({"X-CSRFToken": token, "Referer": live_server.url + "/admin/"})
    return session


def send_together(live_server, user, url, data):
    """SENDERS requests at once (each with its own connection), released by a barrier."""
    sessions = [logged_in_session(live_server, user) for _ in range(SENDERS)]
    barrier = threading.Barrier(SENDERS, timeout=TIMEOUT)
    statuses, errors = [], []

    def send(session):
        try:
            barrier.wait()
            response = session.post(url, data=data, timeout=TIMEOUT, allow_redirects=False)
            statuses.append(response.status_code)
        except Exception as error:  # noqa: BLE001 -- reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=send, args=(s,)) for s in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT)
    assert not errors and len(statuses) == SENDERS, (errors, statuses)
    # Every answer is a redirect (done, or refused with a message), never a server error.
    assert set(statuses) == {302}, statuses
    return statuses


@pytest.fixture
def submitted(working_papers, people):
    series, series_page = working_papers
    page = factories.make_publication(series_page, publish=False, title="Raced approval")
    state = page.get_workflow().start(page, people["editor"])
    return page, state


def assert_sign_off_pending(page, state):
    page.refresh_from_db()
    state.refresh_from_db()
    assert not page.live
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Managing editor sign-off"
    assert state.current_task_state.status == TaskState.STATUS_IN_PROGRESS
    states = TaskState.objects.filter(workflow_state=state)
    # One editorial approval, one sign-off waiting: no second step approved, none started twice.
    assert sorted(states.values_list("task__name", "status")) == [
        ("Editorial review", TaskState.STATUS_APPROVED),
        ("Managing editor sign-off", TaskState.STATUS_IN_PROGRESS),
    ]


on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks are the subject: PostgreSQL only")


@on_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_approvals_sent_at_once_through_the_action_url_leave_the_sign_off_pending(
        live_server, people, submitted):
    page, state = submitted
    task_state = state.current_task_state
    url = live_server.url + reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    send_together(live_server, people["moderator"], url, {"comment": "Fine."})
    assert_sign_off_pending(page, state)

    # The managing editor's own approval then publishes.
    send_together(live_server, people["managing"], live_server.url + reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", WorkflowState.objects.get(pk=state.pk).current_task_state_id]),
        {"comment": "Signed off."})
    page.refresh_from_db()
    assert page.live


@on_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_approvals_sent_at_once_from_the_page_editor_leave_the_sign_off_pending(
        live_server, people, submitted):
    page, state = submitted
    url = live_server.url + reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = edit_form(page, **{"action-workflow-action": "true", "workflow-action-name": "approve"})
    send_together(live_server, people["moderator"], url, data)
    assert_sign_off_pending(page, state)


def approve(client, page, task_state_id):
    return client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state_id]),
        {"comment": "Approved."},
    )


def test_an_approval_from_outside_the_steps_groups_changes_nothing(
        client, people, submitted, django_user_model):
    page, state = submitted
    editorial = state.current_task_state
    reviewer = make_user(django_user_model, "reviewer", "Reviewers")
    for outsider in (people["editor"], people["managing"], reviewer):
        client.force_login(outsider)
        response = approve(client, page, editorial.pk)
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
        state.refresh_from_db()
        editorial.refresh_from_db()
        assert state.current_task_state_id == editorial.pk
        assert editorial.status == TaskState.STATUS_IN_PROGRESS

    client.force_login(people["moderator"])
    approve(client, page, editorial.pk)
    assert_sign_off_pending(page, state)
    sign_off = state.current_task_state
    # The moderator is not in the sign-off's group, by either route.
    response = approve(client, page, sign_off.pk)
    assert response["Location"] == reverse("wagtailadmin_home")
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    client.post(edit_url, edit_form(page, **{
        "action-workflow-action": "true", "workflow-action-name": "approve"}))
    assert_sign_off_pending(page, state)


def test_an_approval_for_a_step_already_passed_is_refused_with_a_message(
        client, people, submitted):
    page, state = submitted
    editorial = state.current_task_state
    client.force_login(people["moderator"])
    approve(client, page, editorial.pk)
    # The same request again, as a second tab or a double click sends it.
    response = approve(client, page, editorial.pk)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert response.status_code == 302 and response["Location"] == edit_url
    shown = client.get(edit_url).content.decode()
    assert "already been acted on" in shown
    assert_sign_off_pending(page, state)


def test_a_superuser_approves_one_step_per_request(client, people, submitted, django_user_model):
    """A member of both steps' groups still approves only the step the request names."""
    page, state = submitted
    editorial = state.current_task_state
    client.force_login(django_user_model.objects.create_superuser("chief", "c@jcmi.example", "pw"))
    approve(client, page, editorial.pk)
    approve(client, page, editorial.pk)
    assert_sign_off_pending(page, state)
