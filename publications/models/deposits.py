"""Each Crossref deposit of a work: the batch sent, and what Crossref made of it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CrossrefDeposit(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SUBMITTED = "submitted", _("Sent, waiting for Crossref's result")
        SUCCESS = "success", _("Registered by Crossref")
        FAILURE = "failure", _("Refused or failed")

    page = models.ForeignKey("publications.PublicationPage", on_delete=models.CASCADE,
                             related_name="crossref_deposits")
    batch_id = models.CharField(max_length=64, unique=True)
    # The batch as sent: a retry sends the very same file (Crossref matches results by batch).
    xml = models.TextField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    message = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.batch_id} ({self.status})"
