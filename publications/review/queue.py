"""The managing editors' queue of submissions: search, filters and one page of rows.

Its cost does not grow with the number of submissions: the filters are conditions in one query
(the related work they look at in ``Exists`` subqueries, not joins that multiply rows), the page
is cut by ``cms.paging`` (the site's one paging policy), and what each row shows about its
reviews is counted afterwards for the page's rows only, in one grouped query (counted in the
page query itself, they would be worked out for every row an OFFSET skips as well).
"""

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from publications.models import ReviewAssignment, Submission, SubmissionAuthor

State = Submission.State
AState = ReviewAssignment.State
OPEN_ASSIGNMENT = [AState.INVITED, AState.ACCEPTED]
PER_PAGE = 50

# The handling-editor filter's value for submissions nobody handles yet.
UNASSIGNED = "none"


def late_assignment(today):
    """A review, or an answer to an invitation, past its date."""
    return (Q(state=AState.INVITED, response_due__lt=today)
            | Q(state=AState.ACCEPTED, review_due__lt=today))


def is_overdue(today):
    """Work past its date: an unanswered invitation, a review, or a requested revision."""
    late = ReviewAssignment.objects.filter(late_assignment(today),
                                           round__submission=OuterRef("pk"))
    return Q(state=State.REVISIONS_REQUESTED, revision_due__lt=today) | Q(Exists(late))


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
    """The queue's rows, filtered (``filters``: the queue form's cleaned data), newest first,
    with their series, submitter and handling editor in the same query."""
    filters = filters or {}
    today = today or timezone.localdate()
    rows = (Submission.objects.exclude(state=State.DRAFT)
            .select_related("series", "submitter", "handling_editor"))
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
    return rows.order_by("-updated_at", "-pk")


def describe_page(rows, today=None):
    """Set ``open_reviews``, ``done_reviews`` and ``overdue`` on each row of one page, from one
    query over the page's review assignments."""
    today = today or timezone.localdate()
    rows = list(rows)
    counts = {
        row["round__submission"]: row for row in
        ReviewAssignment.objects.filter(round__submission__in=[r.pk for r in rows])
        .values("round__submission").order_by()
        .annotate(open=Count("pk", filter=Q(state__in=OPEN_ASSIGNMENT)),
                  done=Count("pk", filter=Q(state=AState.SUBMITTED)),
                  late=Count("pk", filter=late_assignment(today)))
    }
    for row in rows:
        figures = counts.get(row.pk, {})
        row.open_reviews = figures.get("open", 0)
        row.done_reviews = figures.get("done", 0)
        row.overdue = bool(figures.get("late")) or (
            row.state == State.REVISIONS_REQUESTED and row.revision_due is not None
            and row.revision_due < today)
    return rows
