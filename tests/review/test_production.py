"""Accepted work becomes a draft publication page, and goes live through the workflow."""

import pytest
from django.contrib.auth.models import Group, User
from wagtail.models import Page

from publications import factories
from publications.models import PublicationPage, Submission
from publications.review import workflow
from tests.review.builders import reviewed

pytestmark = pytest.mark.django_db


@pytest.fixture
def accepted(author, editor, reviewers):
    _home, index, _topics = factories.make_site()
    series, series_page = factories.make_series(index)
    submission, _assignment = reviewed(author, series, editor, reviewers[0])
    workflow.record_decision(submission, editor, outcome="accept", letter="Accepted, thank you.")
    submission.refresh_from_db()
    assert submission.state == Submission.State.ACCEPTED
    return submission, series_page


def test_the_editor_turns_an_accepted_submission_into_a_draft_page(client, accepted, editor):
    submission, series_page = accepted
    # A managing editor who also drafts pages (Editors) goes on in the page editor.
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    response = client.post(f"/admin/submissions/{submission.pk}/publication-page/")

    submission.refresh_from_db()
    assert submission.state == Submission.State.IN_PRODUCTION
    page = PublicationPage.objects.get(pk=submission.publication_page_id)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert page.get_parent().pk == series_page.pk
    assert not page.live  # it still has to pass the publication workflow
    assert page.title == submission.title
    # The author's plain text becomes a paragraph of rich text.
    assert page.abstract == f"<p>{submission.abstract}</p>"
    assert [c.family_name for c in page.contributors.all()] == [
        a.name.rsplit(" ", 1)[-1] for a in submission.authors.all()
    ]
    with page.pdf.file.open("rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    assert submission.events.filter(action="production_started").exists()


def test_publishing_the_page_publishes_the_submission(client, accepted, editor):
    from publications.review.production import create_page_for_submission

    submission, _series_page = accepted
    page = create_page_for_submission(submission, editor)

    page.get_latest_revision().publish()

    submission.refresh_from_db()
    assert submission.state == Submission.State.PUBLISHED
    assert submission.events.filter(action="published").exists()
    # The submission's page now links to the live publication instead of the moderation steps.
    client.force_login(editor)
    detail = client.get(f"/admin/submissions/{submission.pk}/").content.decode()
    assert "View the published page" in detail and "goes through moderation" not in detail


def test_only_accepted_work_gets_a_page_and_nothing_is_left_behind(client, author, editor,
                                                                 reviewers):
    _home, index, _topics = factories.make_site()
    series, _series_page = factories.make_series(index)
    submission, _assignment = reviewed(author, series, editor, reviewers[0])
    pages_before = Page.objects.count()
    client.force_login(editor)

    response = client.post(f"/admin/submissions/{submission.pk}/publication-page/")

    assert response.status_code == 400
    assert Page.objects.count() == pages_before
    submission.refresh_from_db()
    assert submission.state == Submission.State.IN_REVIEW
    assert submission.publication_page is None


def test_an_author_cannot_create_the_page(client, accepted, author):
    submission, _series_page = accepted
    client.force_login(author)
    response = client.post(f"/admin/submissions/{submission.pk}/publication-page/")
    assert response.status_code in (302, 403)
    submission.refresh_from_db()
    assert submission.state == Submission.State.ACCEPTED


def test_a_managing_editor_without_page_rights_is_not_sent_to_a_forbidden_editor(client, accepted,
                                                                             editor):
    submission, _series_page = accepted
    client.force_login(editor)

    response = client.post(f"/admin/submissions/{submission.pk}/publication-page/", follow=True)

    submission.refresh_from_db()
    assert submission.state == Submission.State.IN_PRODUCTION
    assert response.redirect_chain == [(f"/admin/submissions/{submission.pk}/", 302)]
    assert response.status_code == 200
    page = response.content.decode()
    assert "do not have permission" not in page
    assert "An editor submits it for moderation" in page
    assert f"/admin/pages/{submission.publication_page_id}/edit/" not in page
    # The page's editors find it where they work.
    editors = User.objects.create_user("editor", "editor@jcmi.example", "x")
    editors.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editors)
    edit_url = f"/admin/pages/{submission.publication_page_id}/edit/"
    assert client.get(edit_url).status_code == 200
