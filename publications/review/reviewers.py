"""The reviewer database as the desk reads it: who the reviewers are, and what each has done.

Every figure is an annotation of one query, so a page of the desk costs the same number of
queries whether it lists ten people or a thousand, and however many reviews they wrote.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db.models import Avg, Count, F, Max, Q
from django.utils import timezone

from publications.models import ReviewAssignment, ReviewerRecord

from .permissions import REVIEWERS

AState = ReviewAssignment.State
OPEN = [AState.INVITED, AState.ACCEPTED]


def reviewers():
    """Everyone who can be invited to review."""
    return get_user_model().objects.filter(groups__name=REVIEWERS, is_active=True)


def with_figures(users):
    """``users`` with the desk's figures: reviews in progress, completed and declined, the mean
    time to answer an invitation and to write a review (timedeltas), the date of the last review,
    and the mean of the editors' ratings."""
    assignments = "review_assignments"
    return users.annotate(
        in_progress=Count(assignments, filter=Q(review_assignments__state__in=OPEN),
                          distinct=True),
        completed=Count(assignments, filter=Q(review_assignments__state=AState.SUBMITTED),
                        distinct=True),
        declined=Count(assignments, filter=Q(review_assignments__state=AState.DECLINED),
                       distinct=True),
        mean_response=Avg(
            F("review_assignments__responded_at") - F("review_assignments__invited_at"),
            filter=Q(review_assignments__responded_at__isnull=False)),
        mean_review=Avg(
            F("review_assignments__submitted_at") - F("review_assignments__responded_at"),
            filter=Q(review_assignments__state=AState.SUBMITTED,
                     review_assignments__responded_at__isnull=False)),
        last_review=Max("review_assignments__submitted_at"),
        mean_rating=Avg("review_assignments__editor_rating__score"),
    )


def days(duration):
    """A mean duration as days with one decimal, or None."""
    if duration is None:
        return None
    if not isinstance(duration, datetime.timedelta):  # some backends answer microseconds
        duration = datetime.timedelta(microseconds=duration)
    return round(duration.total_seconds() / 86400, 1)


def _language_q(code):
    field = "reviewer_record__languages"
    return (Q(**{field: code}) | Q(**{f"{field}__startswith": f"{code},"})
            | Q(**{f"{field}__endswith": f",{code}"}) | Q(**{f"{field}__contains": f",{code},"}))


def search(*, text="", topic=None, language="", available_only=False, today=None):
    """Reviewers matching the desk's search, with their figures, most recently active first.

    ``text`` matches names, e-mail, affiliation, keywords and topic titles; multi-valued matches
    (topics) go through a subquery, so they never multiply the rows the figures count.
    """
    people = reviewers()
    text = (text or "").strip()
    if text:
        by_topic = ReviewerRecord.objects.filter(topics__title__icontains=text).values("user_id")
        people = people.filter(
            Q(first_name__icontains=text) | Q(last_name__icontains=text)
            | Q(email__icontains=text) | Q(jcmi_profile__affiliation__icontains=text)
            | Q(reviewer_record__keywords__icontains=text) | Q(pk__in=by_topic))
    if topic is not None:
        people = people.filter(
            pk__in=ReviewerRecord.objects.filter(topics=topic).values("user_id"))
    if language:
        people = people.filter(_language_q(language))
    if available_only:
        people = people.filter(Q(reviewer_record__isnull=True)
                               | Q(reviewer_record__not_before__isnull=True)
                               | Q(reviewer_record__not_before__lte=today
                                   or timezone.localdate()))
    return (with_figures(people.distinct())
            .select_related("jcmi_profile", "reviewer_record")
            .order_by(F("last_review").desc(nulls_last=True), "last_name", "email"))


def record_for(user):
    """The reviewer's record, made empty on first sight."""
    record, _created = ReviewerRecord.objects.get_or_create(user=user)
    return record
