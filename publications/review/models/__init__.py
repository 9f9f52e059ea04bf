"""The peer-review pipeline's models. Their app label stays ``publications``: Django finds them
through ``publications.models``, which imports this package, so no migration moved any data."""

from .editors import SeriesHandlingEditor
from .review_forms import ReviewAnswer, ReviewQuestion, SeriesReviewForm
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
    "ReviewAnswer",
    "ReviewQuestion",
    "RevisionResponse",
    "SentReminder",
    "SeriesHandlingEditor",
    "SeriesReviewForm",
    "Submission",
    "SubmissionAuthor",
    "SubmissionFile",
]
