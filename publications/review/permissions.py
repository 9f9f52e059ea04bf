"""Who may see and do what with a submission. Checked per object, never by group alone."""

from publications.models import ReviewAssignment, SubmissionFile

MANAGING_EDITORS = "Managing Editors"
REVIEWERS = "Reviewers"
AUTHORS = "Authors"


def _in_group(user, name):
    if not (user and user.is_authenticated and user.is_active):
        return False
    cache = getattr(user, "_jcmi_groups", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True))
        user._jcmi_groups = cache
    return name in cache


def is_managing_editor(user):
    return bool(user and user.is_authenticated and user.is_active and user.is_superuser) or (
        _in_group(user, MANAGING_EDITORS)
    )


def is_reviewer(user):
    return _in_group(user, REVIEWERS)


def is_author_of(user, submission):
    return bool(user and user.is_authenticated and user.is_active
                and submission.submitter_id == user.pk)


def reviewer_assignment_for_round(user, submission, round_number):
    """The assignment through which ``user`` may read this round's reviewer copy, if any."""
    if not (user and user.is_authenticated and user.is_active):
        return None
    return ReviewAssignment.objects.filter(
        reviewer=user,
        round__submission=submission,
        round__number=round_number,
        state__in=[ReviewAssignment.State.ACCEPTED, ReviewAssignment.State.SUBMITTED],
    ).first()


def can_download(user, submission_file, assignment=None):
    """May this person (or the holder of this assignment's link) have this file?

    ``assignment`` is set when the request comes through a reviewer's signed link; it then
    stands for the reviewer, and only for that one assignment.
    """
    Kind = SubmissionFile.Kind
    submission = submission_file.submission
    if assignment is None and is_managing_editor(user):
        return True
    if assignment is None and is_author_of(user, submission):
        if submission_file.kind == Kind.REVIEW_ATTACHMENT:
            # Authors get a reviewer's annotated file with the decision of its round, unless the
            # editor withheld it.
            return (not submission_file.withheld_from_author
                    and submission_file.assignment.round.decisions.exists())
        return True
    if assignment is None:
        # A logged-in reviewer, through their own assignment for that round.
        assignment = reviewer_assignment_for_round(user, submission, submission_file.round_number)
    if assignment is not None:
        allowed_states = (ReviewAssignment.State.ACCEPTED, ReviewAssignment.State.SUBMITTED)
        if assignment.state not in allowed_states:
            return False
        if assignment.round.submission_id != submission.pk:
            return False
        if submission_file.kind == Kind.REVIEWER_COPY:
            return submission_file.round_number == assignment.round.number
        return submission_file.kind == Kind.REVIEW_ATTACHMENT and (
            submission_file.assignment_id == assignment.pk
        )
    return False
