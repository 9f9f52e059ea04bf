"""The managing editors' queue of submissions: search, filters and one page of rows.

Its cost does not grow with the number of submissions: the filters are conditions in one query
(the related work they look at, in ``Exists`` subqueries rather than joins that multiply rows),
the counts each row shows are subqueries evaluated for the page's rows only, and the page is cut
by ``cms.paging``, the site's one paging policy.
"""

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from publications.models import ReviewAssignment, Submission, SubmissionAuthor

State = Submission.State
AState = ReviewAssignment.State
OPEN_ASSIGNMENT = [AState.INVITED, AState.ACCEPTED]
PER_PAGE = 50

# The handling-editor filter's value for submissions nobody handles yet.
UNASSIGNED = "none"


def _assignments_of_row():
    return ReviewAssignment.objects.filter(round__submission=OuterRef("pk"))


def overdue_work(today):
    """An ``Exists`` per submission: a review or an answer to an invitation past its date."""
    late = _assignments_of_row().filter(
        Q(state=AState.INVITED, response_due__lt=today)
        | Q(state=AState.ACCEPTED, review_due__lt=today))
    return Exists(late)


def is_overdue(today):
    """Work past its date: an unanswered invitation, a review, or a requested revision."""
    return Q(state=State.REVISIONS_REQUESTED, revision_due__lt=today) | Q(late_reviews=True)


def _count(assignments):
    counted = (assignments.order_by().values("round__submission")
               .annotate(n=Count("pk")).values("n"))
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def matching(text):
    """Submissions whose title, keywords, abstract, authors or submitter match ``text``."""
    authors = SubmissionAuthor.objects.filter(submission=OuterRef("pk")).filter(
        Q(name__icontains=text) | Q(email__icontains=text) | Q(affiliation__icontains=text))
    condition = (Q(title__icontains=text) | Q(keywords__icontains=text)
                 | Q(abstract__icontains=text) | Q(submitter__email__icontains=text)
                 | Q(Exists(authors)))
    if text.isdigit():
        condition |= Q(pk=int(text))
    return condition


def submissions_for_queue(filters=None, today=None):
    """The queue's rows, filtered (``filters``: the queue form's cleaned data), newest first.

    Every row carries ``open_reviews``, ``done_reviews`` and ``overdue``; its series, submitter
    and handling editor come in the same query.
    """
    filters = filters or {}
    today = today or timezone.localdate()
    rows = (
        Submission.objects.exclude(state=State.DRAFT)
        .select_related("series", "submitter", "handling_editor")
        .annotate(late_reviews=overdue_work(today))
    )
    if filters.get("q"):
        rows = rows.filter(matching(filters["q"]))
    if filters.get("state"):
        rows = rows.filter(state=filters["state"])
    if filters.get("series"):
        rows = rows.filter(series=filters["series"])
    editor = filters.get("handling_editor")
    if editor == UNASSIGNED:
        rows = rows.filter(handling_editor__isnull=True)
    elif editor:
        rows = rows.filter(handling_editor_id=int(editor))
    if filters.get("overdue"):
        rows = rows.filter(is_overdue(today))
    return rows.annotate(
        open_reviews=_count(_assignments_of_row().filter(state__in=OPEN_ASSIGNMENT)),
        done_reviews=_count(_assignments_of_row().filter(state=AState.SUBMITTED)),
    ).order_by("-updated_at", "-pk")


def mark_overdue(rows, today=None):
    """Set ``overdue`` on each row of a page (from the annotation the query already made)."""
    today = today or timezone.localdate()
    for row in rows:
        row.overdue = bool(row.late_reviews) or (
            row.state == State.REVISIONS_REQUESTED and row.revision_due is not None
            and row.revision_due < today)
    return rows
