"""The managing editor's reviewer database and what the desk records about each assignment.

A reviewer is a user in the Reviewers group; ``ReviewerRecord`` is what the desk knows about them
beyond the account (expertise, languages, availability, consent to be thanked). The editors'
rating of a review, the changes made to an assignment and the authors' wishes about reviewers
are kept beside the assignment and the submission, never on them, so that nothing a reviewer or
an author can open carries them.
"""

import re

from django.conf import settings
from django.conf.global_settings import LANGUAGES as ALL_LANGUAGES
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .reviews import ReviewAssignment
from .submissions import Submission

# The languages a reviewer can read a manuscript in: the site's own first, then every language
# Django knows, by code.
_SITE_CODES = [code for code, _name in settings.LANGUAGES]
REVIEW_LANGUAGES = [(code, name) for code, name in settings.LANGUAGES] + [
    (code, name) for code, name in ALL_LANGUAGES if code not in _SITE_CODES and "-" not in code
]


def split_keywords(text):
    """Keywords as people type them: commas or semicolons between."""
    return [k.strip() for k in re.split(r"[,;]", text or "") if k.strip()]


class ReviewerRecord(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviewer_record"
    )
    topics = models.ManyToManyField(
        "home.TopicPage", blank=True, related_name="+", verbose_name=_("areas of expertise")
    )
    keywords = models.CharField(
        _("expertise keywords"), max_length=500, blank=True,
        help_text=_("Separate keywords with commas."),
    )
    # Language codes, comma-separated: a portable column (SQLite has no arrays).
    languages = models.CharField(_("languages"), max_length=200, blank=True)
    availability_note = models.CharField(_("availability"), max_length=500, blank=True)
    not_before = models.DateField(
        _("not available before"), null=True, blank=True,
        help_text=_("Leave empty if the reviewer can be invited now."),
    )
    # The reviewer's own choice (see "My reviews"); editors cannot set it for them.
    thank_publicly = models.BooleanField(
        _("thank me by name in the yearly list of reviewers"), default=False
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("reviewer record")

    def __str__(self):
        return str(self.user)

    @property
    def keyword_list(self):
        return split_keywords(self.keywords)

    @property
    def language_list(self):
        return [code for code in self.languages.split(",") if code]

    def language_names(self):
        names = dict(REVIEW_LANGUAGES)
        return [str(names.get(code, code)) for code in self.language_list]

    def is_available(self, today=None):
        return self.not_before is None or self.not_before <= (today or timezone.localdate())


class ReviewRating(models.Model):
    """An editor's private rating of one completed review; reviewers never see it."""

    assignment = models.OneToOneField(
        ReviewAssignment, on_delete=models.CASCADE, related_name="editor_rating"
    )
    score = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("1 (poor) to 5 (excellent)"),
    )
    note = models.CharField(_("private note"), max_length=1000, blank=True)
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    rated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("review rating")


class AssignmentChange(models.Model):
    """Something done to an assignment after the invitation: a new due date, a reopened review,
    a decline with its reason, a cancellation with its reason. The timeline says it in words;
    this keeps it in fields."""

    class Kind(models.TextChoices):
        DUE_CHANGED = "due_changed", _("Due dates changed")
        REOPENED = "reopened", _("Review reopened")
        DECLINED = "declined", _("Invitation declined")
        CANCELLED = "cancelled", _("Assignment cancelled")

    class DeclineReason(models.TextChoices):
        NO_TIME = "no_time", _("No time at the moment")
        OUTSIDE_EXPERTISE = "expertise", _("Outside my expertise")
        CONFLICT = "conflict", _("Conflict of interest")
        OTHER = "other", _("Another reason")

    assignment = models.ForeignKey(
        ReviewAssignment, on_delete=models.CASCADE, related_name="changes"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)
    decline_reason = models.CharField(
        _("reason"), max_length=12, choices=DeclineReason.choices, blank=True
    )
    note = models.TextField(_("note"), max_length=2000, blank=True)
    # A due-date change: the dates before and after, and whether the reviewer was told.
    old_response_due = models.DateField(null=True, blank=True)
    old_review_due = models.DateField(null=True, blank=True)
    new_response_due = models.DateField(null=True, blank=True)
    new_review_due = models.DateField(null=True, blank=True)
    reviewer_told = models.BooleanField(null=True)
    # A decline: whom the reviewer suggested instead.
    suggested_name = models.CharField(_("suggested instead: name"), max_length=200, blank=True)
    suggested_email = models.EmailField(_("suggested instead: e-mail"), blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.get_kind_display()


class ReviewerPreference(models.Model):
    """Someone the authors suggest as a reviewer, or ask the editors not to invite. Editors see
    both on the invite screen (opposed people are flagged there, never hidden); authors see only
    their own list, never whom the editors invited."""

    class Kind(models.TextChoices):
        SUGGESTED = "suggested", _("Suggested")
        OPPOSED = "opposed", _("Opposed")

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="reviewer_preferences"
    )
    kind = models.CharField(_("suggest or oppose"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    affiliation = models.CharField(_("affiliation"), max_length=255, blank=True)
    reason = models.CharField(_("reason"), max_length=1000, blank=True)

    class Meta:
        ordering = ["kind", "pk"]
        verbose_name = _("reviewer preference")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.name}"
