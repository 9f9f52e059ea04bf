"""Validators for scholarly identifiers: ISSN, ISBN, DOI and ORCID iD.

Check digits are python-stdnum's (ISSN and ISBN per their ISO standards, ORCID's ISO 7064
MOD 11-2), not ours. Each ``normalise_*`` gives the form the identifier is registered and
printed in; models store that form (see ``PublicationPage.clean`` and ``Series.clean``).
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import isbn, issn
from stdnum.exceptions import InvalidChecksum
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.iso7064 import mod_11_2

ORCID_PATTERN = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")
# Crossref's own rule for a DOI (common5.4.0.xsd, doi_t): the 10. prefix with 4 to 9 digits, a
# slash, and a suffix of at most 200 characters; spaces have no place in one.
DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S{1,200}$")
DOI_RESOLVER = re.compile(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)


def validate_orcid(value):
    value = (value or "").strip()
    if not ORCID_PATTERN.match(value):
        raise ValidationError(
            _("Enter an ORCID iD as 0000-0000-0000-0000 (the last character may be X)."),
            code="orcid_format",
        )
    if not mod_11_2.is_valid(value.replace("-", "")):
        raise ValidationError(
            _("This ORCID iD has a typing error: its check digit does not match."),
            code="orcid_checksum",
        )


def normalise_orcid(value):
    """Accept the iD also as a full https://orcid.org/… address."""
    value = (value or "").strip()
    return value.rsplit("/", 1)[-1].upper() if value else ""


def validate_issn(value):
    try:
        issn.validate(value)
    except InvalidChecksum:
        raise ValidationError(
            _("This ISSN has a typing error: its check digit does not match."), code="issn_checksum"
        ) from None
    except StdnumError:
        raise ValidationError(
            _("Enter an ISSN as eight digits, e.g. 2049-3630 (the last may be X)."),
            code="issn_format",
        ) from None


def normalise_issn(value):
    """``20493630`` → ``2049-3630``; anything that is no ISSN is left for the validator."""
    value = (value or "").strip()
    return issn.format(value) if value and issn.is_valid(value) else value


def validate_isbn(value):
    try:
        isbn.validate(value)
    except InvalidChecksum:
        raise ValidationError(
            _("This ISBN has a typing error: its check digit does not match."), code="isbn_checksum"
        ) from None
    except StdnumError:
        raise ValidationError(
            _("Enter an ISBN of 10 or 13 digits, e.g. 978-3-16-148410-0."), code="isbn_format"
        ) from None


def normalise_isbn(value):
    """The ISBN hyphenated as registered (by its group and publisher ranges)."""
    value = (value or "").strip()
    return isbn.format(value) if value and isbn.is_valid(value) else value


def validate_doi(value):
    if not DOI_PATTERN.match(value or ""):
        raise ValidationError(
            _("Enter a DOI such as 10.12345/jcmi.2026.1 (without https://doi.org/)."),
            code="doi_format",
        )


def normalise_doi(value):
    """Accept the DOI also as a https://doi.org/… address or with a ``doi:`` prefix."""
    return DOI_RESOLVER.sub("", (value or "").strip())


DOI_PREFIX_PATTERN = re.compile(r"^10\.\d{4,9}$")
# Characters Crossref recommends in a DOI suffix ("a-z", "0-9" and "-._;()/"), without the
# slash: the code is one part of the suffix, followed by the number.
DOI_SERIES_CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._;()-]*$")


def validate_doi_prefix(value):
    if not DOI_PREFIX_PATTERN.match(value or ""):
        raise ValidationError(
            _("Enter a DOI prefix such as 10.12345: “10.”, then 4 to 9 digits."),
            code="doi_prefix_format",
        )


def validate_doi_series_code(value):
    if not DOI_SERIES_CODE_PATTERN.match(value or ""):
        raise ValidationError(
            _("Use letters, digits and “. - _ ; ( )” only, starting with a letter or digit, "
              "e.g. jcmi.wp."),
            code="doi_series_code_format",
        )
