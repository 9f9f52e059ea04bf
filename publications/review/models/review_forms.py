"""Review forms: the questions a series asks its reviewers beside the recommendation.

The managing editors compose one form per series in the admin (a snippet with its questions
inline). A reviewer answers it on the review page; each answer keeps the question's wording and
whether it is shared with the authors as they were when it was given, so editing the form later
changes no review already written. Validation and storage are ``publications.review.review_forms``.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

# The widest scale a question may offer (a 0-10 scale has eleven points).
SCALE_LIMIT = 10
CHOICE_MAX_LENGTH = 200


def source_locale_series():
    """Submissions go to the source-locale series (the ones the portal offers): a form belongs
    to one of those, never to a translation."""
    return models.Q(locale__language_code=settings.LANGUAGE_CODE)


class SeriesReviewForm(ClusterableModel):
    series = models.OneToOneField(
        "publications.Series", on_delete=models.CASCADE, related_name="review_form",
        verbose_name=_("series"),
        limit_choices_to=source_locale_series,
    )
    introduction = models.TextField(
        _("introduction"), max_length=2000, blank=True,
        help_text=_("Shown to the reviewer above the questions."))
    active = models.BooleanField(
        _("active"), default=True,
        help_text=_("Reviewers answer the form only while it is active."))

    panels = [
        FieldPanel("series"),
        FieldPanel("introduction"),
        FieldPanel("active"),
        InlinePanel("questions", label=_("Questions"), min_num=1),
    ]

    class Meta:
        verbose_name = _("review form")
        verbose_name_plural = _("review forms")

    def __str__(self):
        return _("Review form of %(series)s") % {"series": self.series}


class ReviewQuestion(Orderable):
    class Kind(models.TextChoices):
        TEXT = "text", _("Text")
        CHOICE = "choice", _("Choice among options")
        SCALE = "scale", _("Scale")

    form = ParentalKey(SeriesReviewForm, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.TEXT)
    prompt = models.CharField(_("question"), max_length=500)
    help_text = models.CharField(_("help text"), max_length=500, blank=True)
    required = models.BooleanField(_("required"), default=True)
    options = models.TextField(
        _("options"), blank=True, max_length=5000,
        help_text=_("For a choice: one option per line, at least two."))
    scale_min = models.SmallIntegerField(_("scale from"), default=1)
    scale_max = models.SmallIntegerField(_("scale to"), default=5)
    scale_min_label = models.CharField(_("label of the lowest point"), max_length=100, blank=True)
    scale_max_label = models.CharField(_("label of the highest point"), max_length=100,
                                       blank=True)
    shareable = models.BooleanField(
        _("shared with the authors"), default=False,
        help_text=_("The answer is quoted in the decision letter. Otherwise only the editors "
                    "read it."))

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("required"), FieldPanel("shareable")]),
        FieldPanel("prompt"),
        FieldPanel("help_text"),
        FieldPanel("options"),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("scale_min"), FieldPanel("scale_max")]),
            FieldRowPanel([FieldPanel("scale_min_label"), FieldPanel("scale_max_label")]),
        ], heading=_("Scale")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.prompt

    @property
    def option_list(self):
        return [line.strip() for line in self.options.splitlines() if line.strip()]

    @property
    def scale_points(self):
        return list(range(self.scale_min, self.scale_max + 1))

    def clean(self):
        super().clean()
        if self.kind == self.Kind.CHOICE:
            options = self.option_list
            if len(options) < 2:
                raise ValidationError({"options": _("A choice needs at least two options.")})
            if len(set(options)) != len(options):
                raise ValidationError({"options": _("Each option must differ from the others.")})
            if any(len(option) > CHOICE_MAX_LENGTH for option in options):
                raise ValidationError({"options": _(
                    "An option can be at most %(n)s characters long.") % {"n": CHOICE_MAX_LENGTH}})
        if self.kind == self.Kind.SCALE:
            if self.scale_min is None or self.scale_max is None \
                    or self.scale_max <= self.scale_min:
                raise ValidationError({"scale_max": _("The scale must end above where it "
                                                      "starts.")})
            if self.scale_min < 0 or self.scale_max > SCALE_LIMIT:
                raise ValidationError({"scale_max": _(
                    "A scale runs within 0 to %(n)s.") % {"n": SCALE_LIMIT}})


class ReviewAnswer(models.Model):
    """A reviewer's answer to one question of their series' review form."""

    assignment = models.ForeignKey("publications.ReviewAssignment", on_delete=models.CASCADE,
                                   related_name="answers")
    # Kept when the question is later removed from the form: the answer still reads as given.
    question = models.ForeignKey(ReviewQuestion, null=True, on_delete=models.SET_NULL,
                                 related_name="answers")
    sort_order = models.PositiveSmallIntegerField(default=0)
    # The question as the reviewer read it.
    prompt = models.CharField(max_length=500)
    kind = models.CharField(max_length=10, choices=ReviewQuestion.Kind.choices)
    shareable = models.BooleanField(default=False)
    # The scale's ends, to show a scale answer as "4 of 1–5".
    scale_min = models.SmallIntegerField(null=True, blank=True)
    scale_max = models.SmallIntegerField(null=True, blank=True)
    value = models.TextField(max_length=10000, blank=True)

    class Meta:
        ordering = ["sort_order", "pk"]
        constraints = [models.UniqueConstraint(fields=["assignment", "question"],
                                               name="unique_answer_per_question")]

    def __str__(self):
        return f"{self.prompt}: {self.display_value}"

    @property
    def display_value(self):
        if self.kind == ReviewQuestion.Kind.SCALE and self.value:
            return _("%(value)s (scale %(low)s–%(high)s)") % {
                "value": self.value, "low": self.scale_min, "high": self.scale_max}
        return self.value
