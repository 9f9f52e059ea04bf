"""The editors' queue costs the same number of queries for 50 submissions as for 5,000, whatever
the search, filters and page; and it finds what it is asked for."""

import datetime
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from publications.models import ReviewAssignment, ReviewRound, Submission, SubmissionAuthor

from .conftest import make_user

pytestmark = pytest.mark.django_db

STATES = [Submission.State.SUBMITTED, Submission.State.SCREENING, Submission.State.IN_REVIEW,
          Submission.State.REVISIONS_REQUESTED, Submission.State.ACCEPTED,
          Submission.State.REJECTED]


def add_submissions(start, count, *, submitter, series, editors, reviewer):
    """``count`` submissions in every state, half of them with a handling editor, those in
    review with a round and two reviewers, one of them late. Rows made in bulk, as the seeding
    of a large desk would."""
    today = timezone.localdate()
    submissions = Submission.objects.bulk_create([
        Submission(
            submitter=submitter, series=series, title=f"Civil-military study {n}",
            abstract=f"Abstract of study {n}.", keywords="liaison, CIMIC",
            state=STATES[n % len(STATES)], submitted_at=timezone.now(),
            handling_editor=editors[n % len(editors)] if n % 2 else None,
            revision_due=today - datetime.timedelta(days=1) if n % 12 == 3 else None,
        ) for n in range(start, start + count)
    ])
    SubmissionAuthor.objects.bulk_create([
        SubmissionAuthor(submission=s, name=f"Author {s.title[-4:]}", email="a@uni.example",
                         is_corresponding=True) for s in submissions])
    in_review = [s for s in submissions if s.state == Submission.State.IN_REVIEW]
    rounds = ReviewRound.objects.bulk_create([
        ReviewRound(submission=s, number=1, opened_at=timezone.now()) for s in in_review])
    ReviewAssignment.objects.bulk_create([
        ReviewAssignment(round=r, reviewer=reviewer, state=state,
                         response_due=today + datetime.timedelta(days=3),
                         review_due=today + datetime.timedelta(days=offset))
        for r in rounds
        for state, offset in ((ReviewAssignment.State.ACCEPTED, -2),
                              (ReviewAssignment.State.SUBMITTED, 20))])
    return submissions


def queries_and_rows(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        assert response.status_code == 200, url
    return len(captured), list(response.context["submissions"]), response


def test_the_queue_costs_the_same_at_50_and_at_5000_submissions(
        client, django_user_model, author, series, editor, reviewers,
        django_assert_max_num_queries):
    other = make_user(django_user_model, "piet", "Managing Editors", first="Piet")
    people = {"submitter": author, "series": series, "editors": [editor, other],
              "reviewer": reviewers[0]}
    add_submissions(0, 50, **people)
    client.force_login(editor)
    urls = [
        "/admin/submissions/",
        "/admin/submissions/?q=study+4",
        "/admin/submissions/?q=Author",
        f"/admin/submissions/?state=in_review&series={series.pk}",
        f"/admin/submissions/?handling_editor={other.pk}",
        "/admin/submissions/?handling_editor=none&overdue=on",
        "/admin/submissions/?overdue=on",
    ]
    queries_and_rows(client, urls[0])  # the first request fills what a running site has warm
    at_50 = {url: queries_and_rows(client, url)[0] for url in urls}

    add_submissions(50, 4950, **people)
    assert Submission.objects.count() == 5000
    for url in urls + ["/admin/submissions/?page=100", "/admin/submissions/?q=study&page=3"]:
        expected = at_50.get(url, at_50[urls[0]])
        started = time.perf_counter()
        with django_assert_max_num_queries(expected):
            count, rows, response = queries_and_rows(client, url)
        elapsed = time.perf_counter() - started
        assert count == expected, url
        assert 0 < len(rows) <= 50, url
        # Generous for a shared test machine; on a quiet one each page takes a few hundredths.
        assert elapsed < 5, (url, elapsed)


def test_the_queue_finds_what_it_is_asked_for(client, django_user_model, author, series, editor,
                                              reviewers):
    other = make_user(django_user_model, "piet", "Managing Editors", first="Piet")
    made = add_submissions(0, 120, submitter=author, series=series, editors=[editor, other],
                           reviewer=reviewers[0])
    client.force_login(editor)
    by_pk = {s.pk: s for s in made}

    def rows(query):
        _count, found, response = queries_and_rows(client, "/admin/submissions/?" + query)
        return found, response

    found, response = rows("")
    assert len(found) == 50 and response.context["paging"].page.paginator.count == 120
    assert "Page 1 of 3" in response.content.decode()
    found, _r = rows("q=study+17")
    assert {s.title for s in found} == {"Civil-military study 17"}
    found, _r = rows(f"q={made[7].pk}")
    assert made[7].pk in {s.pk for s in found}
    found, _r = rows("state=in_review")
    assert found and all(s.state == "in_review" for s in found)
    assert all(s.open_reviews == 1 and s.done_reviews == 1 and s.overdue for s in found)
    found, _r = rows(f"handling_editor={other.pk}&overdue=on")
    assert found and all(by_pk[s.pk].handling_editor_id == other.pk and s.overdue for s in found)
    overdue_expected = {s.pk for s in made if s.state == "in_review"
                        or (s.state == "revisions_requested" and s.revision_due)}
    found = []
    for page in (1, 2, 3):
        _count, rows_on_page, response = queries_and_rows(
            client, f"/admin/submissions/?overdue=on&page={page}")
        found += rows_on_page
        if not response.context["paging"].page.has_next():
            break
    assert {s.pk for s in found} == overdue_expected


@pytest.mark.parametrize("query, status", [
    ("page=abc", 400), ("page=0", 400), ("page=99", 404), ("state=nonsense", 400),
    ("series=999999", 400), ("handling_editor=123456789", 400), ("q=" + "x" * 201, 400),
])
def test_the_queue_answers_bad_queries_with_a_4xx(client, author, series, editor, reviewers,
                                                  query, status):
    add_submissions(0, 3, submitter=author, series=series, editors=[editor],
                    reviewer=reviewers[0])
    client.force_login(editor)
    # (A 404 outside the language prefix is first sent to the prefixed address by Django's
    # LocaleMiddleware, as for every admin 404: follow it to its end.)
    response = client.get("/admin/submissions/?" + query, follow=True)
    assert response.status_code == status
