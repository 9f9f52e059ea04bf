"""The queue and the portal's pages cost the same number of queries however much work there is."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from publications.review import workflow

from .builders import in_days, reviewed

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        assert response.status_code == 200
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
    return len(captured)


def add_reviewed(author, series, editor, reviewer, n):
    submission, _a = reviewed(author, series, editor, reviewer, title=f"Paper {n}")
    return submission


def test_the_editors_queue_does_not_grow_with_submissions(client, author, series, editor,
                                                         reviewers,
                                                         django_assert_max_num_queries):
    add_reviewed(author, series, editor, reviewers[0], 1)
    client.force_login(editor)
    few = count_queries(client, "/admin/submissions/")
    for n in range(2, 6):
        add_reviewed(author, series, editor, reviewers[0], n)
    with django_assert_max_num_queries(few):
        client.get("/admin/submissions/?overdue=on")
    assert count_queries(client, "/admin/submissions/") <= few


def test_the_authors_submission_page_does_not_grow_with_rounds_and_reviews(
        client, author, series, editor, reviewers, django_assert_max_num_queries):
    submission = add_reviewed(author, series, editor, reviewers[0], 1)
    workflow.record_decision(submission, editor, outcome="major", letter="Revise.",
                             revision_due=in_days(9))
    client.force_login(author)
    url = f"/en/portal/submissions/{submission.pk}/"
    count_queries(client, url)  # a first visit fills the caches a running site keeps warm
    with django_assert_max_num_queries(20):
        one_round = count_queries(client, url)
    from .builders import checked_pdf

    assignment = submission.rounds.get().assignments.get()
    workflow.submit_revision(submission, author, manuscript=checked_pdf(),
                             anonymised=checked_pdf(), responses={assignment.pk: "Done."})
    workflow.confirm_anonymity(submission, editor)
    workflow.send_to_review(submission, editor)
    for reviewer in reviewers:
        a = workflow.invite_reviewer(submission, editor, reviewer, response_due=in_days(2),
                                     review_due=in_days(9))
        workflow.respond_to_invitation(a, accept=True)
        workflow.submit_review(a, recommendation="accept", comments_for_authors="Good.")
    workflow.record_decision(submission, editor, outcome="accept", letter="Accepted.")
    assert count_queries(client, url) <= one_round
