"""What each kind of editorial decision does, and which reviews a decision rests on.

As Open Journal Systems' decision types do, each kind says in one place where it takes the
submission, what it asks for and whom it tells; the state machine (``workflow.record_decision``
and ``workflow.desk_reject``) acts on it, the decision form and the letters read it.

"Which reviews" has one answer for the letter the editor drafts, the e-mail the author gets, the
notice to the reviewers and the author's portal: the submitted reviews of the round the decision
rests on (``reviewed_round``), numbered as the author has always seen them (``reviewer_numbers``).
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from publications.models import Decision, ReviewAssignment, ReviewRound, Submission

State = Submission.State
Outcome = Decision.Outcome


@dataclass(frozen=True)
class DecisionKind:
    outcome: str
    # Where the submission goes.
    target: str
    # What the decision does, in the editor's words (shown beside the choice).
    does: Promise
    # A revision is asked for by a date.
    asks_for_revision: bool = False
    # It closes a review round, quoting its reviews (a desk rejection closes none).
    closes_round: bool = True

    @property
    def letter_template(self):
        return f"publications/letters/{self.outcome}.txt"


DECISION_KINDS = {
    kind.outcome: kind for kind in (
        DecisionKind(Outcome.ACCEPT, State.ACCEPTED,
                     _("Accepts the work: the round closes and the work goes to production.")),
        DecisionKind(Outcome.MINOR, State.REVISIONS_REQUESTED,
                     _("Asks for minor revisions by a date; the editors may decide on the "
                       "revision without another round."), asks_for_revision=True),
        DecisionKind(Outcome.MAJOR, State.REVISIONS_REQUESTED,
                     _("Asks for major revisions by a date; the revision usually goes to a new "
                       "review round."), asks_for_revision=True),
        DecisionKind(Outcome.REJECT, State.REJECTED,
                     _("Declines the work after review; the submission is closed.")),
        DecisionKind(Outcome.DESK_REJECT, State.REJECTED,
                     _("Declines the work without review; the submission is closed."),
                     closes_round=False),
    )
}


def reviewed_round(closing_round):
    """The round whose reviews a decision closing ``closing_round`` rests on.

    That round itself when it was opened for review. A round that never opened is a revision the
    editors decided without another round: the decision rests on the round before it, whose
    reviews the author has just answered.
    """
    if closing_round is None or closing_round.opened_at is not None:
        return closing_round
    return ReviewRound.objects.filter(submission_id=closing_round.submission_id,
                                      number=closing_round.number - 1).first()


def pending_decision_rounds(submission):
    """(the round a decision taken now would close, the round it would rest on)."""
    closing = submission.rounds.order_by("-number").first()
    return closing, reviewed_round(closing)


def reviewer_numbers(submission_id):
    """{reviewer id: n} for "Reviewer n": numbered by their first submitted review of this
    submission, so a reviewer keeps their number in every round and a new one gets the next."""
    numbers = {}
    for reviewer_id in (ReviewAssignment.objects
                        .filter(round__submission_id=submission_id,
                                state=ReviewAssignment.State.SUBMITTED)
                        .order_by("round__number", "invited_at", "pk")
                        .values_list("reviewer_id", flat=True)):
        numbers.setdefault(reviewer_id, len(numbers) + 1)
    return numbers


def number_reviews(reviews, submission_id):
    """Give already-loaded reviews of one submission their "Reviewer n" label (one query)."""
    numbers = reviewer_numbers(submission_id)
    for review in reviews:
        review.label_number = numbers.get(review.reviewer_id, len(numbers) + 1)
    return sorted(reviews, key=lambda review: review.label_number)


def reviews_of(review_round):
    """The submitted reviews of a round, numbered, in the authors' order."""
    if review_round is None:
        return []
    reviews = list(review_round.assignments.filter(state=ReviewAssignment.State.SUBMITTED)
                   .select_related("reviewer", "round__submission__series", "author_response")
                   .prefetch_related("attachments", "answers"))
    return number_reviews(reviews, review_round.submission_id)


def reviews_for_pending_decision(submission):
    """The reviews a decision taken now would rest on (for the editor's draft letter)."""
    return reviews_of(pending_decision_rounds(submission)[1])


def reviews_for_decision(decision):
    """The reviews a recorded decision rests on (for the e-mails and the portal)."""
    if decision.round_id is None:
        return []
    return reviews_of(reviewed_round(decision.round))
