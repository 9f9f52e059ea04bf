"""Conflicts of interest between a possible reviewer and a submission's authors.

Each check names what it found, so that the invite screen can say it; none of them hides anyone:
the editor decides. A review of the same work's earlier version is not a conflict but a plus
(that reviewer knows the work), and is reported as such by ``suggestions``.
"""

import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from publications.models import PublicationContributor

# Addresses anybody can have: sharing one of these domains says nothing about a tie.
PUBLIC_MAIL_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com",
    "yahoo.fr", "icloud.com", "me.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net",
    "web.de", "orange.fr", "free.fr", "laposte.net", "mail.ru", "aol.com", "t-online.de",
})


@dataclass(frozen=True)
class Conflict:
    kind: str  # "affiliation", "email_domain", "coauthor", "opposed"
    detail: str

    @property
    def label(self):
        return CONFLICT_LABELS[self.kind]


CONFLICT_LABELS = {
    "affiliation": _("Same affiliation as an author"),
    "email_domain": _("Same e-mail domain as an author"),
    "coauthor": _("Co-authored a publication with an author"),
    "opposed": _("The authors asked not to invite this person"),
}


def normalise(text):
    """Names and affiliations compared as people write them: case, accents and spacing aside."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


def mail_domain(address):
    return (address or "").rpartition("@")[2].strip().lower()


@dataclass
class Authors:
    """What the checks need to know about a submission's authors, read once."""
    names: set
    orcids: set
    affiliations: set
    domains: set

    @classmethod
    def of(cls, submission):
        authors = list(submission.authors.all())
        return cls(
            names={normalise(a.name) for a in authors},
            orcids={a.orcid for a in authors if a.orcid},
            affiliations={normalise(a.affiliation) for a in authors if a.affiliation.strip()},
            domains={mail_domain(a.email) for a in authors} - PUBLIC_MAIL_DOMAINS - {""},
        )


def coauthored_pages(authors):
    """The ids of the publication pages on the site that list one of the authors, by ORCID iD
    or by name: one query, whatever the number of publications."""
    contributors = PublicationContributor.objects.filter(page__live=True).values_list(
        "page__translation_key", "given_names", "family_name", "orcid")
    pages = {}
    for key, given, family, orcid in contributors:
        name = normalise(f"{given} {family}")
        pages.setdefault(key, []).append((name, orcid))
    return {
        key: people for key, people in pages.items()
        if any(name in authors.names or (orcid and orcid in authors.orcids)
               for name, orcid in people)
    }


def conflicts_of(person, authors, shared_pages, opposed):
    """The conflicts between one possible reviewer and the authors.

    ``person``: a user with ``jcmi_profile`` loaded; ``shared_pages``: ``coauthored_pages``;
    ``opposed``: the authors' opposed list (ReviewerPreference rows).
    """
    found = []
    profile = getattr(person, "jcmi_profile", None)
    affiliation = normalise(profile.affiliation) if profile else ""
    if affiliation and affiliation in authors.affiliations:
        found.append(Conflict("affiliation", profile.affiliation))
    domain = mail_domain(person.email)
    if domain and domain in authors.domains:
        found.append(Conflict("email_domain", domain))
    name = normalise(person.get_full_name())
    orcid = profile.orcid if profile else ""
    for people in shared_pages.values():
        if any((name and n == name and n not in authors.names) or (orcid and o == orcid)
               for n, o in people):
            found.append(Conflict("coauthor", ""))
            break
    for preference in opposed:
        if ((preference.email and preference.email.lower() == person.email.lower())
                or (name and normalise(preference.name) == name)):
            found.append(Conflict("opposed", preference.reason))
            break
    return found
