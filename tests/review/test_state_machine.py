"""The state machine is the only way a submission moves, and it refuses what the rules forbid."""

import re
from pathlib import Path

import pytest

from publications.models import AuditEvent, Submission
from publications.review import workflow

from .builders import draft, in_days, in_review, reviewed

pytestmark = pytest.mark.django_db

PUBLICATIONS = Path(__file__).resolve().parents[2] / "publications"


def test_nothing_but_the_workflow_module_sets_a_submissions_state():
    offenders = []
    for path in PUBLICATIONS.rglob("*.py"):
        if path.name == "workflow.py" or "migrations" in path.parts:
            continue
        text = path.read_text()
        if re.search(r"\.state\s*=[^=]", text) or re.search(r"update\([^)]*\bstate\s*=", text) \
                or re.search(r"create\([^)]*\bstate\s*=", text):
            offenders.append(str(path))
    assert offenders == []


def snapshot(submission):
    submission.refresh_from_db()
    return (submission.state, AuditEvent.objects.filter(submission=submission).count(),
            submission.decisions.count(), submission.rounds.count())


@pytest.mark.parametrize("attempt", [
    lambda s, author, editor: workflow.record_decision(s, editor, outcome="accept", letter="x"),
    lambda s, author, editor: workflow.send_to_review(s, editor),
    lambda s, author, editor: workflow.start_production(s, editor, None),
    lambda s, author, editor: workflow.mark_published(s, editor),
    lambda s, author, editor: workflow.submit_revision(s, author, manuscript=None),
    lambda s, author, editor: workflow.invite_reviewer(
        s, editor, editor, response_due=in_days(1), review_due=in_days(2)),
])
def test_an_invalid_transition_raises_and_changes_nothing(attempt, author, series, editor):
    submission = draft(author, series)
    workflow.submit(submission, author)
    before = snapshot(submission)
    with pytest.raises(workflow.TransitionError):
        attempt(submission, author, editor)
    assert snapshot(submission) == before


@pytest.mark.parametrize("attempt", [
    lambda s, author, editor: workflow.start_screening(s, author),
    lambda s, author, editor: workflow.desk_reject(s, author, "No."),
    lambda s, author, editor: workflow.withdraw(s, editor),
])
def test_the_wrong_person_is_refused(attempt, author, series, editor):
    submission = draft(author, series)
    workflow.submit(submission, author)
    before = snapshot(submission)
    with pytest.raises(workflow.TransitionNotAllowed):
        attempt(submission, author, editor)
    assert snapshot(submission) == before


def test_each_transition_records_actor_states_and_note(author, series, editor):
    submission = draft(author, series)
    workflow.submit(submission, author)
    workflow.start_screening(submission, editor)
    workflow.desk_reject(submission, editor, "Out of scope for this series.")
    events = list(AuditEvent.objects.filter(submission=submission).exclude(action="email_sent")
                  .values_list("actor__username", "action", "from_state", "to_state"))
    assert events == [
        ("author", "submitted", "draft", "submitted"),
        ("managing-editor", "screening_started", "submitted", "screening"),
        ("managing-editor", "desk_rejected", "screening", "rejected"),
    ]
    assert submission.decisions.get().outcome == "desk_reject"
    with pytest.raises(workflow.TransitionError):
        workflow.withdraw(submission, author)  # rejected is final


def test_withdrawing_cancels_the_open_review_assignments(author, series, editor, reviewers,
                                                       mailoutbox):
    submission = in_review(author, series, editor)
    assignment = workflow.invite_reviewer(submission, editor, reviewers[0],
                                          response_due=in_days(3), review_due=in_days(9))
    mailoutbox.clear()
    workflow.withdraw(submission, author, "Published elsewhere.")
    assignment.refresh_from_db()
    assert submission.state == "withdrawn" and assignment.state == "cancelled"
    assert reviewers[0].email in [m.to[0] for m in mailoutbox]


def test_an_author_cannot_be_invited_to_review_their_own_work(author, series, editor):
    submission = in_review(author, series, editor)
    with pytest.raises(workflow.TransitionError):
        workflow.invite_reviewer(submission, editor, author, response_due=in_days(3),
                                 review_due=in_days(9))


def test_the_same_invitation_cannot_be_answered_twice(author, series, editor, reviewers):
    submission = in_review(author, series, editor)
    assignment = workflow.invite_reviewer(submission, editor, reviewers[0],
                                          response_due=in_days(3), review_due=in_days(9))
    workflow.respond_to_invitation(assignment, accept=False)
    with pytest.raises(workflow.TransitionError):
        workflow.respond_to_invitation(assignment, accept=True)
    assignment.refresh_from_db()
    assert assignment.state == "declined"


def test_acceptance_leads_to_production_and_publication(author, series, editor, reviewers):
    from wagtail.models import Page

    submission, _assignment = reviewed(author, series, editor, reviewers[0])
    workflow.record_decision(submission, editor, outcome="accept", letter="Accepted.")
    page = Page.objects.get(depth=1)
    workflow.start_production(submission, editor, page)
    workflow.mark_published(submission)
    submission.refresh_from_db()
    assert submission.state == "published" and submission.publication_page == page
    assert Submission.objects.get(pk=submission.pk).events.filter(
        action="published", from_state="in_production").exists()


def test_the_dashboard_tells_the_author_what_comes_next(client, author, series, editor,
                                                      reviewers, django_assert_max_num_queries):
    for n in range(3):
        submission, _a = reviewed(author, series, editor, reviewers[0], title=f"Paper {n}")
    workflow.record_decision(submission, editor, outcome="major", letter="Revise.",
                             revision_due=in_days(30))
    client.force_login(author)
    # 17: the dashboard also lists the user's course registrations (one query, registrations/).
    with django_assert_max_num_queries(17):
        page = client.get("/en/portal/").content.decode()
    assert "Read the decision and upload your revision." in page
    assert page.count("your work is with the reviewers") == 2
