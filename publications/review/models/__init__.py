"""The peer-review pipeline's models. Their app label stays ``publications``: Django finds them
through ``publications.models``, which imports this package, so no migration moved any data."""

from .reviewers import AssignmentChange, ReviewerPreference, ReviewerRecord, ReviewRating
from .reviews import (
    Decision,
    Recommendation,
    ReminderRule,
    ReviewAssignment,
    ReviewRound,
    RevisionResponse,
    SentReminder,
)
from .submissions import AuditEvent, Profile, Submission, SubmissionAuthor, SubmissionFile

__all__ = [
    "AssignmentChange",
    "ReviewerPreference",
    "ReviewerRecord",
    "ReviewRating",
    "AuditEvent",
    "Decision",
    "Profile",
    "Recommendation",
    "ReminderRule",
    "ReviewAssignment",
    "ReviewRound",
    "RevisionResponse",
    "SentReminder",
    "Submission",
    "SubmissionAuthor",
    "SubmissionFile",
]
