"""Editorial statistics: how much work a series receives and how fast it is decided.

Every figure is about a cohort: the submissions a series received in a calendar year (the year of
``submitted_at`` in the site's time zone), followed to wherever they are now. So "2025" says what
became of the work that arrived in 2025, and its figures settle as that work is decided.

- received: submissions in the cohort (drafts never count);
- desk rejections: those declined without review;
- acceptance rate: accepted ÷ every final decision (accepted, rejected after review, desk
  rejected); work still under way or withdrawn is left out, so the rate is None until the first
  final decision;
- days to first decision: from submission to the first decision of any kind (a desk rejection,
  a request for revisions, an acceptance or a rejection); days to final decision: to the
  acceptance or rejection. Calendar days between the two dates;
- reviewer response rate: invitations answered (accepted or declined) ÷ invitations sent, for the
  cohort's work in every round; days to respond: invitation to answer; review turnaround:
  invitation to review submitted;
- revisions per work: revised versions the authors sent (a round after the first), averaged over
  the cohort's works that went to review.

Medians and 90th percentiles interpolate linearly between ranks (as PERCENTILE.INC in a
spreadsheet and Python's ``statistics.quantiles(method="inclusive")`` do), so a reader can check
them by hand.
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models.functions import ExtractYear
from django.utils import timezone

from publications.models import Decision, ReviewAssignment, ReviewRound, Series, Submission

Outcome = Decision.Outcome
FINAL_OUTCOMES = {Outcome.ACCEPT, Outcome.REJECT, Outcome.DESK_REJECT}
# The key of the rows that add up every series.
ALL = "all"


def percentile(values, fraction):
    """The ``fraction`` (0–1) percentile of ``values`` by linear interpolation; None if empty."""
    ordered = sorted(values)
    if not ordered:
        return None
    rank = (len(ordered) - 1) * fraction
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def _days(start, end):
    return (timezone.localdate(end) - timezone.localdate(start)).days


@dataclass
class Spread:
    """A list of durations in days, summarised."""

    values: list = field(default_factory=list)

    @property
    def count(self):
        return len(self.values)

    @property
    def median(self):
        return percentile(self.values, 0.5)

    @property
    def p90(self):
        return percentile(self.values, 0.9)


def _ratio(part, whole):
    return part / whole if whole else None


@dataclass
class Figures:
    """The figures of one series (or of every series, ``all_series``) for one year's cohort."""

    series: Series | None
    year: int
    all_series: bool = False
    received: int = 0
    desk_rejected: int = 0
    accepted: int = 0
    rejected: int = 0
    first_decision: Spread = field(default_factory=Spread)
    final_decision: Spread = field(default_factory=Spread)
    invitations: int = 0
    answered: int = 0
    response: Spread = field(default_factory=Spread)
    turnaround: Spread = field(default_factory=Spread)
    reviewed_works: int = 0
    revisions: int = 0

    @property
    def series_name(self):
        return str(self.series) if self.series is not None else None

    @property
    def final_decisions(self):
        return self.accepted + self.rejected + self.desk_rejected

    @property
    def acceptance_rate(self):
        return _ratio(self.accepted, self.final_decisions)

    @property
    def response_rate(self):
        return _ratio(self.answered, self.invitations)

    @property
    def acceptance_percent(self):
        rate = self.acceptance_rate
        return None if rate is None else round(rate * 100, 1)

    @property
    def response_percent(self):
        rate = self.response_rate
        return None if rate is None else round(rate * 100, 1)

    @property
    def revisions_per_work(self):
        return _ratio(self.revisions, self.reviewed_works)


def _cohorts(series=None):
    """{submission pk: (series pk, year, submitted_at)} of every submitted work."""
    rows = Submission.objects.exclude(state=Submission.State.DRAFT).exclude(submitted_at=None)
    if series is not None:
        rows = rows.filter(series=series)
    return {pk: (series_id, timezone.localtime(submitted_at).year, submitted_at)
            for pk, series_id, submitted_at in rows.values_list("pk", "series_id",
                                                                "submitted_at")}


def editorial_statistics(series=None, year=None):
    """The figures per series and year (and per year for all series together, unless ``series``
    is given), newest year first, series by name. Four queries, whatever the history's size."""
    cohorts = _cohorts(series)
    ids = list(cohorts)
    decisions = defaultdict(list)
    for submission_id, outcome, created_at in (
            Decision.objects.filter(submission_id__in=ids)
            .order_by("created_at", "pk").values_list("submission_id", "outcome", "created_at")):
        decisions[submission_id].append((outcome, created_at))
    assignments = defaultdict(list)
    for row in (ReviewAssignment.objects.filter(round__submission_id__in=ids)
                .values_list("round__submission_id", "invited_at", "responded_at",
                             "submitted_at", "state")):
        assignments[row[0]].append(row[1:])
    rounds = defaultdict(list)
    for submission_id, number, opened_at in (ReviewRound.objects.filter(submission_id__in=ids)
                                             .values_list("submission_id", "number",
                                                          "opened_at")):
        rounds[submission_id].append((number, opened_at))

    names = {s.pk: s for s in Series.objects.filter(
        pk__in={series_id for series_id, _y, _s in cohorts.values() if series_id})}
    figures = {}

    def add(key, submission_id, submitted_at):
        series_id, cohort_year = key
        row = figures.get(key)
        if row is None:
            row = figures[key] = Figures(series=names.get(series_id), year=cohort_year,
                                         all_series=series_id == ALL)
        row.received += 1
        taken = decisions.get(submission_id, [])
        if taken:
            row.first_decision.values.append(_days(submitted_at, taken[0][1]))
        final = next(((o, at) for o, at in taken if o in FINAL_OUTCOMES), None)
        if final is not None:
            outcome, decided_at = final
            row.final_decision.values.append(_days(submitted_at, decided_at))
            row.accepted += outcome == Outcome.ACCEPT
            row.rejected += outcome == Outcome.REJECT
            row.desk_rejected += outcome == Outcome.DESK_REJECT
        for invited_at, responded_at, reviewed_at, _state in assignments.get(submission_id, []):
            row.invitations += 1
            if responded_at is not None:
                row.answered += 1
                row.response.values.append(_days(invited_at, responded_at))
            if reviewed_at is not None:
                row.turnaround.values.append(_days(invited_at, reviewed_at))
        its_rounds = rounds.get(submission_id, [])
        if any(number == 1 and opened_at is not None for number, opened_at in its_rounds):
            row.reviewed_works += 1
            row.revisions += sum(1 for number, _o in its_rounds if number > 1)

    for submission_id, (series_id, cohort_year, submitted_at) in cohorts.items():
        if year is not None and cohort_year != year:
            continue
        add((series_id, cohort_year), submission_id, submitted_at)
        if series is None:
            add((ALL, cohort_year), submission_id, submitted_at)
    return sorted(figures.values(), key=lambda f: (
        -f.year, not f.all_series, f.series_name or ""))


def years_with_submissions():
    """The years in which any work was received, newest first (for the report's filter)."""
    return list(Submission.objects.exclude(state=Submission.State.DRAFT)
                .exclude(submitted_at=None)
                .annotate(year=ExtractYear("submitted_at")).order_by("-year")
                .values_list("year", flat=True).distinct())
