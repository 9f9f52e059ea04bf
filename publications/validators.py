"""Validators for scholarly identifiers."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ORCID_PATTERN = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")


def orcid_checksum_ok(orcid):
    """ISO 7064 MOD 11-2 over the first 15 digits, as ORCID defines its check character."""
    digits = orcid.replace("-", "")
    total = 0
    for char in digits[:-1]:
        total = (total + int(char)) * 2
    result = (12 - total % 11) % 11
    check = "X" if result == 10 else str(result)
    return digits[-1] == check


def validate_orcid(value):
    value = (value or "").strip()
    if not ORCID_PATTERN.match(value):
        raise ValidationError(
            _("Enter an ORCID iD as 0000-0000-0000-0000 (the last character may be X)."),
            code="orcid_format",
        )
    if not orcid_checksum_ok(value):
        raise ValidationError(
            _("This ORCID iD has a typing error: its check digit does not match."),
            code="orcid_checksum",
        )


def normalise_orcid(value):
    """Accept the iD also as a full https://orcid.org/… address."""
    value = (value or "").strip()
    return value.rsplit("/", 1)[-1].upper() if value else ""
