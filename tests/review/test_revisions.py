"""A revision and what follows it: the author answers each review (and may add a response
letter), the editor reads those answers, may decide without another round, and the next round's
reviewers see how the author answered the last one."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from publications.models import AuditEvent, Decision, SubmissionFile
from publications.review import workflow
from publications.review.letters import draft_letter
from publications.review.tokens import make_assignment_token

from .builders import checked_pdf, in_days, reviewed
from .conftest import AUTHOR_EMAIL, AUTHOR_NAME, make_pdf

pytestmark = pytest.mark.django_db

REVIEW = "Clarify the data sources in section 2."
ANSWER = "Section 2 now lists every data source and how it was collected."


def revised(author, series, editor, reviewer):
    """Reviewed, revisions requested, and the author's revision in: state ``resubmitted``."""
    submission, assignment = reviewed(author, series, editor, reviewer)
    workflow.record_decision(submission, editor, outcome="minor", letter="Please revise.",
                             revision_due=in_days(20))
    workflow.submit_revision(submission, author, manuscript=checked_pdf("v2.pdf"),
                             anonymised=checked_pdf("v2-anon.pdf"),
                             responses={assignment.pk: ANSWER})
    submission.refresh_from_db()
    assert submission.state == "resubmitted"
    return submission, assignment


def test_the_revision_form_takes_a_response_letter_and_keeps_it_with_the_new_round(
        client, author, series, editor, reviewers, pdf_bytes):
    submission, assignment = reviewed(author, series, editor, reviewers[0])
    workflow.record_decision(submission, editor, outcome="minor", letter="Please revise.",
                             revision_due=in_days(20))
    client.force_login(author)
    url = f"/en/portal/submissions/{submission.pk}/revise/"
    page = client.get(url).content.decode()
    assert 'type="file" name="response_file"' in page
    assert 'type="file" name="manuscript"' in page and 'name="anonymised"' in page
    assert f'name="answer_to_review_{assignment.pk}"' in page
    letter = make_pdf(text="Response to the reviewers of round 1")
    response = client.post(url, {
        "manuscript": SimpleUploadedFile("v2.pdf", pdf_bytes, "application/pdf"),
        "anonymised": SimpleUploadedFile("v2-anon.pdf", pdf_bytes, "application/pdf"),
        "response_file": SimpleUploadedFile("response.pdf", letter, "application/pdf"),
        f"answer_to_review_{assignment.pk}": ANSWER,
    })
    assert response.status_code == 302, response.content.decode()
    stored = SubmissionFile.objects.get(submission=submission, kind=SubmissionFile.Kind.RESPONSE)
    assert stored.round_number == 2 and stored.original_name == "response.pdf"
    with stored.file.open("rb") as handle:
        assert handle.read() == letter
    assert assignment.author_response.response == ANSWER


def test_the_editor_reads_the_authors_answer_to_each_review(client, author, series, editor,
                                                          reviewers):
    submission, _assignment = revised(author, series, editor, reviewers[0])
    client.force_login(editor)
    page = client.get(f"/admin/submissions/{submission.pk}/").content.decode()
    round_1 = page.index("Round 1")
    round_2 = page.index("Round 2")
    # The answer sits with the review it answers, in round 1.
    assert round_1 < page.index(REVIEW) < page.index(ANSWER) < round_2
    decide = client.get(f"/admin/submissions/{submission.pk}/decide/?outcome=accept")
    assert decide.status_code == 200
    page = decide.content.decode()
    assert REVIEW in page and ANSWER in page
    assert "The author&#x27;s response" in page or "The author's response" in page


def test_a_second_round_reviewer_sees_how_the_author_answered_without_the_authors_name(
        client, author, series, editor, reviewers):
    submission, _assignment = revised(author, series, editor, reviewers[0])
    workflow.confirm_anonymity(submission, editor)
    workflow.send_to_review(submission, editor)
    second = workflow.invite_reviewer(submission, editor, reviewers[1], response_due=in_days(5),
                                      review_due=in_days(20))
    url = f"/en/portal/review/{make_assignment_token(second)}/"
    assert ANSWER not in client.get(url).content.decode()  # not before accepting
    workflow.respond_to_invitation(second, accept=True)
    page = client.get(url).content.decode()
    assert ANSWER in page and REVIEW in page and "Reviewer 1" in page
    for identity in (AUTHOR_NAME, "Haddad", AUTHOR_EMAIL, author.email, "Claire", "Dubois",
                     reviewers[0].email):
        assert identity not in page, identity


def test_the_editor_decides_on_a_resubmission_without_another_round(
        client, author, series, editor, reviewers, mailoutbox):
    submission, assignment = revised(author, series, editor, reviewers[0])
    # The letter drafted for it quotes the reviews the author has just answered.
    letter = draft_letter(submission, "accept", editor)
    assert REVIEW in letter
    client.force_login(editor)
    page = client.get(f"/admin/submissions/{submission.pk}/decide/?outcome=accept")
    assert REVIEW in page.content.decode()
    mailoutbox.clear()
    response = client.post(f"/admin/submissions/{submission.pk}/decide/",
                           {"outcome": "accept", "letter": letter})
    assert response.status_code == 302, response.content.decode()
    submission.refresh_from_db()
    assert submission.state == "accepted"
    event = AuditEvent.objects.get(submission=submission, action="decision_accept")
    assert (event.actor, event.from_state, event.to_state) == (editor, "resubmitted", "accepted")
    assert "round 1" in event.note
    decision = Decision.objects.get(submission=submission, outcome="accept")
    assert decision.round.number == 2  # it closes the revision's round, which never opened
    to = {m.to[0]: m for m in mailoutbox}
    assert REVIEW in to[author.email].body
    assert to[author.email].body.count(REVIEW) == 1
    # The reviewer whose review it rests on hears the outcome.
    assert reviewers[0].email in to
    assert "decision_reviewer" in " ".join(AuditEvent.objects.filter(
        submission=submission, action="email_sent").values_list("note", flat=True))


def test_a_resubmission_can_also_go_back_for_revisions_without_another_round(
        author, series, editor, reviewers):
    submission, _assignment = revised(author, series, editor, reviewers[0])
    workflow.record_decision(submission, editor, outcome="minor", letter="One more pass.",
                             revision_due=in_days(10))
    submission.refresh_from_db()
    assert submission.state == "revisions_requested" and submission.revision_due == in_days(10)
    # The next revision needs no answers (the round decided had no reviews) and opens round 3.
    workflow.submit_revision(submission, author, manuscript=checked_pdf("v3.pdf"),
                             anonymised=checked_pdf("v3-anon.pdf"))
    assert submission.rounds.order_by("-number").first().number == 3


def test_a_decision_that_closes_a_round_tells_each_reviewer_still_working_on_it(
        author, series, editor, reviewers, mailoutbox):
    submission, _done = reviewed(author, series, editor, reviewers[0])
    unfinished = workflow.invite_reviewer(submission, editor, reviewers[1],
                                          response_due=in_days(3), review_due=in_days(9))
    workflow.respond_to_invitation(unfinished, accept=True)
    mailoutbox.clear()
    workflow.record_decision(submission, editor, outcome="major", letter="Please revise.",
                             revision_due=in_days(30))
    unfinished.refresh_from_db()
    assert unfinished.state == "cancelled"
    cancelled = AuditEvent.objects.get(submission=submission, action="assignment_cancelled")
    assert cancelled.actor == editor and reviewers[1].email in cancelled.note
    notes = AuditEvent.objects.filter(submission=submission, action="email_sent").values_list(
        "note", flat=True)
    assert any(n.startswith(f"assignment_cancelled → {reviewers[1].email}") for n in notes)
    assert reviewers[1].email in [m.to[0] for m in mailoutbox]
    # The reviewer who finished hears the decision, not a cancellation.
    assert not any(n.startswith(f"assignment_cancelled → {reviewers[0].email}") for n in notes)


def test_an_acceptance_in_a_round_without_reviews_promises_no_comments(author, series, editor,
                                                                     reviewers):
    submission, _assignment = revised(author, series, editor, reviewers[0])
    workflow.confirm_anonymity(submission, editor)
    workflow.send_to_review(submission, editor)  # round 2 opens; the editor needs no reviewer

    letter = draft_letter(submission, "accept", editor)

    assert "we are pleased to accept" in letter
    assert "comments are below" not in letter
    assert REVIEW not in letter
