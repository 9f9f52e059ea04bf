"""Decision letters pre-filled from templates, quoting the reviews the author will receive."""

from django.template.loader import render_to_string
from django.utils import translation

from .models import ReviewAssignment
from .notifications import language_of


def draft_letter(submission, outcome, editor):
    review_round = submission.rounds.order_by("-number").first()
    reviews = []
    if review_round is not None:
        reviews = list(review_round.assignments.filter(state=ReviewAssignment.State.SUBMITTED))
    # Written in the author's language, since it is the author who reads it.
    with translation.override(language_of(submission.submitter)):
        return render_to_string(
            f"publications/letters/{outcome}.txt",
            {"submission": submission, "reviews": reviews, "editor": editor,
             "author": submission.submitter},
        ).strip()
