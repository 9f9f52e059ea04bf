"""A publication series: what kind of work it holds, how it is numbered and reviewed."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from publications.validators import (
    normalise_issn,
    validate_doi,
    validate_doi_prefix,
    validate_doi_series_code,
    validate_issn,
)


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
    # The DOI pattern of the series: prefix/series-code.number (10.99999/jcmi.wp.7). The admin
    # suggests it for a publication whose DOI is empty; an editor still decides to use it.
    doi_prefix = models.CharField(
        _("DOI prefix"), max_length=20, blank=True, validators=[validate_doi_prefix],
        help_text=_("The prefix Crossref assigned to the network, e.g. 10.99999."),
    )
    doi_series_code = models.CharField(
        _("DOI series code"), max_length=40, blank=True, validators=[validate_doi_series_code],
        help_text=_("Written between the prefix and the number, e.g. “jcmi.wp” for "
                    "10.99999/jcmi.wp.7."),
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
            [FieldPanel("issn"), FieldPanel("isbn_prefix"), FieldPanel("number_prefix"),
             FieldPanel("doi_prefix"), FieldPanel("doi_series_code")],
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
        SynchronizedField("doi_prefix", overridable=False),
        SynchronizedField("doi_series_code", overridable=False),
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
        self.doi_prefix = self.doi_prefix.strip()
        self.doi_series_code = self.doi_series_code.strip()
        super().clean_fields(exclude)

    def clean(self):
        super().clean()
        if bool(self.doi_prefix) != bool(self.doi_series_code):
            raise ValidationError(_("Give both the DOI prefix and the series code, or neither."))

    def suggested_doi(self, number):
        """The DOI the series' pattern gives the publication numbered ``number``, or "" when the
        series has no pattern, the work no number, or the result would be no valid DOI."""
        if not (self.doi_prefix and self.doi_series_code and number):
            return ""
        doi = f"{self.doi_prefix}/{self.doi_series_code}.{number}"
        try:
            validate_doi(doi)
        except ValidationError:
            return ""
        return doi


class SeriesEditor(Orderable):
    series = ParentalKey(Series, on_delete=models.CASCADE, related_name="editors")
    person = models.ForeignKey("home.Person", on_delete=models.CASCADE, related_name="+")
    role = models.CharField(_("role"), max_length=100, blank=True)

    panels = [FieldPanel("person"), FieldPanel("role")]
