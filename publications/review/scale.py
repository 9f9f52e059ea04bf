"""Scale corpus for the peer-review pipeline: submissions in every state, so that the managing
editors' queue is measured at the size a busy network reaches (5,000 submissions at N = 50,000).

Called by ``manage.py seed_scale`` after the pages (``RECORD_MODULES``), with
``seed(pages, rng, corpus)``. The rows are written with ``bulk_create`` and their states set
directly: the state machine (``workflow``) writes an audit event and queues notices for each
transition, which a synthetic history does not need. The accounts' usernames start with
"scale-author-" and "scale-editor-", which is what ``seed_scale --reset`` removes.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cms.scale import days_ago
from home.scale import AFFILIATIONS, FIRST_NAMES, LAST_NAMES
from publications.models import Profile, Series, Submission, SubmissionAuthor

from .permissions import MANAGING_EDITORS

# Submissions per live page of the corpus.
PER_PAGE = 0.1
State = Submission.State
# How the queue is spread over the states (weights): most work is under way or finished.
STATES = [
    (State.DRAFT, 6), (State.SUBMITTED, 8), (State.SCREENING, 6), (State.IN_REVIEW, 14),
    (State.REVISIONS_REQUESTED, 8), (State.RESUBMITTED, 5), (State.ACCEPTED, 4),
    (State.IN_PRODUCTION, 3), (State.PUBLISHED, 20), (State.REJECTED, 20), (State.WITHDRAWN, 6),
]


def accounts(prefix, count, rng):
    User = get_user_model()
    users = []
    for number in range(count):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        user = User(username=f"{prefix}{number:05d}", email=f"{prefix}{number:05d}@example.org",
                    first_name=first, last_name=last)
        user.set_unusable_password()
        users.append(user)
    User.objects.bulk_create(users, batch_size=1000)
    return list(User.objects.filter(username__startswith=prefix).order_by("username"))


def seed(pages, rng, corpus):
    count = max(len(STATES), round(pages * PER_PAGE))
    authors = accounts("scale-author-", max(5, count // 4), rng)
    Profile.objects.bulk_create([Profile(user=user, affiliation=rng.choice(AFFILIATIONS))
                                 for user in authors], batch_size=1000)
    editors = accounts("scale-editor-", 3, rng)
    Group.objects.get(name=MANAGING_EDITORS).user_set.add(*editors)
    series = list(Series.objects.filter(slug__startswith="scale-", locale=corpus.locales["en"])
                  .order_by("slug"))
    states = [state for state, _weight in STATES]
    weights = [weight for _state, weight in STATES]
    submissions = []
    for number in range(count):
        # The first ones take every state in turn, so that a small corpus has them all too.
        state = states[number] if number < len(states) else rng.choices(states, weights)[0]
        text = corpus.text("en", rng)
        submitted = None if state == State.DRAFT else days_ago(rng.randrange(1, 900))
        submissions.append(Submission(
            series=rng.choice(series) if series else None, submitter=rng.choice(authors),
            title=text.title()[:255], abstract=text.paragraph(4),
            keywords=", ".join(text.subject() for _ in range(3)),
            competing_interests="None", licence_agreed=True, state=state,
            submitted_at=submitted,
            revision_due=(days_ago(rng.randrange(-60, 60)).date()
                          if state == State.REVISIONS_REQUESTED else None),
            handling_editor=(rng.choice(editors)
                             if state not in (State.DRAFT, State.SUBMITTED) else None),
        ))
    Submission.objects.bulk_create(submissions, batch_size=1000)
    rows = []
    for submission in submissions:
        submitter = submission.submitter
        rows.append(SubmissionAuthor(
            submission=submission, sort_order=0, name=submitter.get_full_name(),
            email=submitter.email, affiliation=rng.choice(AFFILIATIONS), is_corresponding=True))
        for position in range(1, rng.choice((1, 1, 2, 3))):
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            rows.append(SubmissionAuthor(
                submission=submission, sort_order=position, name=f"{first} {last}",
                email=f"{first}.{last}@example.org".lower(), affiliation=rng.choice(AFFILIATIONS)))
    SubmissionAuthor.objects.bulk_create(rows, batch_size=1000)
    through = Submission.topics.through
    through.objects.bulk_create([
        through(submission_id=submission.pk, topicpage_id=topic.pk)
        for submission in submissions for topic in rng.sample(corpus.topics, k=rng.choice((1, 2)))
    ], batch_size=1000)
    return submissions


def reset():
    """What ``seed`` made (the accounts and everything that hangs on them)."""
    User = get_user_model()
    Submission.objects.filter(submitter__username__startswith="scale-author-").delete()
    User.objects.filter(username__startswith="scale-author-").delete()
    User.objects.filter(username__startswith="scale-editor-").delete()
