"""Every workflow step shown in the admin names who acts next: the page editor's status panel,
the workflow history, both dashboard panels, and the translator's queue; in all four admin
languages."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from wagtail.models import TaskState

from cms.moderation import next_step

from .conftest import PASSWORD, submit_for_translation

pytestmark = pytest.mark.django_db

NEXT_MODERATORS = "Next: Moderators review it in the “Editorial review” step."


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)


def texts(client, url, selector):
    response = client.get(url)
    assert response.status_code == 200, url
    return [node.get_text(" ", strip=True)
            for node in BeautifulSoup(response.content, "html.parser").select(selector)]


@pytest.fixture
def submitted(site_tree, editor):
    """The editor submitted the Education page for moderation."""
    page = site_tree["education"]
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    return page


def test_the_page_editor_status_names_who_acts_next(client, submitted, editor):
    login(client, editor)
    url = reverse("wagtailadmin_pages:edit", args=[submitted.pk])
    assert texts(client, url, ".workflow-next-step") == [NEXT_MODERATORS]


def test_the_workflow_history_names_who_acts_next(client, submitted, editor):
    login(client, editor)
    history = reverse("wagtailadmin_pages:workflow_history", args=[submitted.pk])
    assert texts(client, history, ".workflow-next-step") == [NEXT_MODERATORS]
    state = submitted.current_workflow_state
    detail = reverse("wagtailadmin_pages:workflow_history_detail", args=[submitted.pk, state.pk])
    assert texts(client, detail, ".workflow-next-step") == [NEXT_MODERATORS]


def test_both_dashboard_panels_name_who_acts_next(client, submitted, editor, moderator):
    login(client, editor)
    assert texts(client, "/admin/", "#objects-in-workflow-content .workflow-next-step") == [
        NEXT_MODERATORS]
    client.logout()
    login(client, moderator)
    assert texts(client, "/admin/", "#awaiting-review-content .workflow-next-step") == [NEXT_MODERATORS]


def test_after_changes_are_requested_the_submitter_is_named(client, submitted, editor, moderator):
    editor.first_name, editor.last_name = "Elif", "Demir"
    editor.save()
    state = submitted.current_workflow_state
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "reject", comment="Shorter, please.")
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_REJECTED
    expected = ("Next: Elif Demir, who submitted it, makes the changes the reviewer asked for "
                "and submits it again.")
    assert next_step(submitted) == expected
    login(client, editor)
    url = reverse("wagtailadmin_pages:edit", args=[submitted.pk])
    assert texts(client, url, ".workflow-next-step") == [expected]
    assert texts(client, "/admin/", "#objects-in-workflow-content .workflow-next-step") == [expected]


def test_a_page_in_no_workflow_shows_no_next_step(client, site_tree, editor):
    login(client, editor)
    url = reverse("wagtailadmin_pages:edit", args=[site_tree["education"].pk])
    assert texts(client, url, ".workflow-next-step") == []


def test_the_translators_queue_names_what_they_do_next(client, site_tree, locales, translator_fr):
    submit_for_translation(site_tree["home"], locales["fr"])
    login(client, translator_fr)
    rows = BeautifulSoup(client.get(reverse("translation:queue")).content, "html.parser").select(
        "table.translation-queue tbody tr")
    steps = {row["data-state"]: row.select_one(".translation-next-step").get_text(strip=True)
             for row in rows}
    assert steps["missing"] == "Next: you start the translation."
    assert steps["in_progress"] == (
        "Next: you finish the translation and submit it for moderation.")


@pytest.mark.usefixtures("compiled_catalogues")
@pytest.mark.parametrize("code", ["fr", "de", "ar"])
def test_the_next_step_reads_in_every_admin_language(submitted, editor, code):
    with translation.override(code):
        sentence = next_step(submitted)
        moderators = translation.gettext("Moderators")
        step = translation.gettext("Editorial review")
    assert sentence != NEXT_MODERATORS
    assert moderators != "Moderators" and moderators in sentence
    assert step != "Editorial review" and step in sentence
