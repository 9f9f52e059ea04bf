"""The state machine answers "what can this user do now?" (workflow.available_actions), the admin
and the portal show exactly that, and the transitions refuse the rest; the reviews a decision
rests on and the reviewers' numbers have one answer everywhere (decisions.py)."""

import pytest
from bs4 import BeautifulSoup

from publications.models import Decision
from publications.review import workflow
from publications.review.decisions import (
    DECISION_KINDS,
    reviews_for_decision,
    reviews_for_pending_decision,
)
from publications.review.letters import draft_letter

from .builders import checked_pdf, draft, in_days, in_review, reviewed
from .conftest import make_user

pytestmark = pytest.mark.django_db

EDITOR_BUTTONS = {
    "start_screening": "Start screening",
    "confirm_anonymity": "I have checked the reviewer copy",
    "send_to_review": "Send to review",
    "desk_reject": "Reject without review",
    "invite_reviewer": "Send the invitation",
    "decide": "Record a decision",
    "decide_without_round": "Decide without another round",
    "remind_author": "Remind the author",
    "start_production": "Create publication page",
    "assign_handling_editor": "Hand over and tell the editor",
}


def states(author, series, editor, reviewer):
    """One submission in each state an editor acts in, made through the state machine."""
    made = {}
    made["draft"] = draft(author, series, "A draft")
    submitted = draft(author, series, "Submitted")
    workflow.submit(submitted, author)
    made["submitted"] = submitted
    screening = draft(author, series, "Screening")
    workflow.submit(screening, author)
    workflow.start_screening(screening, editor)
    made["screening"] = screening
    checked = draft(author, series, "Checked")
    workflow.submit(checked, author)
    workflow.start_screening(checked, editor)
    workflow.confirm_anonymity(checked, editor)
    made["screening, copy checked"] = checked
    made["in_review"] = in_review(author, series, editor, "In review")
    revisions, assignment = reviewed(author, series, editor, reviewer, "Revisions")
    workflow.record_decision(revisions, editor, outcome="minor", letter="Please revise.",
                             revision_due=in_days(20))
    made["revisions_requested"] = revisions
    accepted = in_review(author, series, editor, "Accepted")
    workflow.record_decision(accepted, editor, outcome="accept", letter="Accepted.")
    made["accepted"] = accepted
    return made


# Every submission still on the desk can be handed to another handling editor.
HAND_OVER = "assign_handling_editor"
# The desk's actions on the assignments of an open round (publications.review.assignments), and
# the rating of a completed review, which stays open once the round is decided.
DESK = {"suggest_reviewers", "change_due_dates", "reopen_review", "record_decline",
        "cancel_assignment", "remind_reviewer"}
RATE = {"rate_review"}

EXPECTED = {
    # state: (the managing editor's actions, the submitting author's actions)
    "draft": (set(), {"submit", "withdraw"}),
    "submitted": ({"start_screening", "desk_reject", HAND_OVER} | RATE, {"withdraw"}),
    "screening": ({"check_reviewer_copy", "confirm_anonymity", "desk_reject", HAND_OVER} | RATE,
                  {"withdraw"}),
    "screening, copy checked": ({"check_reviewer_copy", "send_to_review", "desk_reject",
                                 HAND_OVER} | RATE, {"withdraw"}),
    "in_review": ({"invite_reviewer", "decide", HAND_OVER} | DESK | RATE, {"withdraw"}),
    "revisions_requested": ({"remind_author", HAND_OVER} | RATE, {"submit_revision", "withdraw"}),
    "accepted": ({"start_production", HAND_OVER} | RATE, set()),
}


def test_each_state_offers_each_role_exactly_its_actions(author, series, editor, reviewers,
                                                         django_user_model):
    outsider = django_user_model.objects.create_user("outsider", "outsider@example.org", "x")
    for name, submission in states(author, series, editor, reviewers[0]).items():
        submission.refresh_from_db()
        editor_actions, author_actions = EXPECTED[name]
        assert workflow.available_actions(submission, editor) == editor_actions, name
        assert workflow.available_actions(submission, author) == author_actions, name
        assert workflow.available_actions(submission, outsider) == frozenset(), name
        assert workflow.available_actions(submission, reviewers[0]) == frozenset(), name


def test_the_admin_shows_the_buttons_of_the_available_actions_and_no_others(
        client, author, series, editor, reviewers):
    client.force_login(editor)
    for name, submission in states(author, series, editor, reviewers[0]).items():
        if name == "draft":
            continue  # an author's own until submitted: the editors' page refuses it
        html = client.get(f"/admin/submissions/{submission.pk}/").content.decode()
        actions = EXPECTED[name][0]
        for action, button in EDITOR_BUTTONS.items():
            assert (button in html) == (action in actions), (name, action)


def test_the_portal_offers_the_author_only_the_available_actions(client, author, series,
                                                                  editor, reviewers):
    client.force_login(author)
    made = states(author, series, editor, reviewers[0])
    for name, submission in made.items():
        soup = BeautifulSoup(client.get(f"/en/portal/submissions/{submission.pk}/").content,
                             "html.parser")
        links = {a["href"] for a in soup.select("main a[href]")}
        actions = EXPECTED[name][1]
        assert (f"/en/portal/submissions/{submission.pk}/revise/" in links) == (
            "submit_revision" in actions), name
        assert (f"/en/portal/submissions/{submission.pk}/withdraw/" in links) == (
            "withdraw" in actions), name


def test_an_action_that_is_not_available_is_refused_and_changes_nothing(author, series, editor):
    submission = draft(author, series)
    workflow.submit(submission, author)
    with pytest.raises(workflow.TransitionError):
        workflow.send_to_review(submission, editor)
    with pytest.raises(workflow.TransitionError):
        workflow.record_decision(submission, editor, outcome="accept", letter="Yes.")
    with pytest.raises(workflow.TransitionNotAllowed):
        workflow.start_screening(submission, author)
    submission.refresh_from_db()
    assert submission.state == "submitted"
    assert set(submission.events.values_list("action", flat=True)) == {"submitted", "email_sent"}


def test_every_decision_kind_says_what_it_does_and_where_it_leads():
    assert set(DECISION_KINDS) == set(Decision.Outcome.values)
    for kind in DECISION_KINDS.values():
        assert str(kind.does).strip().endswith(".")
        assert kind.target in {"accepted", "revisions_requested", "rejected"}
    assert [k for k, kind in DECISION_KINDS.items() if kind.asks_for_revision] == ["minor", "major"]
    assert not DECISION_KINDS["desk_reject"].closes_round


def test_a_decision_without_another_round_rests_on_the_answered_reviews_everywhere(
        author, series, editor, reviewers, mailoutbox):
    """The letter, the author's e-mail (with its line about the annotated file) and the notice to
    the reviewer all name the same reviews: those of the round the author answered."""
    submission = in_review(author, series, editor)
    assignment = workflow.invite_reviewer(submission, editor, reviewers[0],
                                          response_due=in_days(7), review_due=in_days(30))
    workflow.respond_to_invitation(assignment, accept=True)
    # The review comes with an annotated file, which the author's e-mail mentions.
    workflow.submit_review(assignment, recommendation="minor",
                           comments_for_authors="Clarify the data sources in section 2.",
                           attachment=checked_pdf("notes.pdf"))
    workflow.record_decision(submission, editor, outcome="minor", letter="Please revise.",
                             revision_due=in_days(20))
    workflow.submit_revision(submission, author, manuscript=checked_pdf("v2.pdf"),
                             anonymised=checked_pdf("v2-anon.pdf"),
                             responses={assignment.pk: "Done, see section 2."})
    letter = draft_letter(submission, "accept", editor)
    assert "Clarify the data sources" in letter
    mailoutbox.clear()
    workflow.record_decision(submission, editor, outcome="accept", letter=letter)
    decision = Decision.objects.get(submission=submission, outcome="accept")
    assert [review.pk for review in reviews_for_decision(decision)] == [assignment.pk]
    to_author = next(m for m in mailoutbox if m.to == [author.email])
    assert "annotated file" in to_author.body
    assert any(m.to == [reviewers[0].email] for m in mailoutbox)


def test_a_reviewer_keeps_their_number_in_every_round(author, series, editor, reviewers,
                                                     django_user_model):
    """Reviewer 2 of round 1 is still "Reviewer 2" in round 2, even when round 2 has a new
    reviewer who answered first; the new one takes the next number."""
    reviewers = [*reviewers, make_user(django_user_model, "reviewer3", "Reviewers")]
    submission = in_review(author, series, editor)
    first, second = (workflow.invite_reviewer(submission, editor, reviewer,
                                              response_due=in_days(7), review_due=in_days(30))
                     for reviewer in reviewers[:2])
    for assignment in (first, second):
        workflow.respond_to_invitation(assignment, accept=True)
        workflow.submit_review(assignment, recommendation="major", comments_for_authors="More.")
    workflow.record_decision(submission, editor, outcome="major", letter="Revise.",
                             revision_due=in_days(20))
    workflow.submit_revision(submission, author, manuscript=checked_pdf("v2.pdf"),
                             anonymised=checked_pdf("v2-anon.pdf"),
                             responses={first.pk: "Yes.", second.pk: "Also yes."})
    workflow.confirm_anonymity(submission, editor)
    workflow.send_to_review(submission, editor)
    newcomer, returning = (workflow.invite_reviewer(submission, editor, reviewer,
                                                    response_due=in_days(7),
                                                    review_due=in_days(30))
                           for reviewer in (reviewers[2], reviewers[1]))
    for assignment in (newcomer, returning):
        workflow.respond_to_invitation(assignment, accept=True)
        workflow.submit_review(assignment, recommendation="accept", comments_for_authors="Good.")
    labels = {review.reviewer_id: str(review.reviewer_label)
              for review in reviews_for_pending_decision(submission)}
    assert labels == {reviewers[1].pk: "Reviewer 2", reviewers[2].pk: "Reviewer 3"}
    # The model's own fallback (one review on its own) agrees.
    assert str(returning.reviewer_label) == "Reviewer 2"
