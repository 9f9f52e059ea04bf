"""Signed, expiring links for reviewers: each opens one assignment and nothing else."""

from django.conf import settings
from django.core import signing

SALT = "publications.review-assignment"
# How long an invitation link works (seconds); the review due date is usually well inside it.
DEFAULT_MAX_AGE = 60 * 60 * 24 * 60


def max_age():
    return getattr(settings, "REVIEW_LINK_MAX_AGE", DEFAULT_MAX_AGE)


def make_assignment_token(assignment):
    return signing.TimestampSigner(salt=SALT).sign_object(
        {"a": assignment.pk, "r": assignment.reviewer_id}
    )


def read_assignment_token(token):
    """The assignment a token opens, or None when it is forged, altered or expired."""
    from publications.models import ReviewAssignment

    try:
        data = signing.TimestampSigner(salt=SALT).unsign_object(token, max_age=max_age())
    except signing.BadSignature:  # SignatureExpired is a BadSignature too
        return None
    return (
        ReviewAssignment.objects.select_related("round__submission__series", "reviewer")
        .filter(pk=data.get("a"), reviewer_id=data.get("r"))
        .first()
    )
