"""Decision letters pre-filled from templates, quoting the reviews the author will receive."""

from django.template.loader import render_to_string
from django.utils import translation

from publications.models import ReviewAssignment
from .notifications import language_of
from .workflow import decision_rounds


def reviews_for_decision(submission):
    """The submitted reviews a decision on this submission rests on, in the authors' order.

    On a resubmission decided without another round these are the previous round's: the newest
    round has no reviews yet, and a letter quoting it would quote nothing.
    """
    _closing, reviewed_round = decision_rounds(submission)
    if reviewed_round is None:
        return []
    reviews = list(reviewed_round.assignments.filter(state=ReviewAssignment.State.SUBMITTED)
                   .select_related("reviewer", "round__submission__series", "author_response")
                   .order_by("invited_at", "pk"))
    return ReviewAssignment.number_reviews(reviews)


def draft_letter(submission, outcome, editor):
    reviews = reviews_for_decision(submission) if outcome != "desk_reject" else []
    # Written in the author's language, since it is the author who reads it.
    with translation.override(language_of(submission.submitter)):
        return render_to_string(
            f"publications/letters/{outcome}.txt",
            {"submission": submission, "reviews": reviews, "editor": editor,
             "author": submission.submitter},
        ).strip()
