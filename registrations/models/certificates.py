import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _


def new_certificate_code():
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    groups = ["".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(3)]
    return "-".join(groups)


class Certificate(models.Model):
    registration = models.OneToOneField("registrations.Registration", on_delete=models.CASCADE,
                                        related_name="certificate")
    code = models.CharField(_("code"), max_length=20, unique=True, default=new_certificate_code)
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_reason = models.CharField(_("reason for revoking"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self):
        return self.code

    @property
    def is_valid(self):
        return self.revoked_at is None
