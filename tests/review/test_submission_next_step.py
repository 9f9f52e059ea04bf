"""The managing editors' page of a submission names who acts next, at every state."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from publications import factories
from publications.review import workflow
from publications.review.production import create_page_for_submission

from .builders import draft, in_days, in_review

pytestmark = pytest.mark.django_db


def next_step(client, user, submission):
    client.force_login(user)
    response = client.get(reverse("review_admin:submission", args=[submission.pk]))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").find(
        class_="submission-next-step").get_text(" ", strip=True)


def test_each_state_names_who_acts_next(client, author, series, editor, reviewers):
    submission = draft(author, series)
    workflow.submit(submission, author)
    assert next_step(client, editor, submission) == "Next: a managing editor starts screening."
    workflow.start_screening(submission, editor)
    assert "a managing editor checks the reviewer copy" in next_step(client, editor, submission)


def test_under_review_the_reviewers_are_named_then_the_decision(client, author, series, editor,
                                                                reviewers):
    submission = in_review(author, series, editor)
    assert next_step(client, editor, submission) == (
        "Next: a managing editor invites reviewers or records a decision.")
    assignment = workflow.invite_reviewer(submission, editor, reviewers[0],
                                          response_due=in_days(7), review_due=in_days(30))
    assert next_step(client, editor, submission) == (
        "Next: the reviewers Claire Dubois answer and review; then a managing editor records a "
        "decision.")
    workflow.respond_to_invitation(assignment, accept=True)
    workflow.submit_review(assignment, recommendation="minor",
                           comments_for_authors="Clarify the sources.",
                           confidential_comments="")
    assert next_step(client, editor, submission) == (
        "Next: a managing editor invites reviewers or records a decision.")
    workflow.record_decision(submission, editor, outcome="minor", letter="Please revise.",
                             revision_due=in_days(30))
    submission.refresh_from_db()
    assert next_step(client, editor, submission) == "Next: Amira Haddad uploads a revision."


def test_in_production_the_publication_pages_workflow_says_who_acts(client, author, editor,
                                                                   reviewers):
    _home, index, _topics = factories.make_site()
    series, _series_page = factories.make_series(index)
    submission = in_review(author, series, editor)
    assignment = workflow.invite_reviewer(submission, editor, reviewers[0],
                                          response_due=in_days(7), review_due=in_days(30))
    workflow.respond_to_invitation(assignment, accept=True)
    workflow.submit_review(assignment, recommendation="accept", comments_for_authors="Good.",
                           confidential_comments="")
    workflow.record_decision(submission, editor, outcome="accept", letter="Accepted.")
    submission.refresh_from_db()
    assert next_step(client, editor, submission) == (
        "Next: a managing editor creates the publication page.")
    page = create_page_for_submission(submission, editor)
    submission.refresh_from_db()
    assert next_step(client, editor, submission) == (
        "Next: an editor completes the page and submits it for moderation.")
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    assert next_step(client, editor, submission) == (
        "Next: Moderators review it in the “Editorial review” step.")
