"""Thanks to reviewers: a certificate per completed review, a yearly summary, and the yearly
public list of those who agreed to be thanked by name.

A certificate names the series, the round and the dates, never the manuscript's title: the
reviewer shows it to third parties, and the work may be unpublished (or never published).
"""

from django.db.models import Count, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from cms import pdfs
from publications.models import ReviewAssignment

from .reviewers import reviewers

AState = ReviewAssignment.State
NETWORK = "JCMI Research and Education Network"


def _date(value):
    return formats.date_format(timezone.localtime(value), "DATE_FORMAT")


def _name(user):
    return user.get_full_name() or user.get_username()


def certificate_pdf(assignment):
    """The certificate of one completed review, in the active language."""
    series = assignment.round.submission.series
    text = _(
        "%(name)s completed a peer review for the series “%(series)s” (review round "
        "%(round)s), invited on %(invited)s and submitted on %(submitted)s. The editors thank "
        "them for their time and expertise.") % {
        "name": _name(assignment.reviewer), "series": series.name if series else NETWORK,
        "round": assignment.round.number, "invited": _date(assignment.invited_at),
        "submitted": _date(assignment.submitted_at)}
    return pdfs.render(pdfs.PdfDocument(
        title=_("Certificate of peer review"), kicker=NETWORK,
        byline=[_name(assignment.reviewer)],
        sections=[pdfs.Section("", text),
                  pdfs.Section(_("Reference"), _("Review no. %(number)s") % {
                      "number": assignment.pk})]))


def completed_in(user, year):
    return (ReviewAssignment.objects.filter(reviewer=user, state=AState.SUBMITTED,
                                            submitted_at__year=year)
            .select_related("round__submission__series").order_by("submitted_at"))


def yearly_summary_pdf(user, year):
    """One page listing the reviews ``user`` completed in ``year``; None if there were none."""
    reviews = list(completed_in(user, year))
    if not reviews:
        return None
    lines = "\n".join(
        _("%(date)s · %(series)s, round %(round)s") % {
            "date": _date(a.submitted_at),
            "series": a.round.submission.series.name if a.round.submission.series else NETWORK,
            "round": a.round.number} for a in reviews)
    return pdfs.render(pdfs.PdfDocument(
        title=_("Peer reviews in %(year)s") % {"year": year}, kicker=NETWORK,
        byline=[_name(user)],
        sections=[pdfs.Section("", _("%(name)s completed %(count)s peer reviews for the network "
                                     "in %(year)s:") % {"name": _name(user),
                                                        "count": len(reviews), "year": year}),
                  pdfs.Section("", lines)]))


def thanked_reviewers(year):
    """Reviewers who completed a review in ``year`` and agreed to be thanked by name, by family
    name. Affiliation is shown as they gave it; nothing says what they reviewed."""
    return (reviewers().filter(reviewer_record__thank_publicly=True)
            .annotate(reviews_in_year=Count("review_assignments", filter=Q(
                review_assignments__state=AState.SUBMITTED,
                review_assignments__submitted_at__year=year)))
            .filter(reviews_in_year__gt=0).select_related("jcmi_profile")
            .order_by("last_name", "first_name"))


def years_with_reviews():
    return sorted({d.year for d in ReviewAssignment.objects.filter(
        state=AState.SUBMITTED, submitted_at__isnull=False).dates("submitted_at", "year")},
        reverse=True)

