"""Changes to a review assignment after the invitation: new due dates, a reopened review, the
reason for a decline, a cancellation with its reason, and the editors' private rating.

Each is a transition in the sense of ``workflow``: it checks the actor and ``ACTIONS`` (through
``available_assignment_actions``), changes everything in one transaction, writes the timeline and
an ``AssignmentChange``, and queues the e-mails. A refusal raises ``TransitionError`` and changes
nothing.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from publications.models import AssignmentChange, ReviewAssignment, ReviewRating

from . import notifications, workflow
from .workflow import TransitionError, log

AState = ReviewAssignment.State
Kind = AssignmentChange.Kind


def _check(assignment, actor, action):
    """Lock the assignment and its submission; refuse unless ``action`` is open to ``actor``."""
    workflow._require_editor(actor)
    submission = workflow._locked(assignment.round.submission)
    assignment = workflow._locked_assignment(assignment)
    if action not in workflow.available_assignment_actions(assignment, actor):
        raise TransitionError(_("This cannot be done to this assignment now."))
    return assignment, submission


@transaction.atomic
def change_due_dates(assignment, actor, *, response_due, review_due, tell_reviewer, note=""):
    """New dates for the answer and the review. The reviewer hears of it only if the editor
    chooses so; either way the timeline says whether they were told."""
    assignment, submission = _check(assignment, actor, "change_due_dates")
    today = timezone.localdate()
    if assignment.state == AState.ACCEPTED:
        # The invitation is answered: its date is history, only the review's can move.
        response_due = assignment.response_due
    elif review_due < response_due:
        raise TransitionError(_("The review cannot be due before the answer."))
    if assignment.state == AState.INVITED and response_due < today:
        raise TransitionError(_("The answer cannot be due in the past."))
    if review_due < today:
        raise TransitionError(_("The review cannot be due in the past."))
    if (response_due, review_due) == (assignment.response_due, assignment.review_due):
        raise TransitionError(_("These are the dates it already has."))
    change = AssignmentChange.objects.create(
        assignment=assignment, kind=Kind.DUE_CHANGED, actor=actor, note=(note or "").strip(),
        old_response_due=assignment.response_due, old_review_due=assignment.review_due,
        new_response_due=response_due, new_review_due=review_due,
        reviewer_told=bool(tell_reviewer))
    assignment.response_due, assignment.review_due = response_due, review_due
    assignment.save(update_fields=["response_due", "review_due"])
    log(submission, actor, "due_dates_changed", from_state=submission.state,
        note=_("%(reviewer)s: answer due %(response)s, review due %(review)s (%(told)s).") % {
            "reviewer": assignment.reviewer.email, "response": response_due,
            "review": review_due,
            "told": _("reviewer told") if tell_reviewer else _("reviewer not told")})
    if tell_reviewer:
        notifications.queue(submission, "due_dates_changed", [assignment.reviewer],
                            assignment_id=assignment.pk)
    return change


@transaction.atomic
def reopen_review(assignment, actor, *, reason, review_due):
    """Give a submitted review back to its reviewer to amend, with a new due date. The text
    they sent stays with it until they send the review again."""
    assignment, submission = _check(assignment, actor, "reopen_review")
    reason = (reason or "").strip()
    if not reason:
        raise TransitionError(_("Say why the review is reopened: the reviewer reads it."))
    if review_due < timezone.localdate():
        raise TransitionError(_("The review cannot be due in the past."))
    change = AssignmentChange.objects.create(
        assignment=assignment, kind=Kind.REOPENED, actor=actor, note=reason,
        old_review_due=assignment.review_due, new_review_due=review_due, reviewer_told=True)
    workflow.move_assignment(assignment, AState.ACCEPTED, review_due=review_due,
                             submitted_at=None)
    log(submission, actor, "review_reopened", from_state=submission.state,
        note=_("Review of %(reviewer)s reopened, due %(due)s. Reason: %(reason)s") % {
            "reviewer": assignment.reviewer.email, "due": review_due, "reason": reason})
    notifications.queue(submission, "review_reopened", [assignment.reviewer],
                        assignment_id=assignment.pk, reason=reason)
    return change


def _decline_fields(reason, note, suggested_name, suggested_email):
    if reason not in AssignmentChange.DeclineReason.values:
        raise TransitionError(_("Choose a reason for declining."))
    if suggested_email and not suggested_name:
        raise TransitionError(_("Give the name of the person suggested instead."))
    return {"decline_reason": reason, "note": (note or "").strip(),
            "suggested_name": (suggested_name or "").strip(),
            "suggested_email": (suggested_email or "").strip().lower()}


@transaction.atomic
def record_decline(assignment, actor, *, reason, note="", suggested_name="",
                   suggested_email=""):
    """The editor records a decline that came by other means (an e-mail, a call), or adds the
    reason and the suggestion to one the reviewer sent without them."""
    fields = _decline_fields(reason, note, suggested_name, suggested_email)
    assignment, submission = _check(assignment, actor, "record_decline")
    if assignment.state == AState.INVITED:
        workflow.move_assignment(assignment, AState.DECLINED, responded_at=timezone.now())
    change = AssignmentChange.objects.create(assignment=assignment, kind=Kind.DECLINED,
                                             actor=actor, **fields)
    log(submission, actor, "invitation_declined", from_state=submission.state,
        note=_decline_note(assignment, change))
    return change


def reviewer_declined_with(assignment, *, reason, note="", suggested_name="",
                           suggested_email=""):
    """The reviewer's own reason, given with the decline on their link page (call inside the
    transaction of ``workflow.respond_to_invitation``)."""
    fields = _decline_fields(reason, note, suggested_name, suggested_email)
    change = AssignmentChange.objects.create(assignment=assignment, kind=Kind.DECLINED,
                                             actor=assignment.reviewer, **fields)
    submission = assignment.round.submission
    log(submission, assignment.reviewer, "decline_reason", from_state=submission.state,
        note=_decline_note(assignment, change))
    return change


def _decline_note(assignment, change):
    note = _("%(reviewer)s declined: %(reason)s.") % {
        "reviewer": assignment.reviewer.email, "reason": change.get_decline_reason_display()}
    if change.suggested_name:
        note += " " + _("Suggested instead: %(name)s %(email)s") % {
            "name": change.suggested_name,
            "email": f"<{change.suggested_email}>" if change.suggested_email else ""}
    return note.strip()


@transaction.atomic
def cancel_with_reason(assignment, actor, *, reason):
    """Cancel an open assignment after the editor has confirmed it, saying why (the reviewer is
    told that it is cancelled, as before; the reason stays with the editors)."""
    reason = (reason or "").strip()
    if not reason:
        raise TransitionError(_("Give the reason for cancelling."))
    assignment, submission = _check(assignment, actor, "cancel_assignment")
    workflow.cancel_assignment(assignment, actor, note=_(
        "Assignment of %(reviewer)s cancelled. Reason: %(reason)s") % {
            "reviewer": assignment.reviewer.email, "reason": reason})
    return AssignmentChange.objects.create(assignment=assignment, kind=Kind.CANCELLED,
                                           actor=actor, note=reason)


@transaction.atomic
def rate_review(assignment, actor, *, score, note=""):
    """The editors' private rating of a completed review (one per review; a new one replaces
    it). Never shown to the reviewer or the authors."""
    assignment, submission = _check(assignment, actor, "rate_review")
    if score not in range(1, 6):
        raise TransitionError(_("A rating runs from 1 to 5."))
    rating, _created = ReviewRating.objects.update_or_create(
        assignment=assignment,
        defaults={"score": score, "note": (note or "").strip(), "rated_by": actor,
                  "rated_at": timezone.now()})
    return rating
