"""A publication series: what kind of work it holds, how it is numbered and reviewed."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from publications.validators import normalise_issn, validate_issn


class Series(TranslatableMixin, ClusterableModel):
    class Kind(models.TextChoices):
        MONOGRAPH = "monograph", _("Monograph")
        WHITE_PAPER = "white_paper", _("White paper")
        WORKING_PAPER = "working_paper", _("Working paper")
        ARTICLE = "article", _("Journal article")

    class Anonymity(models.TextChoices):
        # Double-anonymous is the default: neither side learns who the other is.
        DOUBLE = "double", _("Double-anonymous")
        SINGLE = "single", _("Single-anonymous (reviewers see the authors)")
        OPEN = "open", _("Open (names known to both sides)")

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(
        _("slug"), max_length=100, help_text=_("Used in the series' address.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True)
    issn = models.CharField(_("ISSN"), max_length=9, blank=True, validators=[validate_issn])
    isbn_prefix = models.CharField(_("ISBN prefix"), max_length=20, blank=True)
    number_prefix = models.CharField(
        _("number prefix"), max_length=20, blank=True,
        help_text=_("Printed before the series number, e.g. “WP” for WP 2026-3."),
    )
    review_anonymity = models.CharField(
        _("review anonymity"), max_length=10, choices=Anonymity.choices, default=Anonymity.DOUBLE
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("issn"), FieldPanel("isbn_prefix"), FieldPanel("number_prefix")],
            heading=_("Identifiers and numbering"),
        ),
        FieldPanel("review_anonymity"),
        InlinePanel("editors", label=_("Editorial board")),
        # The managing editors who receive and look after this series' submissions.
        InlinePanel("handling_editors", label=_("Handling editors")),
    ]

    # Identifiers, numbering and review rules are facts of the series, never translated.
    override_translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug", overridable=False),
        SynchronizedField("kind", overridable=False),
        TranslatableField("description"),
        SynchronizedField("issn", overridable=False),
        SynchronizedField("isbn_prefix", overridable=False),
        SynchronizedField("number_prefix", overridable=False),
        SynchronizedField("review_anonymity", overridable=False),
        SynchronizedField("editors", overridable=False),
        SynchronizedField("handling_editors", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("series")
        verbose_name_plural = _("series")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name

    def clean_fields(self, exclude=None):
        self.issn = normalise_issn(self.issn)  # stored as printed: 2049-3630
        super().clean_fields(exclude)


class SeriesEditor(Orderable):
    series = ParentalKey(Series, on_delete=models.CASCADE, related_name="editors")
    person = models.ForeignKey("home.Person", on_delete=models.CASCADE, related_name="+")
    role = models.CharField(_("role"), max_length=100, blank=True)

    panels = [FieldPanel("person"), FieldPanel("role")]
