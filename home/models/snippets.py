"""People and partner organisations: translatable snippets shared by every section."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.images import get_image_model_string
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Person(TranslatableMixin, index.Indexed, models.Model):
    """Someone the site names: staff, board members, authors, speakers."""

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255)
    honorific = models.CharField(
        _("title"), max_length=50, blank=True, help_text=_("Dr, Prof., Col. …")
    )
    position = models.CharField(_("position"), max_length=255, blank=True)
    affiliation = models.CharField(_("affiliation"), max_length=255, blank=True)
    bio = RichTextField(_("biography"), blank=True, features=["bold", "italic", "link"])
    photo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    orcid = models.CharField(_("ORCID iD"), max_length=19, blank=True)
    website = models.URLField(_("website"), blank=True)
    is_staff_member = models.BooleanField(
        _("listed on the people page"), default=False,
        help_text=_("Show this person among the network's people."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("honorific"),
        FieldPanel("position"),
        FieldPanel("affiliation"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("orcid"),
        FieldPanel("website"),
        FieldPanel("is_staff_member"),
    ]

    # Names are translatable so that Arabic pages can transliterate them; identifiers and flags
    # are the same everywhere; a photo or website may differ per locale.
    override_translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug", overridable=False),
        TranslatableField("honorific"),
        TranslatableField("position"),
        TranslatableField("affiliation"),
        TranslatableField("bio"),
        SynchronizedField("photo", overridable=True),
        SynchronizedField("orcid", overridable=False),
        SynchronizedField("website", overridable=True),
        SynchronizedField("is_staff_member", overridable=False),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("affiliation"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return f"{self.honorific} {self.name}".strip()

    @property
    def initials(self):
        """Up to two letters for the placeholder shown instead of a missing photo: the first
        letters of the first and last words of the name ("Amal Haddad" gives "AH")."""
        words = [word for word in self.name.replace("-", " ").split() if word[:1].isalpha()]
        if not words:
            return ""
        letters = words[0][0] + (words[-1][0] if len(words) > 1 else "")
        return letters.upper()


class Partner(TranslatableMixin, models.Model):
    class PartnerType(models.TextChoices):
        NATO = "nato", _("NATO body or Centre of Excellence")
        INTERNATIONAL = "international", _("International organisation")
        NGO = "ngo", _("Non-governmental organisation")
        UNIVERSITY = "university", _("University or research institute")
        GOVERNMENT = "government", _("Government agency")

    name = models.CharField(_("name"), max_length=255)
    partner_type = models.CharField(_("type"), max_length=20, choices=PartnerType.choices)
    description = models.TextField(_("description"), blank=True)
    logo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("partner_type"),
        FieldPanel("description"),
        FieldPanel("logo"),
        FieldPanel("website"),
        FieldPanel("sort_order"),
    ]

    # Partners often have an official name, logo and site per language: all overridable.
    override_translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("partner_type", overridable=False),
        TranslatableField("description"),
        SynchronizedField("logo", overridable=True),
        SynchronizedField("website", overridable=True),
        SynchronizedField("sort_order", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name
