"""The peer-review state machine: the only code that changes a submission's state.

Each transition is one function. It checks who is acting and where the submission stands, changes
everything in one transaction, writes the audit event (actor, time, from, to, note) and queues the
notifications. An invalid transition raises ``TransitionError`` (or ``TransitionNotAllowed`` when
the actor lacks the right) and changes nothing.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.stored_files import atomic_with_files
from publications.models import (
    AuditEvent,
    Decision,
    Recommendation,
    ReviewAssignment,
    ReviewRound,
    RevisionResponse,
    SentReminder,
    Submission,
    SubmissionFile,
)

from . import anonymise, identity_check, notifications, review_forms
from . import files as submission_files
from .decisions import DECISION_KINDS, pending_decision_rounds, reviews_of
from .editors import OPEN_STATES, can_handle, pick_handling_editor
from .permissions import is_author_of, is_managing_editor

State = Submission.State
AState = ReviewAssignment.State

EDITOR, AUTHOR = "editor", "author"


@dataclass(frozen=True)
class Action:
    """Something a user can do to a submission: from which states, by whom, and (for a
    transition) to which state. ``ready`` is a further condition on the submission."""
    sources: frozenset
    by: str
    target: str | None = None
    ready: Callable | None = None


def _round_checked(submission):
    review_round = submission.rounds.order_by("-number").first()
    return review_round is not None and review_round.anonymity_confirmed_at is not None


def _copy_clear(submission):
    """The next round's reviewer copy names nobody, or a managing editor overrode the check."""
    review_round = submission.rounds.order_by("-number").first()
    copy = review_round.reviewer_copy if review_round else None
    return copy is None or not (identity_hits(copy) and copy.has_unresolved_hits)


# The transitions table: every action a user can take on a submission. ``available_actions``
# reads it for the admin's buttons and the portal's links; each transition function below checks
# it before acting. A decision's target comes from its kind (decisions.DECISION_KINDS).
ACTIONS = {
    # The author's
    "submit": Action(frozenset({State.DRAFT}), AUTHOR, State.SUBMITTED),
    "withdraw": Action(frozenset({State.DRAFT, State.SUBMITTED, State.SCREENING, State.IN_REVIEW,
                                  State.REVISIONS_REQUESTED, State.RESUBMITTED}),
                       AUTHOR, State.WITHDRAWN),
    "submit_revision": Action(frozenset({State.REVISIONS_REQUESTED}), AUTHOR, State.RESUBMITTED),
    # The managing editors'
    "start_screening": Action(frozenset({State.SUBMITTED}), EDITOR, State.SCREENING),
    # The reviewer copy of the round about to open is shown with the identity check's findings
    # (which a managing editor may override with a reason) until the round opens.
    "check_reviewer_copy": Action(frozenset({State.SCREENING, State.RESUBMITTED}), EDITOR),
    "confirm_anonymity": Action(
        frozenset({State.SCREENING, State.RESUBMITTED}), EDITOR,
        ready=lambda submission: _copy_clear(submission) and not _round_checked(submission)),
    "send_to_review": Action(
        frozenset({State.SCREENING, State.RESUBMITTED}), EDITOR, State.IN_REVIEW,
        ready=lambda submission: _copy_clear(submission) and _round_checked(submission)),
    "desk_reject": Action(frozenset({State.SUBMITTED, State.SCREENING}), EDITOR, State.REJECTED),
    "invite_reviewer": Action(frozenset({State.IN_REVIEW}), EDITOR),
    "decide": Action(frozenset({State.IN_REVIEW}), EDITOR),
    # On a resubmission, the editors may decide on the revision without opening another round.
    "decide_without_round": Action(frozenset({State.RESUBMITTED}), EDITOR),
    "remind_author": Action(frozenset({State.REVISIONS_REQUESTED}), EDITOR),
    "start_production": Action(frozenset({State.ACCEPTED}), EDITOR, State.IN_PRODUCTION),
    "mark_published": Action(frozenset({State.IN_PRODUCTION}), EDITOR, State.PUBLISHED),
    # Hand the submission to another handling editor, while it is still work on the desk.
    "assign_handling_editor": Action(frozenset(OPEN_STATES), EDITOR),
    # The managing editor's desk: ranked reviewer suggestions, and changes to one assignment
    # (publications.review.assignments; which assignment states each one takes is in
    # ASSIGNMENT_ACTIONS below).
    "suggest_reviewers": Action(frozenset({State.IN_REVIEW}), EDITOR),
    "change_due_dates": Action(frozenset({State.IN_REVIEW}), EDITOR),
    "reopen_review": Action(frozenset({State.IN_REVIEW}), EDITOR),
    "record_decline": Action(frozenset({State.IN_REVIEW}), EDITOR),
    "cancel_assignment": Action(frozenset({State.IN_REVIEW}), EDITOR),
    "remind_reviewer": Action(frozenset({State.IN_REVIEW}), EDITOR),
    # A completed review can be rated whenever it is there to read.
    "rate_review": Action(frozenset(set(State) - {State.DRAFT}), EDITOR),
}

# The assignment states each assignment action of ACTIONS takes.
ASSIGNMENT_ACTIONS = {
    "change_due_dates": frozenset({AState.INVITED, AState.ACCEPTED}),
    "remind_reviewer": frozenset({AState.INVITED, AState.ACCEPTED}),
    "cancel_assignment": frozenset({AState.INVITED, AState.ACCEPTED}),
    "record_decline": frozenset({AState.INVITED, AState.DECLINED}),
    "reopen_review": frozenset({AState.SUBMITTED}),
    "rate_review": frozenset({AState.SUBMITTED}),
}


def available_actions(submission, user):
    """The names of the ACTIONS ``user`` can take on ``submission`` now."""
    roles = set()
    if is_managing_editor(user):
        roles.add(EDITOR)
    if is_author_of(user, submission):
        roles.add(AUTHOR)
    return frozenset(
        name for name, action in ACTIONS.items()
        if action.by in roles and submission.state in action.sources
        and (action.ready is None or action.ready(submission))
    )


def available_assignment_actions(assignment, user, submission_actions=None):
    """The names of the ACTIONS ``user`` can take on one review assignment now: those open on
    its submission (``submission_actions``, if already known) that its own state takes. Only
    the submission's latest round can change; a rating applies to any completed review."""
    if submission_actions is None:
        submission_actions = available_actions(assignment.round.submission, user)
    latest = getattr(assignment, "in_latest_round", None)
    if latest is None:
        latest = not ReviewRound.objects.filter(
            submission_id=assignment.round.submission_id,
            number__gt=assignment.round.number).exists()
    return frozenset(
        name for name, states in ASSIGNMENT_ACTIONS.items()
        if name in submission_actions and assignment.state in states
        and (latest or name == "rate_review")
    )


class TransitionError(Exception):
    """The submission is not in a state where this can happen, or the input is incomplete."""


class TransitionNotAllowed(TransitionError):
    """The actor may not do this to this submission."""


def _require_editor(actor):
    if not is_managing_editor(actor):
        raise TransitionNotAllowed(_("Only a managing editor may do this."))


def _require_author(actor, submission):
    if not is_author_of(actor, submission):
        raise TransitionNotAllowed(_("Only the submitting author may do this."))


def _locked(submission):
    """Re-read the row under a lock, so two editors cannot move it at once."""
    fresh = Submission.objects.select_for_update().get(pk=submission.pk)
    submission.state = fresh.state  # keep the caller's object in step with the database
    return fresh


def _move(submission, actor, action, note="", to_state=None, audit_action=None):
    """Move the locked submission along ``ACTIONS[action]`` (to ``to_state`` for a decision,
    whose kind says where it goes) and write the audit event."""
    allowed_from = ACTIONS[action].sources
    to_state = to_state or ACTIONS[action].target
    current = _locked(submission)
    if current.state not in allowed_from:
        raise TransitionError(
            _("A submission that is “%(state)s” cannot be moved to “%(target)s”.")
            % {"state": current.get_state_display(), "target": State(to_state).label}
        )
    from_state = current.state
    submission.state = to_state
    Submission.objects.filter(pk=submission.pk).update(state=to_state, updated_at=timezone.now())
    return log(submission, actor, audit_action or action, from_state=from_state, to_state=to_state,
               note=note)


def log(submission, actor, action, *, from_state="", to_state="", note=""):
    """Write one line of the timeline (also for events that do not change the state)."""
    return AuditEvent.objects.create(
        submission=submission,
        actor=actor if actor and actor.is_authenticated else None,
        action=action,
        from_state=from_state,
        to_state=to_state or from_state,
        note=note,
    )


# How long after a draft is started a second "new submission" from its author counts as the same
# form sent again (a double click, a resent request) rather than a new piece of work.
REPEATED_NEW_DRAFT_WINDOW = datetime.timedelta(seconds=30)


def draft_just_started(user):
    """The draft ``user`` started moments ago and has not gone on with (no author, no file yet).

    Locks the user's row first (call it inside a transaction), so that two "new submission"
    requests sent at once are served one after the other and the second finds the first's draft.
    """
    list(get_user_model().objects.select_for_update().filter(pk=user.pk).values_list("pk"))
    return (
        Submission.objects.filter(
            submitter=user, state=State.DRAFT,
            created_at__gte=timezone.now() - REPEATED_NEW_DRAFT_WINDOW,
            authors__isnull=True, files__isnull=True,
        ).order_by("-created_at").first()
    )


def missing_for_submission(submission):
    """What an author still has to provide before a draft can be submitted."""
    missing = []
    if not submission.series_id:
        missing.append(_("a series"))
    if not submission.title.strip():
        missing.append(_("a title"))
    if not submission.abstract.strip():
        missing.append(_("an abstract"))
    authors = list(submission.authors.all())
    if not authors:
        missing.append(_("at least one author"))
    elif sum(a.is_corresponding for a in authors) != 1:
        missing.append(_("exactly one corresponding author"))
    if not submission.competing_interests.strip():
        missing.append(_("a competing-interests statement"))
    if not submission.licence_agreed:
        missing.append(_("your agreement to the licence"))
    kinds = set(submission.files.filter(round_number=1).values_list("kind", flat=True))
    if SubmissionFile.Kind.MANUSCRIPT not in kinds:
        missing.append(_("the manuscript file"))
    if submission.is_double_anonymous and SubmissionFile.Kind.ANONYMISED not in kinds:
        missing.append(_("an anonymised manuscript (this series reviews double-anonymously)"))
    return missing


# Author ---------------------------------------------------------------------------------------

@transaction.atomic
def submit(submission, actor):
    _require_author(actor, submission)
    missing = missing_for_submission(submission)
    if missing:
        raise TransitionError(_("Before submitting, please add: %(list)s.")
                              % {"list": ", ".join(str(m) for m in missing)})
    event = _move(submission, actor, "submit", audit_action="submitted")
    Submission.objects.filter(pk=submission.pk).update(submitted_at=event.created_at)
    submission.submitted_at = event.created_at
    if submission.handling_editor_id is None:
        _set_handling_editor(submission, None, pick_handling_editor(submission.series))
    notifications.queue(submission, "submission_received", [submission.submitter])
    notifications.queue_editors(submission, "submission_received_editors")
    return event


@transaction.atomic
def withdraw(submission, actor, reason=""):
    _require_author(actor, submission)
    event = _move(submission, actor, "withdraw", reason, audit_action="withdrawn")
    open_assignments = ReviewAssignment.objects.filter(
        round__submission=submission, state__in=[AState.INVITED, AState.ACCEPTED]
    )
    reviewers = [a.reviewer for a in open_assignments.select_related("reviewer")]
    open_assignments.update(state=AState.CANCELLED)
    if event.from_state != State.DRAFT:
        notifications.queue_editors(submission, "withdrawn_editors")
        notifications.queue(submission, "assignment_cancelled", reviewers)
    return event


@atomic_with_files()
def submit_revision(submission, actor, *, manuscript, anonymised=None, response_file=None,
                    responses=None, note=""):
    """The author sends a revised manuscript and answers each review of the last round."""
    _require_author(actor, submission)
    current = _locked(submission)
    if current.state not in ACTIONS["submit_revision"].sources:
        raise TransitionError(_("No revision has been requested for this submission."))
    if submission.is_double_anonymous and anonymised is None:
        raise TransitionError(_("This series reviews double-anonymously: please add an "
                                "anonymised manuscript."))
    last_round = submission.rounds.order_by("-number").first()
    reviews = {a.pk: a for a in last_round.assignments.filter(state=AState.SUBMITTED)}
    responses = responses or {}
    unanswered = [pk for pk in reviews if not (responses.get(pk) or "").strip()]
    if unanswered:
        raise TransitionError(_("Please answer every review of the last round."))
    number = last_round.number + 1
    submission_files.store(submission, SubmissionFile.Kind.MANUSCRIPT, manuscript,
                           round_number=number, user=actor)
    if anonymised is not None:
        submission_files.store(submission, SubmissionFile.Kind.ANONYMISED, anonymised,
                               round_number=number, user=actor)
    if response_file is not None:
        submission_files.store(submission, SubmissionFile.Kind.RESPONSE, response_file,
                               round_number=number, user=actor)
    for pk, assignment in reviews.items():
        RevisionResponse.objects.update_or_create(
            assignment=assignment, defaults={"response": responses[pk].strip()}
        )
    _prepare_round(submission, number)
    event = _move(submission, actor, "submit_revision", note, audit_action="revision_submitted")
    Submission.objects.filter(pk=submission.pk).update(revision_due=None)
    notifications.queue(submission, "revision_received", [submission.submitter])
    notifications.queue_editors(submission, "revision_received_editors")
    return event


# Editor: who handles the submission ------------------------------------------------------------

def _set_handling_editor(submission, actor, editor, note=""):
    """Record ``editor`` as the submission's handling editor, on the timeline."""
    if editor is None:
        return None
    Submission.objects.filter(pk=submission.pk).update(handling_editor=editor)
    submission.handling_editor = editor
    name = editor.get_full_name() or editor.get_username()
    text = (_("%(editor)s handles this submission.") % {"editor": name} if actor is not None
            else _("%(editor)s handles this submission (one of the series' handling editors).")
            % {"editor": name})
    return log(submission, actor, "handling_editor_assigned", from_state=submission.state,
               note=f"{text} {note}".strip())


@transaction.atomic
def assign_handling_editor(submission, actor, editor, note=""):
    """A managing editor hands the submission to ``editor`` (a managing editor), who is told."""
    _require_editor(actor)
    current = _locked(submission)
    if current.state not in ACTIONS["assign_handling_editor"].sources:
        raise TransitionError(_("Only a submission still on the editors' desk can be handed to "
                                "another editor."))
    if not can_handle(editor):
        raise TransitionError(_("Only an active managing editor can handle a submission."))
    if current.handling_editor_id == editor.pk:
        raise TransitionError(_("%(editor)s already handles this submission.")
                              % {"editor": editor.get_full_name() or editor.get_username()})
    event = _set_handling_editor(submission, actor, editor, note.strip())
    if editor.pk != actor.pk:  # an editor who takes a submission on needs no word of it
        notifications.queue(submission, "handling_editor_assigned", [editor],
                            assigned_by=actor.get_full_name() or actor.get_username())
    return event


# Editor: screening and rounds -----------------------------------------------------------------

def _prepare_round(submission, number):
    """Open the round record and make its reviewer copy, automatically, from the right file."""
    review_round, _created = ReviewRound.objects.get_or_create(
        submission=submission, number=number
    )
    source_kind = (SubmissionFile.Kind.ANONYMISED if submission.is_double_anonymous
                   else SubmissionFile.Kind.MANUSCRIPT)
    source = submission.files.filter(round_number=number, kind=source_kind).order_by(
        "-version").first()
    if source is None:
        raise TransitionError(_("There is no manuscript for round %(n)s.") % {"n": number})
    with source.file.open("rb") as handle:
        content = handle.read()
    copy = submission_files.CheckedUpload(
        content=anonymise.clean(content, source.content_type),
        content_type=source.content_type,
        original_name=submission_files.neutral_name(number, submission_files.EXTENSIONS[
            source.content_type]),
    )
    stored = submission_files.store(
        submission, SubmissionFile.Kind.REVIEWER_COPY, copy, round_number=number, user=None,
        download_name=copy.original_name,
    )
    _check_identities(stored, copy.content)
    return review_round


# The identity check of files handed across the anonymity line ----------------------------------

def _hidden_identities(submission_file):
    if submission_file.kind == SubmissionFile.Kind.REVIEW_ATTACHMENT:
        return identity_check.hidden_from_authors(submission_file.assignment)
    return identity_check.hidden_from_reviewers(submission_file.submission)


def _check_identities(submission_file, content=None):
    """Search the file for the people it must not name, and keep what was found on it."""
    if content is None:
        with submission_file.file.open("rb") as handle:
            content = handle.read()
    hits = identity_check.find_identities(content, submission_file.content_type,
                                     _hidden_identities(submission_file))
    submission_file.identity_hits = [hit.as_json() for hit in hits]
    submission_file.save(update_fields=["identity_hits"])
    return submission_file


def identity_hits(submission_file):
    """What the identity check found in this file (checked now if it never was)."""
    if submission_file.identity_hits is None:
        _check_identities(submission_file)
    return submission_file.hits


def _refuse_identifying_copy(review_round):
    """The rule of the anonymity line: a copy that still names an author does not go to the
    reviewers, unless a managing editor has overridden the check with a reason."""
    copy = review_round.reviewer_copy
    identity_hits(copy)
    if copy.has_unresolved_hits:
        raise TransitionError(_(
            "The identity check found the authors in the reviewer copy (see its findings on the "
            "submission's page). The round opens only once a managing editor overrides the "
            "check with a reason."))


def _about_to_cross(submission, current_state, submission_file):
    """The file, locked, if it is about to cross the anonymity line: the reviewer copy of the
    round about to open, or a reviewer's annotated file of the open round, which its decision
    sends to the author."""
    submission_file = SubmissionFile.objects.select_for_update().filter(
        pk=submission_file.pk, submission=submission).first()
    if submission_file is None:
        raise TransitionError(_("This file does not belong to this submission."))
    review_round = submission.rounds.order_by("-number").first()
    Kind = SubmissionFile.Kind
    crossing = (
        (submission_file.kind == Kind.REVIEWER_COPY
         and current_state in ACTIONS["check_reviewer_copy"].sources
         and review_round is not None and review_round.reviewer_copy == submission_file)
        or (submission_file.kind == Kind.REVIEW_ATTACHMENT
            and current_state in ACTIONS["decide"].sources
            and submission_file.round_number == review_round.number)
    )
    if not crossing:
        raise TransitionError(_("This file is not about to be sent."))
    return submission_file


@transaction.atomic
def override_identity_hits(submission, actor, submission_file, reason):
    """The managing editor passes a file on despite the check's findings, saying why: a name
    that is a cited author's, a place name that is also a surname."""
    _require_editor(actor)
    current = _locked(submission)
    reason = (reason or "").strip()
    if not reason:
        raise TransitionError(_("Give the reason for passing the file on despite the findings."))
    submission_file = _about_to_cross(submission, current.state, submission_file)
    hits = identity_hits(submission_file)
    if not hits:
        raise TransitionError(_("The identity check found nothing in this file."))
    if submission_file.hits_overridden_at is not None:
        raise TransitionError(_("The check of this file has already been overridden."))
    submission_file.hits_overridden_by = actor
    submission_file.hits_overridden_at = timezone.now()
    submission_file.hits_override_reason = reason
    submission_file.save(update_fields=["hits_overridden_by", "hits_overridden_at",
                                        "hits_override_reason"])
    return log(submission, actor, "identity_hits_overridden", from_state=current.state,
               note=_("%(file)s of round %(n)s passed despite the identity check. Reason: "
                      "%(reason)s") % {"file": submission_file.get_kind_display(),
                                       "n": submission_file.round_number, "reason": reason})


@transaction.atomic
def withhold_attachment(submission, actor, submission_file):
    """The managing editor keeps a reviewer's annotated file from the author (it names its
    reviewer, or says what the review should not); the review's text still goes."""
    _require_editor(actor)
    current = _locked(submission)
    submission_file = _about_to_cross(submission, current.state, submission_file)
    if submission_file.kind != SubmissionFile.Kind.REVIEW_ATTACHMENT:
        raise TransitionError(_("Only a reviewer's annotated file can be withheld."))
    if submission_file.withheld_from_author:
        raise TransitionError(_("This file is already withheld from the author."))
    submission_file.withheld_from_author = True
    submission_file.save(update_fields=["withheld_from_author"])
    return log(submission, actor, "attachment_withheld", from_state=current.state,
               note=_("Annotated file of %(reviewer)s, round %(n)s.") % {
                   "reviewer": submission_file.assignment.reviewer.email,
                   "n": submission_file.round_number})


@atomic_with_files()
def start_screening(submission, actor):
    _require_editor(actor)
    event = _move(submission, actor, "start_screening", audit_action="screening_started")
    _prepare_round(submission, 1)
    return event


@transaction.atomic
def confirm_anonymity(submission, actor):
    """The editor has looked at the reviewer copy and vouches that it names nobody."""
    _require_editor(actor)
    current = _locked(submission)
    if current.state not in ACTIONS["confirm_anonymity"].sources:
        raise TransitionError(_("The anonymity check belongs to a round about to open."))
    review_round = submission.rounds.order_by("-number").first()
    if review_round is None or review_round.reviewer_copy is None:
        raise TransitionError(_("There is no reviewer copy to check yet."))
    _refuse_identifying_copy(review_round)
    review_round.anonymity_confirmed_by = actor
    review_round.anonymity_confirmed_at = timezone.now()
    review_round.save(update_fields=["anonymity_confirmed_by", "anonymity_confirmed_at"])
    return log(submission, actor, "anonymity_confirmed", from_state=current.state,
               note=_("Reviewer copy of round %(n)s checked.") % {"n": review_round.number})


@transaction.atomic
def send_to_review(submission, actor, note=""):
    """Open the next review round: after screening, or on a resubmission."""
    _require_editor(actor)
    review_round = submission.rounds.order_by("-number").first()
    current = _locked(submission)
    if current.state in ACTIONS["send_to_review"].sources:
        if review_round is not None and review_round.reviewer_copy is not None:
            _refuse_identifying_copy(review_round)
        if not _round_checked(submission):
            raise TransitionError(_("Confirm the anonymity check of the reviewer copy first."))
    event = _move(submission, actor, "send_to_review", note, audit_action="sent_to_review")
    review_round.opened_at = event.created_at
    review_round.save(update_fields=["opened_at"])
    notifications.queue(submission, "sent_to_review", [submission.submitter],
                        round_number=review_round.number)
    return event


@transaction.atomic
def desk_reject(submission, actor, letter):
    _require_editor(actor)
    if not (letter or "").strip():
        raise TransitionError(_("A desk rejection needs a letter to the author."))
    event = _move(submission, actor, "desk_reject", audit_action="desk_rejected")
    decision = Decision.objects.create(submission=submission, editor=actor,
                                       outcome=Decision.Outcome.DESK_REJECT, letter=letter.strip())
    notifications.queue(submission, "decision", [submission.submitter], decision_id=decision.pk)
    return event


# Editor: reviewers ----------------------------------------------------------------------------

@transaction.atomic
def invite_reviewer(submission, actor, reviewer, *, response_due, review_due):
    _require_editor(actor)
    current = _locked(submission)
    if current.state not in ACTIONS["invite_reviewer"].sources:
        raise TransitionError(_("Reviewers can be invited only while a round is open."))
    if reviewer.pk == submission.submitter_id or submission.authors.filter(
        email__iexact=reviewer.email
    ).exists():
        raise TransitionError(_("An author cannot review their own submission."))
    today = timezone.localdate()
    if response_due < today or review_due < response_due:
        raise TransitionError(_("The response must be due from today on, and the review no "
                                "earlier than the response."))
    review_round = submission.rounds.order_by("-number").first()
    if review_round.assignments.filter(reviewer=reviewer).exclude(
        state__in=[AState.CANCELLED, AState.DECLINED]
    ).exists():
        raise TransitionError(_("This reviewer is already assigned to this round."))
    assignment = ReviewAssignment.objects.create(
        round=review_round, reviewer=reviewer, invited_by=actor,
        response_due=response_due, review_due=review_due,
    )
    log(submission, actor, "reviewer_invited", from_state=current.state,
        note=_("%(reviewer)s invited to round %(n)s; answer by %(response)s, review by "
               "%(review)s.") % {"reviewer": reviewer.email, "n": review_round.number,
                                 "response": response_due, "review": review_due})
    notifications.queue(submission, "reviewer_invited", [reviewer], assignment_id=assignment.pk)
    return assignment


def _locked_assignment(assignment):
    fresh = ReviewAssignment.objects.select_for_update().select_related(
        "round__submission").get(pk=assignment.pk)
    return fresh


@transaction.atomic
def respond_to_invitation(assignment, *, accept, actor=None):
    """The reviewer's answer, from the signed link (no log-in needed) or from the admin."""
    assignment = _locked_assignment(assignment)
    submission = assignment.round.submission
    if actor is not None and actor.is_authenticated and actor.pk != assignment.reviewer_id:
        raise TransitionNotAllowed(_("This invitation was sent to someone else."))
    if assignment.state != AState.INVITED:
        raise TransitionError(_("This invitation has already been answered or withdrawn."))
    if submission.state != State.IN_REVIEW:
        raise TransitionError(_("This review round is closed."))
    assignment.state = AState.ACCEPTED if accept else AState.DECLINED
    assignment.responded_at = timezone.now()
    assignment.save(update_fields=["state", "responded_at"])
    log(submission, assignment.reviewer, "invitation_accepted" if accept else "invitation_declined",
        from_state=submission.state,
        note=_("%(reviewer)s %(answer)s the invitation.") % {
            "reviewer": assignment.reviewer.email,
            "answer": _("accepted") if accept else _("declined")})
    notifications.queue_editors(submission, "invitation_answered_editors",
                                assignment_id=assignment.pk)
    return assignment


def _open_review(assignment, actor):
    """The assignment, locked, if ``actor`` (or the holder of its link) may write its review."""
    assignment = _locked_assignment(assignment)
    submission = assignment.round.submission
    if actor is not None and actor.is_authenticated and actor.pk != assignment.reviewer_id:
        raise TransitionNotAllowed(_("This review belongs to someone else."))
    if assignment.state != AState.ACCEPTED:
        raise TransitionError(_("Only an accepted, unfinished assignment takes a review."))
    if submission.state != State.IN_REVIEW:
        raise TransitionError(_("This review round is closed."))
    return assignment, submission


def _checked_answers(assignment, answers, draft):
    """The series' review-form questions and the answers as stored (review_forms' rules)."""
    questions = review_forms.questions_for(assignment)
    try:
        return questions, review_forms.validated_answers(questions, answers, draft=draft)
    except ValidationError as error:
        raise TransitionError(" ".join(error.messages)) from None


@transaction.atomic
def save_review_draft(assignment, *, recommendation="", comments_for_authors="",
                      confidential_comments="", answers=None, actor=None):
    """Keep an unfinished review on the assignment, to come back to. Nothing is sent and
    nobody is told; the answers given must still be valid ones."""
    assignment, _submission = _open_review(assignment, actor)
    if recommendation and recommendation not in Recommendation.values:
        raise TransitionError(_("Unknown recommendation."))
    questions, values = _checked_answers(assignment, answers, draft=True)
    assignment.recommendation = recommendation or ""
    assignment.comments_for_authors = (comments_for_authors or "").strip()
    assignment.confidential_comments = (confidential_comments or "").strip()
    assignment.save(update_fields=["recommendation", "comments_for_authors",
                                   "confidential_comments"])
    review_forms.store_answers(assignment, questions, values)
    return assignment


@atomic_with_files()
def submit_review(assignment, *, recommendation, comments_for_authors, confidential_comments="",
                  attachment=None, actor=None, answers=None):
    assignment, submission = _open_review(assignment, actor)
    if recommendation not in Recommendation.values:
        raise TransitionError(_("Unknown recommendation."))
    if not (comments_for_authors or "").strip():
        raise TransitionError(_("Please write your comments for the authors."))
    questions, values = _checked_answers(assignment, answers, draft=False)
    if attachment is not None:
        # The author receives this file: strip whatever names its reviewer, as for manuscripts,
        # then check it (the editor sees the findings before the decision releases it).
        attachment = submission_files.CheckedUpload(
            anonymise.clean(attachment.content, attachment.content_type, keep_comments=True),
            attachment.content_type, attachment.original_name)
        stored = submission_files.store(
            submission, SubmissionFile.Kind.REVIEW_ATTACHMENT, attachment,
            round_number=assignment.round.number, user=assignment.reviewer, assignment=assignment,
            download_name=f"review-round-{assignment.round.number}-{assignment.pk}."
                          f"{attachment.extension}",
        )
        _check_identities(stored, attachment.content)
    assignment.state = AState.SUBMITTED
    assignment.recommendation = recommendation
    assignment.comments_for_authors = comments_for_authors.strip()
    assignment.confidential_comments = (confidential_comments or "").strip()
    assignment.submitted_at = timezone.now()
    assignment.save()
    review_forms.store_answers(assignment, questions, values)
    log(submission, assignment.reviewer, "review_submitted", from_state=submission.state,
        note=_("%(reviewer)s recommends: %(rec)s.") % {
            "reviewer": assignment.reviewer.email,
            "rec": assignment.get_recommendation_display()})
    notifications.queue_editors(submission, "review_submitted_editors",
                                assignment_id=assignment.pk)
    return assignment


@transaction.atomic
def cancel_assignment(assignment, actor, note=""):
    _require_editor(actor)
    assignment = _locked_assignment(assignment)
    if assignment.state not in (AState.INVITED, AState.ACCEPTED):
        raise TransitionError(_("Only an open assignment can be cancelled."))
    assignment.state = AState.CANCELLED
    assignment.save(update_fields=["state"])
    submission = assignment.round.submission
    log(submission, actor, "assignment_cancelled", from_state=submission.state,
        note=note or _("Assignment of %(reviewer)s cancelled.")
        % {"reviewer": assignment.reviewer.email})
    notifications.queue(submission, "assignment_cancelled", [assignment.reviewer])
    return assignment


def move_assignment(assignment, state, **fields):
    """Set a locked assignment's state (and the fields that go with it): for the desk's changes
    to assignments (publications.review.assignments), which check ACTIONS as the transitions
    here do. States are set in this module only."""
    assignment.state = state
    for name, value in fields.items():
        setattr(assignment, name, value)
    assignment.save(update_fields=["state", *fields])
    return assignment


def _record_superseded(superseded, **reminder):
    """Rules that came due with the one just sent: one e-mail covers them, and each is recorded
    once, so that none of them sends a stale reminder later."""
    for rule in superseded:
        SentReminder.objects.create(rule=rule, **reminder)


@transaction.atomic
def remind_reviewer(assignment, actor=None, rule=None, superseded=()):
    """A reminder to a reviewer; by an editor's hand, or by ``send_reminders`` under a rule
    (``superseded``: other rules due at the same time, which this reminder stands for)."""
    if rule is None:
        _require_editor(actor)
    assignment = _locked_assignment(assignment)
    due = assignment.due_date()
    if due is None:
        raise TransitionError(_("Only an open assignment can be reminded."))
    submission = assignment.round.submission
    SentReminder.objects.create(rule=rule, assignment=assignment, submission=submission,
                                due_date=due, sent_by=actor)
    _record_superseded(superseded, assignment=assignment, submission=submission, due_date=due,
                       sent_by=actor)
    log(submission, actor, "reminder_sent", from_state=submission.state,
        note=_("Reminder to %(reviewer)s (due %(due)s)%(rule)s.") % {
            "reviewer": assignment.reviewer.email, "due": due,
            "rule": f" · {rule}" if rule else ""})
    notifications.queue(submission, "reminder", [assignment.reviewer], assignment_id=assignment.pk)


@transaction.atomic
def remind_author(submission, actor=None, rule=None, superseded=()):
    if rule is None:
        _require_editor(actor)
    current = _locked(submission)
    if current.state not in ACTIONS["remind_author"].sources or not current.revision_due:
        raise TransitionError(_("No revision is due from the author."))
    SentReminder.objects.create(rule=rule, submission=submission, due_date=current.revision_due,
                                sent_by=actor)
    _record_superseded(superseded, submission=submission, due_date=current.revision_due,
                       sent_by=actor)
    log(submission, actor, "reminder_sent", from_state=current.state,
        note=_("Revision reminder to the author (due %(due)s).") % {"due": current.revision_due})
    notifications.queue(submission, "revision_reminder", [submission.submitter])


# Editor: decisions ----------------------------------------------------------------------------

def _lapse_open_assignments(submission, actor, review_round, state):
    """Cancel what is still open in a decided round, on the record and with a word to each
    reviewer, as an editor's cancellation would: nobody should work on a review that is no
    longer wanted, or find it gone without being told."""
    lapsed = list(review_round.assignments.filter(state__in=[AState.INVITED, AState.ACCEPTED])
                  .select_related("reviewer"))
    for assignment in lapsed:
        assignment.state = AState.CANCELLED
        assignment.save(update_fields=["state"])
        log(submission, actor, "assignment_cancelled", from_state=state,
            note=_("Assignment of %(reviewer)s cancelled: the round is decided.")
            % {"reviewer": assignment.reviewer.email})
    notifications.queue(submission, "assignment_cancelled", [a.reviewer for a in lapsed])
    return lapsed


def attachments_held_back(submission):
    """Reviewers' annotated files that the next decision would hand to the author while the
    identity check's findings in them stand: the decision waits for them."""
    review_round, _reviewed_round = pending_decision_rounds(submission)
    if review_round is None:
        return []
    attachments = SubmissionFile.objects.filter(
        kind=SubmissionFile.Kind.REVIEW_ATTACHMENT, assignment__round=review_round,
        assignment__state=AState.SUBMITTED).select_related("assignment__round__submission")
    return [f for f in attachments
            if not f.withheld_from_author and identity_hits(f) and f.has_unresolved_hits]


@transaction.atomic
def record_decision(submission, actor, *, outcome, letter, revision_due=None):
    """Close the round with a decision; the letter goes to the author with the reviews.

    From ``in_review`` it closes the open round. From ``resubmitted`` it is the decision without
    another round (see ``decisions.reviewed_round``).
    """
    _require_editor(actor)
    kind = DECISION_KINDS.get(outcome)
    if kind is None or not kind.closes_round:
        raise TransitionError(_("Unknown decision."))
    if not (letter or "").strip():
        raise TransitionError(_("A decision needs a letter to the author."))
    target = kind.target
    if kind.asks_for_revision and revision_due is None:
        raise TransitionError(_("Set the date by which the revision is due."))
    if revision_due is not None and revision_due < timezone.localdate():
        raise TransitionError(_("The revision cannot be due in the past."))
    from_state = _locked(submission).state
    review_round, reviewed_round = pending_decision_rounds(submission)
    if attachments_held_back(submission):
        raise TransitionError(_(
            "The identity check found its reviewer in an annotated file of this round (see its "
            "findings on the submission's page). The decision goes to the author only once a "
            "managing editor withholds the file or overrides the check with a reason."))
    note = ""
    if from_state == State.RESUBMITTED and reviewed_round is not None:
        note = _("Decided without another round, on the reviews of round %(n)s.") % {
            "n": reviewed_round.number}
    action = "decide_without_round" if from_state == State.RESUBMITTED else "decide"
    event = _move(submission, actor, action, note, to_state=target,
                  audit_action=f"decision_{outcome}")
    decision = Decision.objects.create(submission=submission, round=review_round, editor=actor,
                                       outcome=outcome, letter=letter.strip())
    # The round is over: invitations and reviews still open lapse.
    _lapse_open_assignments(submission, actor, review_round, target)
    if target == State.REVISIONS_REQUESTED:
        Submission.objects.filter(pk=submission.pk).update(revision_due=revision_due)
        submission.revision_due = revision_due
    notifications.queue(submission, "decision", [submission.submitter], decision_id=decision.pk)
    # Reviewers hear the outcome of the reviews they wrote, in a later round's decision too.
    reviewers = [a.reviewer for a in reviewed_round.assignments.filter(
        state=AState.SUBMITTED).select_related("reviewer")] if reviewed_round else []
    notifications.queue(submission, "decision_reviewer", reviewers, decision_id=decision.pk)
    return event


# Production (wired to the publication page builder at merge time) ------------------------------

@transaction.atomic
def start_production(submission, actor, page):
    _require_editor(actor)
    event = _move(submission, actor, "start_production", str(page) if page else "",
                  audit_action="production_started")
    Submission.objects.filter(pk=submission.pk).update(publication_page=page)
    submission.publication_page = page
    # The hand-off: the site's editors prepare the draft page and submit it for moderation.
    if page is not None:
        notifications.queue_page_editors(
            submission, "production_started_editors",
            page_url=notifications.absolute(reverse("wagtailadmin_pages:edit", args=[page.pk])),
        )
    return event


@transaction.atomic
def mark_published(submission, actor=None):
    if actor is not None:
        _require_editor(actor)
    event = _move(submission, actor, "mark_published", audit_action="published")
    notifications.queue(submission, "published", [submission.submitter])
    return event


# What each side should do next (shown on dashboards) ---------------------------------------------

def author_next_step(submission):
    """A sentence telling the author what, if anything, is expected of them now."""
    messages = {
        State.DRAFT: _("Complete the form and submit when you are ready."),
        State.SUBMITTED: _("Nothing for now: the editors will screen your submission."),
        State.SCREENING: _("Nothing for now: the editors are screening your submission."),
        State.IN_REVIEW: _("Nothing for now: your work is with the reviewers."),
        State.REVISIONS_REQUESTED: _("Read the decision and upload your revision."),
        State.RESUBMITTED: _("Nothing for now: the editors are looking at your revision."),
        State.ACCEPTED: _("Accepted: the editors will prepare it for publication."),
        State.IN_PRODUCTION: _("In production: the editors may ask you to check the proofs."),
        State.PUBLISHED: _("Published."),
        State.REJECTED: _("Closed: read the decision letter."),
        State.WITHDRAWN: _("Withdrawn."),
    }
    return messages[submission.state]


def editor_next_step(submission):
    """A sentence naming who acts next on the submission, for the managing editors' page."""
    def name(user):
        return user.get_full_name() or user.email if user is not None else _("the author")

    if submission.state == State.IN_REVIEW:
        waiting = [
            name(assignment.reviewer)
            for assignment in ReviewAssignment.objects.filter(
                round__submission=submission, state__in=[AState.INVITED, AState.ACCEPTED]
            ).select_related("reviewer").order_by("pk")
        ]
        if waiting:
            return _("Next: the reviewers %(reviewers)s answer and review; then a managing "
                     "editor records a decision.") % {"reviewers": ", ".join(waiting)}
        return _("Next: a managing editor invites reviewers or records a decision.")
    if submission.state == State.IN_PRODUCTION and submission.publication_page_id:
        # The publication page's own moderation workflow says who acts on it.
        from .dashboard import page_next_step

        return page_next_step(submission.publication_page)
    messages = {
        State.DRAFT: _("Next: the author completes the submission and submits it."),
        State.SUBMITTED: _("Next: a managing editor starts screening."),
        State.SCREENING: _("Next: a managing editor checks the reviewer copy and sends the "
                           "submission to review, or rejects it without review."),
        State.REVISIONS_REQUESTED: _("Next: %(author)s uploads a revision.") % {
            "author": name(submission.submitter)},
        State.RESUBMITTED: _("Next: a managing editor opens a new review round or records a "
                             "decision."),
        State.ACCEPTED: _("Next: a managing editor creates the publication page."),
        State.IN_PRODUCTION: _("Next: a managing editor creates the publication page."),
    }
    return messages.get(submission.state, _("Nobody: this submission is closed."))


def answered_reviews_for_reviewer(assignment):
    """The previous round's reviews and the author's answer to each, for a later round's reviewer.

    A reviewer of round n+1 judges whether the revision meets round n's points, so they read
    them and how the author answered them, once they have accepted (as for the manuscript).
    The reviews come under their "Reviewer n" label unless the series reviews openly, and nothing
    here names the author: the answers are the author's own text, as the manuscript is.
    """
    if assignment.state not in (AState.ACCEPTED, AState.SUBMITTED):
        return []
    previous = ReviewRound.objects.filter(submission_id=assignment.round.submission_id,
                                          number=assignment.round.number - 1).first()
    if previous is None:
        return []
    return [review for review in reviews_of(previous) if hasattr(review, "author_response")]
