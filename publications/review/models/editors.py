"""Handling editors: the managing editors who look after a series' submissions.

A series names the managing editors who handle what is submitted to it; each submission gets one
of them as its handling editor when it is submitted (``publications.review.editors``), and a
managing editor may hand it to another. The submission's own field is
``Submission.handling_editor``; only the state machine sets it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

# The group's name, as publications.review.permissions spells it (not imported: the permissions
# module imports the models).
MANAGING_EDITORS = "Managing Editors"


class SeriesHandlingEditor(Orderable):
    """A managing editor who handles the submissions of a series (in the order the series lists
    them, which breaks ties when new work is shared out)."""

    series = ParentalKey("publications.Series", on_delete=models.CASCADE,
                         related_name="handling_editors")
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="handled_series",
        verbose_name=_("managing editor"),
        limit_choices_to={"groups__name": MANAGING_EDITORS, "is_active": True},
    )

    panels = [FieldPanel("editor")]

    class Meta(Orderable.Meta):
        verbose_name = _("handling editor")
        verbose_name_plural = _("handling editors")
        constraints = [models.UniqueConstraint(fields=["series", "editor"],
                                               name="unique_series_handling_editor")]

    def __str__(self):
        return self.editor.get_full_name() or self.editor.get_username()
