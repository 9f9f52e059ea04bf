from publications.review.models.editors import SeriesHandlingEditor
from publications.review.models.review_forms import (
    ReviewAnswer,
    ReviewQuestion,
    SeriesReviewForm,
)
from publications.review.models.reviewers import (
    AssignmentChange,
    ReviewerPreference,
    ReviewerRecord,
    ReviewRating,
)
from publications.review.models.reviews import (
    Decision,
    Recommendation,
    ReminderRule,
    ReviewAssignment,
    ReviewRound,
    RevisionResponse,
    SentReminder,
)
from publications.review.models.submissions import (
    AuditEvent,
    Profile,
    Submission,
    SubmissionAuthor,
    SubmissionFile,
)

from .deposits import CrossrefDeposit
from .pages import (
    PublicationContributor,
    PublicationIndexPage,
    PublicationPage,
    SeriesIndexPage,
)
from .records import WithdrawnWork
from .series import Series, SeriesEditor

__all__ = [
    "AssignmentChange",
    "ReviewerPreference",
    "ReviewerRecord",
    "ReviewRating",
    "CrossrefDeposit",
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
    "Series",
    "SeriesEditor",
    "SeriesHandlingEditor",
    "SeriesReviewForm",
    "Submission",
    "SubmissionAuthor",
    "SubmissionFile",
    "PublicationContributor",
    "PublicationIndexPage",
    "PublicationPage",
    "SeriesIndexPage",
    "WithdrawnWork",
]
