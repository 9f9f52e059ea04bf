"""Two moderators approving the same review step at once approve that step only: the decision is
taken under a lock on the workflow state, for the step the moderator saw (PITFALLS: Wagtail's own
view would approve two steps). Threads against a live server on PostgreSQL."""

import os
import re
import threading

import pytest
import requests
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import GroupApprovalTask, Page, TaskState, Workflow, WorkflowPage, WorkflowTask

from translation.moderation import submit_translation_for_moderation

from .conftest import make_user, submit_for_translation, translate_strings

pytestmark = [
    pytest.mark.skipif(not os.environ.get("DATABASE_URL", "").startswith("postgres"),
                       reason="needs PostgreSQL (DATABASE_URL): SQLite has no row locks"),
    # The live server needs committed data; the rows the migrations made (groups, workflows)
    # are put back afterwards for the tests that follow.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def signed_in(live_server, user):
    """A requests session of ``user`` on the live server."""
    client = Client()
    client.force_login(user)
    session = requests.Session()
    session.cookies.set(settings.SESSION_COOKIE_NAME,
                        client.cookies[settings.SESSION_COOKIE_NAME].value)
    return session


def test_two_approvals_sent_at_once_approve_one_step(live_server, site_tree, locales,
                                                    translator_fr):
    moderators = Group.objects.get(name="Moderators")
    two_steps = Workflow.objects.create(name="Two readings")
    for order, name in enumerate(["First reading", "Second reading"]):
        task = GroupApprovalTask.objects.create(name=name)
        task.groups.set([moderators])
        WorkflowTask.objects.create(workflow=two_steps, task=task, sort_order=order)
    about_fr = submit_for_translation(site_tree["about"], locales["fr"])
    translate_strings(site_tree["about"], locales["fr"])
    WorkflowPage.objects.update_or_create(page=about_fr, defaults={"workflow": two_steps})
    state = submit_translation_for_moderation(about_fr, translator_fr)
    first_step = state.current_task_state_id

    sessions = [signed_in(live_server, make_user(f"moderator-{n}", "Moderators"))
                for n in range(2)]
    edit_url = live_server.url + reverse("wagtailadmin_pages:edit", args=[about_fr.pk])
    tokens = []
    for session in sessions:
        page = session.get(edit_url, timeout=30)
        assert page.status_code == 200
        tokens.append(re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)[1])

    barrier = threading.Barrier(2)
    statuses = []

    def approve(session, token):
        barrier.wait(timeout=30)
        response = session.post(
            live_server.url + reverse("translation:review", args=[about_fr.pk]),
            data={"action": "approve", "task_state": first_step, "comment": "",
                  "csrfmiddlewaretoken": token},
            allow_redirects=False, timeout=30,
        )
        statuses.append(response.status_code)

    threads = [threading.Thread(target=approve, args=pair) for pair in zip(sessions, tokens, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(statuses) == [302, 400]
    state.refresh_from_db()
    assert state.status == state.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Second reading"
    assert TaskState.objects.filter(workflow_state=state, status="approved").count() == 1
    assert not Page.objects.get(pk=about_fr.pk).live
