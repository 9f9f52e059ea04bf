"""Submissions: the private side of publishing, from an author's draft to an accepted work.

A Submission is not a page. Its ``state`` is only ever changed by ``publications.review.workflow``;
everything here is data and read-only helpers.
"""

import re

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cms import storage as cms_storage


def private_storage():
    # A callable, so migrations record a reference rather than the storage's settings. The lazy
    # storage it returns follows settings.STORAGES["private"], even when it changes at run time.
    return cms_storage.private_storage


def submission_file_path(instance, filename):
    # Neutral, unguessable layout: nothing in the stored name identifies the author.
    return f"submissions/{instance.submission_id}/round-{instance.round_number}/{filename}"


class Profile(models.Model):
    """What the portal knows about a person beyond Django's user: the language they read in."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jcmi_profile"
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    affiliation = models.CharField(_("affiliation"), max_length=255, blank=True)
    orcid = models.CharField(_("ORCID iD"), max_length=19, blank=True)
    email_verified = models.BooleanField(_("e-mail verified"), default=False)

    class Meta:
        verbose_name = _("profile")

    def __str__(self):
        return str(self.user)


class Submission(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        SCREENING = "screening", _("Screening")
        IN_REVIEW = "in_review", _("In review")
        REVISIONS_REQUESTED = "revisions_requested", _("Revisions requested")
        RESUBMITTED = "resubmitted", _("Resubmitted")
        ACCEPTED = "accepted", _("Accepted")
        IN_PRODUCTION = "in_production", _("In production")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    series = models.ForeignKey(
        "publications.Series", on_delete=models.PROTECT, related_name="submissions",
        verbose_name=_("series"), null=True, blank=True,
    )
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="submissions",
        verbose_name=_("submitter"),
    )
    # "title" alone is also a person's honorific (home.Person), which Arabic words differently.
    # 255: the longest title a publication page (and its PDF document) can take.
    title = models.CharField(pgettext_lazy("title of a work", "title"), max_length=255)
    # The text fields' limits are on the model, so that every form made from it (the portal's
    # wizard, any admin form) enforces them and renders ``maxlength``; a limit set on a form
    # field after the form is built is not validated (PITFALLS.md).
    abstract = models.TextField(_("abstract"), max_length=5000, blank=True)
    keywords = models.CharField(
        _("keywords"), max_length=500, blank=True, help_text=_("Separate keywords with commas.")
    )
    topics = models.ManyToManyField(
        "home.TopicPage", blank=True, related_name="submissions", verbose_name=_("topics")
    )
    cover_letter = models.TextField(_("cover letter"), max_length=10000, blank=True)
    competing_interests = models.TextField(_("competing interests"), max_length=5000, blank=True)
    licence_agreed = models.BooleanField(_("licence agreed"), default=False)
    state = models.CharField(
        _("state"), max_length=24, choices=State.choices, default=State.DRAFT, editable=False
    )
    revision_due = models.DateField(_("revisions due"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The managing editor who looks after this submission and receives its notices: one of the
    # series' handling editors when it is submitted, or whom a managing editor hands it to.
    # Only the state machine sets it (workflow.assign_handling_editor).
    handling_editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="handled_submissions", verbose_name=_("handling editor"), editable=False,
    )
    # Set when production starts: the PublicationPage draft made from this submission.
    publication_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-updated_at"]

    def __str__(self):
        return self.title

    @property
    def anonymity(self):
        from publications.models.series import Series

        return self.series.review_anonymity if self.series_id else Series.Anonymity.DOUBLE

    @property
    def is_double_anonymous(self):
        from publications.models.series import Series

        return self.anonymity == Series.Anonymity.DOUBLE

    @property
    def keyword_list(self):
        """Authors separate keywords with commas or semicolons (the page shows "; ")."""
        return [k.strip() for k in re.split(r"[,;]", self.keywords) if k.strip()]


class SubmissionAuthor(models.Model):
    """One author of a submission, in the order they are credited."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="authors")
    sort_order = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    affiliation = models.CharField(_("affiliation"), max_length=255, blank=True)
    orcid = models.CharField(_("ORCID iD"), max_length=19, blank=True)
    is_corresponding = models.BooleanField(_("corresponding author"), default=False)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("author")

    def __str__(self):
        return self.name


class SubmissionFile(models.Model):
    """A stored file of a submission, versioned per review round; lives in private storage."""

    class Kind(models.TextChoices):
        MANUSCRIPT = "manuscript", _("Manuscript")
        ANONYMISED = "anonymised", _("Anonymised manuscript")
        REVIEWER_COPY = "reviewer_copy", _("Reviewer copy (metadata stripped)")
        SUPPLEMENTARY = "supplementary", _("Supplementary file")
        RESPONSE = "response", _("Response to reviewers")
        REVIEW_ATTACHMENT = "review_attachment", _("Reviewer's annotated file")

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="files")
    round_number = models.PositiveSmallIntegerField(default=1)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    version = models.PositiveSmallIntegerField(default=1)
    file = models.FileField(
        storage=private_storage, upload_to=submission_file_path, max_length=255
    )
    original_name = models.CharField(max_length=255)
    download_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)
    # The review this file belongs to, for a reviewer's annotated file.
    assignment = models.ForeignKey(
        "publications.ReviewAssignment", null=True, blank=True, on_delete=models.CASCADE,
        related_name="attachments",
    )
    # What the identity check (publications.review.anonymise) found in a file handed across the
    # anonymity line, a reviewer copy or a reviewer's annotated file: a list of hits, [] for
    # none, null until checked.
    identity_hits = models.JSONField(null=True, blank=True, editable=False)
    # A managing editor may pass the file on despite its hits; who, when and why (also written
    # to the timeline).
    hits_overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hits_overridden_at = models.DateTimeField(null=True, blank=True, editable=False)
    hits_override_reason = models.TextField(blank=True, editable=False)
    # A reviewer's annotated file the managing editor chose not to send to the author.
    withheld_from_author = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["round_number", "kind", "version"]

    def __str__(self):
        return f"{self.get_kind_display()} r{self.round_number} v{self.version}"

    @property
    def hits(self):
        from publications.review.identity_check import hits_from_json

        return hits_from_json(self.identity_hits)

    @property
    def has_unresolved_hits(self):
        return bool(self.identity_hits) and self.hits_overridden_at is None


class AuditEvent(models.Model):
    """One line of a submission's timeline: who did what, when, and what state it moved between."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=40)
    from_state = models.CharField(max_length=24, blank=True)
    to_state = models.CharField(max_length=24, blank=True)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    # What the timeline says for each action the state machine and the notifications record.
    ACTION_LABELS = {
        "draft_created": _("Draft started"),
        "submitted": _("Submitted for review"),
        "withdrawn": _("Withdrawn by the author"),
        "screening_started": _("Screening started"),
        "anonymity_confirmed": _("Anonymity of the reviewer copy confirmed"),
        "identity_hits_overridden": _("Identity check overridden"),
        "attachment_withheld": _("Annotated file withheld from the author"),
        "sent_to_review": _("Sent to review"),
        "desk_rejected": _("Rejected without review"),
        "reviewer_invited": _("Reviewer invited"),
        "invitation_accepted": _("Invitation accepted"),
        "invitation_declined": _("Invitation declined"),
        "review_submitted": _("Review submitted"),
        "assignment_cancelled": _("Review assignment cancelled"),
        "due_dates_changed": _("Review due dates changed"),
        "review_reopened": _("Review reopened"),
        "decline_reason": _("Reason for declining given"),
        "reminder_sent": _("Reminder sent"),
        "decision_accept": _("Decision: accept"),
        "decision_minor": _("Decision: minor revisions"),
        "decision_major": _("Decision: major revisions"),
        "decision_reject": _("Decision: reject"),
        "revision_submitted": _("Revision submitted"),
        "production_started": _("Publication page created"),
        "published": _("Published"),
        "email_sent": _("E-mail sent"),
        "handling_editor_assigned": _("Handling editor assigned"),
    }

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.action} ({self.from_state} → {self.to_state})"

    @property
    def action_label(self):
        return self.ACTION_LABELS.get(self.action, self.action)

    @staticmethod
    def _state_label(state):
        return Submission.State(state).label if state in Submission.State.values else state

    @property
    def from_state_label(self):
        return self._state_label(self.from_state)

    @property
    def to_state_label(self):
        return self._state_label(self.to_state)

