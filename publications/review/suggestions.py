"""Ranked reviewer suggestions for a submission, with their conflicts of interest.

The score weighs what the managing editors weigh when they pick by hand: expertise first (the
site's topics the submission is tagged with, then its keywords), then who has room (reviews in
progress) and who has rested longest since their last review. Someone who reviewed the work's
previous version knows it: a plus. Someone who is not available yet, or has a conflict, drops
down the list but stays on it, flagged: the editor may know better.
"""

from dataclasses import dataclass, field

from django.utils import timezone

from publications.models import ReviewAssignment, ReviewerPreference

from . import conflicts as coi
from .reviewers import days, reviewers, with_figures

AState = ReviewAssignment.State

TOPIC_WEIGHT = 3
KEYWORD_WEIGHT = 2
PREVIOUS_VERSION_BONUS = 4
AUTHOR_SUGGESTION_BONUS = 1
LOAD_PENALTY = 1.5          # per review in progress
REST_BONUS_MAX = 2          # for a year or more since the last review (or never reviewed)
UNAVAILABLE_PENALTY = 6
CONFLICT_PENALTY = 8        # per conflict


@dataclass
class Suggestion:
    person: object
    score: float = 0.0
    topics: list = field(default_factory=list)
    keywords: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)
    reviewed_previous_version: bool = False
    suggested_by_authors: bool = False
    available: bool = True
    not_before: object = None
    days_since_last_review: int | None = None

    @property
    def in_progress(self):
        return self.person.in_progress

    @property
    def record(self):
        return getattr(self.person, "reviewer_record", None)


def _keywords(text_list):
    return {coi.normalise(k) for k in text_list if k.strip()}


def rank(submission, today=None):
    """Every reviewer who could be asked, best first, as ``Suggestion`` rows.

    The submission's authors are left out (they cannot review their own work), and so is anyone
    already assigned to the open round; everyone else, opposed people included, is listed.
    Costs a fixed number of queries, however many people and publications there are.
    """
    today = today or timezone.localdate()
    authors = coi.Authors.of(submission)
    author_emails = {a.email.lower() for a in submission.authors.all()}
    topic_ids = set(submission.topics.values_list("pk", flat=True))
    topic_keys = set(submission.topics.values_list("translation_key", flat=True))
    # Compared without case or accents, shown as the authors wrote them.
    wanted_keywords = {coi.normalise(k): k for k in submission.keyword_list}
    preferences = list(submission.reviewer_preferences.all())
    opposed = [p for p in preferences if p.kind == ReviewerPreference.Kind.OPPOSED]
    suggested = [p for p in preferences if p.kind == ReviewerPreference.Kind.SUGGESTED]
    shared_pages = coi.coauthored_pages(authors)

    rounds = list(submission.rounds.order_by("number").values_list("pk", "number"))
    current_round = rounds[-1][0] if rounds else None
    assigned = set(ReviewAssignment.objects.filter(round_id=current_round).exclude(
        state__in=[AState.CANCELLED, AState.DECLINED]).values_list("reviewer_id", flat=True))
    earlier = set(ReviewAssignment.objects.filter(
        round__submission=submission, state=AState.SUBMITTED).exclude(
        round_id=current_round).values_list("reviewer_id", flat=True))

    people = (with_figures(reviewers().exclude(pk=submission.submitter_id).distinct())
              .select_related("jcmi_profile", "reviewer_record")
              .prefetch_related("reviewer_record__topics"))
    ranked = []
    for person in people:
        if person.pk in assigned or person.email.lower() in author_emails:
            continue
        suggestion = Suggestion(person)
        record = suggestion.record
        if record is not None:
            suggestion.topics = [t for t in record.topics.all()
                                 if t.pk in topic_ids or t.translation_key in topic_keys]
            mine = _keywords(record.keyword_list)
            suggestion.keywords = sorted(wanted for key, wanted in wanted_keywords.items()
                                         if key in mine)
            suggestion.available = record.is_available(today)
            suggestion.not_before = record.not_before
        suggestion.conflicts = coi.conflicts_of(person, authors, shared_pages, opposed)
        suggestion.reviewed_previous_version = person.pk in earlier
        name = coi.normalise(person.get_full_name())
        suggestion.suggested_by_authors = any(
            (p.email and p.email.lower() == person.email.lower())
            or (name and coi.normalise(p.name) == name) for p in suggested)
        if person.last_review is not None:
            suggestion.days_since_last_review = (today - timezone.localdate(
                person.last_review)).days
        suggestion.score = _score(suggestion)
        ranked.append(suggestion)
    ranked.sort(key=lambda s: (-s.score, s.person.last_name, s.person.email))
    return ranked


def _score(s):
    score = TOPIC_WEIGHT * len(s.topics) + KEYWORD_WEIGHT * len(s.keywords)
    if s.reviewed_previous_version:
        score += PREVIOUS_VERSION_BONUS
    if s.suggested_by_authors:
        score += AUTHOR_SUGGESTION_BONUS
    score -= LOAD_PENALTY * s.in_progress
    rested = 365 if s.days_since_last_review is None else min(s.days_since_last_review, 365)
    score += REST_BONUS_MAX * rested / 365
    if not s.available:
        score -= UNAVAILABLE_PENALTY
    score -= CONFLICT_PENALTY * len(s.conflicts)
    return round(score, 2)


def mean_days(suggestion):
    """The person's mean days to answer and to review, for the table."""
    return days(suggestion.person.mean_response), days(suggestion.person.mean_review)
