"""Site-wide text that has to be translated like content: the footer and the cookie notice.

Wagtail's site settings are one row per site and cannot be translated, so the words the footer
and the cookie notice show live in this translatable snippet: one row per locale, made and kept in
step by wagtail-localize. Contact details and links stay in ``home.SiteSettings``.
"""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class SiteTextQuerySet(models.QuerySet):
    def for_language(self, language_code=None):
        """The text in the given (else the active) language, else in the default one.

        One query, since every public page renders it.
        """
        language_code = language_code or translation.get_language() or settings.LANGUAGE_CODE
        codes = {language_code, settings.LANGUAGE_CODE}
        texts = {
            text.locale.language_code: text
            for text in self.filter(locale__language_code__in=codes).select_related("locale")
        }
        return texts.get(language_code) or texts.get(settings.LANGUAGE_CODE)


class SiteText(TranslatableMixin, models.Model):
    # One set of site text per locale; "key" lets a second set exist later (say, per site).
    key = models.SlugField(_("key"), max_length=50, default="main")
    site_name = models.CharField(
        _("site name"), max_length=120, blank=True,
        help_text=_("The network's name in this language: the end of every page's title and "
                    "the footer. Empty: the organisation's name from the site settings."),
    )
    footer_text = RichTextField(
        _("footer text"), blank=True, features=["bold", "italic", "link"],
        help_text=_("A short line about the network, shown in every page's footer."),
    )
    operator_notice = models.CharField(
        _("operator notice"), max_length=255, blank=True,
        help_text=_("Who runs the site, e.g. “This site is run by …”."),
    )
    cookie_notice_title = models.CharField(_("cookie notice title"), max_length=120, blank=True)
    cookie_notice_text = RichTextField(
        _("cookie notice text"), blank=True, features=["bold", "italic", "link"],
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("privacy page"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    panels = [
        FieldPanel("key"),
        FieldPanel("site_name"),
        MultiFieldPanel(
            [FieldPanel("footer_text"), FieldPanel("operator_notice")], heading=_("Footer")
        ),
        MultiFieldPanel(
            [FieldPanel("cookie_notice_title"), FieldPanel("cookie_notice_text"),
             FieldPanel("privacy_page")],
            heading=_("Cookie notice"),
        ),
    ]

    # Words are translated; the key and the link target are the same in every language (the
    # page link is localised when it is rendered).
    override_translatable_fields = [
        SynchronizedField("key", overridable=False),
        TranslatableField("site_name"),
        TranslatableField("footer_text"),
        TranslatableField("operator_notice"),
        TranslatableField("cookie_notice_title"),
        TranslatableField("cookie_notice_text"),
        SynchronizedField("privacy_page"),
    ]

    objects = SiteTextQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site text")
        verbose_name_plural = _("site text")
        unique_together = [("translation_key", "locale"), ("key", "locale")]

    def __str__(self):
        return f"{self.key} ({self.locale.language_code})"


class TranslatorNotice(models.Model):
    """Work that appeared for a translator, waiting to be told in their next e-mail.

    One row per translator, page and locale until it is sent, so a page published several times
    before the e-mail goes out is told once, and many pages published together go in one digest.
    """

    class Kind(models.TextChoices):
        NEW = "new", _("needs translating")
        CHANGED = "changed", _("source changed")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="translator_notices")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "page", "locale"],
                                    condition=models.Q(sent_at__isnull=True),
                                    name="one_pending_notice_per_translation"),
        ]
