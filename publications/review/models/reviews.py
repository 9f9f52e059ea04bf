"""Review rounds, reviewer assignments, editors' decisions, and the reminder rules."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .submissions import Submission


class Recommendation(models.TextChoices):
    ACCEPT = "accept", _("Accept")
    MINOR = "minor", _("Minor revisions")
    MAJOR = "major", _("Major revisions")
    REJECT = "reject", _("Reject")


class ReviewRound(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField()
    opened_at = models.DateTimeField(null=True, blank=True)
    # The editor's confirmation that the reviewer copy names nobody, required before opening.
    anonymity_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    anonymity_confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "number"], name="unique_round_number")
        ]

    def __str__(self):
        return _("Round %(number)s") % {"number": self.number}

    @property
    def reviewer_copy(self):
        return (
            self.submission.files.filter(
                round_number=self.number, kind="reviewer_copy"
            ).order_by("-version").first()
        )


class ReviewAssignment(models.Model):
    class State(models.TextChoices):
        INVITED = "invited", _("Invited")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        SUBMITTED = "submitted", _("Review submitted")
        CANCELLED = "cancelled", _("Cancelled")

    round = models.ForeignKey(ReviewRound, on_delete=models.CASCADE, related_name="assignments")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="review_assignments"
    )
    state = models.CharField(max_length=12, choices=State.choices, default=State.INVITED)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    invited_at = models.DateTimeField(default=timezone.now)
    response_due = models.DateField(_("response due"))
    review_due = models.DateField(_("review due"))
    responded_at = models.DateTimeField(null=True, blank=True)
    recommendation = models.CharField(
        _("recommendation"), max_length=10, choices=Recommendation.choices, blank=True
    )
    comments_for_authors = models.TextField(_("comments for the authors"), blank=True)
    confidential_comments = models.TextField(_("confidential comments for the editor"), blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["round__number", "invited_at", "pk"]

    def __str__(self):
        return f"{self.reviewer} · {self.round.submission}"

    @property
    def submission(self):
        return self.round.submission

    @property
    def attachments_for_author(self):
        """The annotated files the author receives: all but those the editor withheld (read from
        the prefetched attachments when there are)."""
        return [f for f in self.attachments.all() if not f.withheld_from_author]

    def due_date(self):
        if self.state == self.State.INVITED:
            return self.response_due
        if self.state == self.State.ACCEPTED:
            return self.review_due
        return None

    def is_overdue(self, today=None):
        due = self.due_date()
        return bool(due and due < (today or timezone.localdate()))

    @property
    def reviewer_label(self):
        """How authors see this reviewer: "Reviewer n" (decisions.reviewer_numbers, the same
        number in every round), unless the series reviews openly."""
        from publications.models.series import Series

        if self.submission.anonymity == Series.Anonymity.OPEN:
            return self.reviewer.get_full_name() or self.reviewer.get_username()
        number = getattr(self, "label_number", None)
        if number is None:
            from publications.review.decisions import reviewer_numbers

            numbers = reviewer_numbers(self.round.submission_id)
            number = numbers.get(self.reviewer_id, len(numbers) + 1)
        return _("Reviewer %(number)s") % {"number": number}


class Decision(models.Model):
    class Outcome(models.TextChoices):
        ACCEPT = "accept", _("Accept")
        MINOR = "minor", _("Minor revisions")
        MAJOR = "major", _("Major revisions")
        REJECT = "reject", _("Reject")
        DESK_REJECT = "desk_reject", _("Desk rejection")

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="decisions")
    round = models.ForeignKey(
        ReviewRound, null=True, blank=True, on_delete=models.CASCADE, related_name="decisions"
    )
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome = models.CharField(max_length=12, choices=Outcome.choices)
    letter = models.TextField(_("decision letter"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.get_outcome_display()


class RevisionResponse(models.Model):
    """The author's answer to one review, sent with a revision."""

    assignment = models.OneToOneField(
        ReviewAssignment, on_delete=models.CASCADE, related_name="author_response"
    )
    response = models.TextField(_("response"))
    created_at = models.DateTimeField(default=timezone.now)


class ReminderRule(models.Model):
    """When ``send_reminders`` nudges someone; editors change these in the admin."""

    class Target(models.TextChoices):
        RESPONSE_DUE = "response_due", _("Reviewer has not answered the invitation")
        REVIEW_DUE = "review_due", _("Reviewer has not submitted the review")
        REVISION_DUE = "revision_due", _("Author has not sent the requested revision")

    name = models.CharField(_("name"), max_length=100)
    target = models.CharField(_("applies to"), max_length=20, choices=Target.choices)
    days_offset = models.SmallIntegerField(
        _("days from the due date"),
        help_text=_("Negative: that many days before the due date; positive: after it."),
    )
    active = models.BooleanField(_("active"), default=True)

    panels = [FieldPanel("name"), FieldPanel("target"), FieldPanel("days_offset"),
              FieldPanel("active")]

    class Meta:
        ordering = ["target", "days_offset"]
        verbose_name = _("reminder rule")
        verbose_name_plural = _("reminder rules")

    def __str__(self):
        return self.name


class SentReminder(models.Model):
    """A reminder that went out, so that each rule fires once per assignment or revision."""

    rule = models.ForeignKey(
        ReminderRule, null=True, blank=True, on_delete=models.SET_NULL, related_name="sent"
    )
    assignment = models.ForeignKey(
        ReviewAssignment, null=True, blank=True, on_delete=models.CASCADE, related_name="reminders"
    )
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="reminders")
    # The due date it was about: a new revision request is a new due date, so a new reminder.
    due_date = models.DateField()
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["sent_at"]
