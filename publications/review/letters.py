"""Decision letters pre-filled from templates, quoting the reviews the author will receive."""

from django.template.loader import render_to_string
from django.utils import translation

from .decisions import DECISION_KINDS, reviews_for_pending_decision
from .notifications import language_of


def draft_letter(submission, outcome, editor):
    kind = DECISION_KINDS[outcome]
    reviews = reviews_for_pending_decision(submission) if kind.closes_round else []
    # Written in the author's language, since it is the author who reads it.
    with translation.override(language_of(submission.submitter)):
        return render_to_string(
            kind.letter_template,
            {"submission": submission, "reviews": reviews, "editor": editor,
             "author": submission.submitter},
        ).strip()
