from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from stdnum import bic, iban
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="tasks")
class RegistrationSettings(BaseSiteSetting):
    """Where registrants send their fees; printed in e-mails and on invoices."""

    account_holder = models.CharField(_("account holder"), max_length=200, blank=True)
    bank_name = models.CharField(_("bank"), max_length=200, blank=True)
    iban = models.CharField(_("IBAN"), max_length=40, blank=True)
    bic = models.CharField(_("BIC"), max_length=11, blank=True)
    invoice_issuer = models.TextField(
        _("invoice issuer"), blank=True,
        help_text=_("Name, address and VAT number printed at the top of invoices."),
    )

    panels = [FieldPanel("account_holder"), FieldPanel("bank_name"), FieldPanel("iban"),
              FieldPanel("bic"), FieldPanel("invoice_issuer")]

    class Meta:
        verbose_name = _("registrations and payments")

    def clean(self):
        # Registrants copy these into their bank's form: a typo would send their fees astray.
        if self.iban and not iban.is_valid(self.iban):
            raise ValidationError({"iban": _("This is not a valid IBAN.")})
        if self.bic and not bic.is_valid(self.bic):
            raise ValidationError({"bic": _("This is not a valid BIC.")})
        self.iban = iban.format(self.iban) if self.iban else ""
