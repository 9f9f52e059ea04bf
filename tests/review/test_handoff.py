"""The hand-off from peer review to the site's editors: the page made from accepted work is on
their dashboard, with who acts next, and they get an e-mail about it."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from wagtail.models import Page

from publications import factories
from publications.models import Submission
from publications.review import workflow
from publications.review.production import create_page_for_submission
from tests.review.builders import reviewed

from .conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_editor(django_user_model):
    return make_user(django_user_model, "page-editor", "Editors", first="Ana", last="Horvat",
                     language="de")


@pytest.fixture
def accepted(author, editor, reviewers):
    _home, index, _topics = factories.make_site()
    series, _series_page = factories.make_series(index)
    submission, _assignment = reviewed(author, series, editor, reviewers[0])
    workflow.record_decision(submission, editor, outcome="accept", letter="Accepted.")
    submission.refresh_from_db()
    assert submission.state == Submission.State.ACCEPTED
    return submission


def dashboard_rows(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    table = BeautifulSoup(response.content, "html.parser").find(
        "table", class_="publication-pages-to-prepare")
    return [] if table is None else [
        [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        for row in table.select("tbody tr")
    ]


def test_the_page_from_accepted_work_is_on_the_editors_dashboard_with_the_next_step(
    client, accepted, editor, page_editor
):
    mail.outbox.clear()
    page = create_page_for_submission(accepted, editor)

    rows = dashboard_rows(client, page_editor)
    assert len(rows) == 1
    assert rows[0][0] == page.title
    assert "an editor completes the page and submits it for moderation" in rows[0][2]

    # The editors are told, in their own language, with the address of the draft.
    to_editor = [message for message in mail.outbox if message.to == [page_editor.email]]
    assert len(to_editor) == 1
    assert f"/admin/pages/{page.pk}/edit/" in to_editor[0].body
    assert page.title in to_editor[0].subject
    assert "Ana" in to_editor[0].body

    # Once submitted, the panel names the moderators' step; once live, the page leaves it.
    page.save_revision(user=page_editor)
    Page.objects.get(pk=page.pk).get_workflow().start(Page.objects.get(pk=page.pk), page_editor)
    rows = dashboard_rows(client, page_editor)
    assert "Moderators" in rows[0][2]
    page.get_latest_revision().publish()
    assert dashboard_rows(client, page_editor) == []


def test_people_who_cannot_edit_the_page_do_not_see_it(client, accepted, editor, reviewers):
    create_page_for_submission(accepted, editor)
    assert dashboard_rows(client, reviewers[0]) == []
