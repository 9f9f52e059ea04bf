"""Editorial statistics: the figures equal those worked out by hand on a known history, the
charts read without JavaScript, the CSV reads back, and nothing a user typed escapes."""

import csv
import datetime
import io
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone
from wagtail.models import Locale

from publications.models import (
    Decision,
    ReviewAssignment,
    ReviewRound,
    Series,
    Submission,
)
from publications.review.statistics import editorial_statistics, percentile

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"
A, S = ReviewAssignment.State, Submission.State


def at(year, month, day, hour=12, minute=0):
    """A moment in the site's time zone (Europe/Berlin)."""
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


def d(year, month, day):
    return datetime.date(year, month, day)


def work(author, series, title, submitted, state):
    return Submission.objects.create(submitter=author, series=series, title=title, state=state,
                                     submitted_at=submitted)


def decide(submission, outcome, when, review_round=None):
    Decision.objects.create(submission=submission, round=review_round, outcome=outcome,
                            letter="…", created_at=when)


def invite(review_round, reviewer, invited, responded=None, reviewed=None, state=A.SUBMITTED):
    return ReviewAssignment.objects.create(
        round=review_round, reviewer=reviewer, state=state, invited_at=invited,
        responded_at=responded, submitted_at=reviewed, response_due=d(2030, 1, 1),
        review_due=d(2030, 2, 1))


@pytest.fixture
def history(author, series, reviewers, django_user_model):
    """Two series' submissions with every date set; the figures below are worked out by hand."""
    r1, r2 = reviewers
    r3 = django_user_model.objects.create_user("reviewer3", "r3@jcmi.example")
    white = Series.objects.create(name="White Papers", slug="white-papers",
                                  kind=Series.Kind.WHITE_PAPER, locale=Locale.get_default())
    # Working papers, received in 2025 --------------------------------------------------------
    s1 = work(author, series, "S1", at(2025, 1, 10), S.REJECTED)
    decide(s1, "desk_reject", at(2025, 1, 14))                                  # 4 days
    s2 = work(author, series, "S2", at(2025, 2, 1), S.ACCEPTED)
    round1 = ReviewRound.objects.create(submission=s2, number=1, opened_at=at(2025, 2, 5))
    invite(round1, r1, at(2025, 2, 5), at(2025, 2, 7), at(2025, 3, 7))          # 2 / 30 days
    invite(round1, r2, at(2025, 2, 5), at(2025, 2, 6), state=A.DECLINED)         # 1 day
    invite(round1, r3, at(2025, 2, 10), state=A.CANCELLED)                       # no answer
    decide(s2, "minor", at(2025, 3, 21), round1)                                 # 48 days
    round2 = ReviewRound.objects.create(submission=s2, number=2, opened_at=at(2025, 4, 20))
    invite(round2, r1, at(2025, 4, 20), at(2025, 4, 21), at(2025, 5, 1))         # 1 / 11 days
    decide(s2, "accept", at(2025, 5, 10), round2)                                # 98 days
    s3 = work(author, series, "S3", at(2025, 3, 1), S.REJECTED)
    round1 = ReviewRound.objects.create(submission=s3, number=1, opened_at=at(2025, 3, 3))
    invite(round1, r2, at(2025, 3, 3), at(2025, 3, 13), at(2025, 4, 12))         # 10 / 40 days
    decide(s3, "reject", at(2025, 4, 30), round1)                                # 60 days
    work(author, series, "S4", at(2025, 6, 15), S.WITHDRAWN)
    # Half past eleven at night in Berlin on 31 December is still 2025 (22:30 UTC).
    s5 = work(author, series, "S5", at(2025, 12, 31, 23, 30), S.SCREENING)
    ReviewRound.objects.create(submission=s5, number=1)  # prepared, never opened
    # A draft never counts.
    Submission.objects.create(submitter=author, series=series, title="Draft", state=S.DRAFT)
    # Working papers, received in 2024 and decided in 2025: counted in 2024 -------------------
    s6 = work(author, series, "S6", at(2024, 11, 20), S.REJECTED)
    decide(s6, "desk_reject", at(2025, 1, 5))                                    # 46 days
    # White papers, 2025 ------------------------------------------------------------------------
    s7 = work(author, white, "S7", at(2025, 5, 5), S.ACCEPTED)
    round1 = ReviewRound.objects.create(submission=s7, number=1, opened_at=at(2025, 5, 6))
    invite(round1, r3, at(2025, 5, 6), at(2025, 5, 8), at(2025, 5, 20))          # 2 / 14 days
    decide(s7, "accept", at(2025, 6, 4), round1)                                 # 30 days
    return series, white


def test_percentiles_interpolate_between_ranks_as_a_spreadsheet_does():
    assert percentile([4, 48, 60], 0.5) == 48
    assert percentile([4, 48, 60], 0.9) == pytest.approx(57.6)
    assert percentile([4, 30, 48, 60], 0.5) == 39
    assert percentile([7], 0.9) == 7
    assert percentile([], 0.5) is None


def test_the_figures_equal_those_worked_out_by_hand(history):
    working, white = history
    rows = {(r.series_name if not r.all_series else "all", r.year): r
            for r in editorial_statistics()}
    assert list(rows) == [("all", 2025), (white.name, 2025), (working.name, 2025),
                          ("all", 2024), (working.name, 2024)]

    wp = rows[(working.name, 2025)]
    assert (wp.received, wp.desk_rejected, wp.accepted, wp.rejected) == (5, 1, 1, 1)
    assert wp.acceptance_rate == pytest.approx(1 / 3)
    assert sorted(wp.first_decision.values) == [4, 48, 60]
    assert (wp.first_decision.median, wp.first_decision.p90) == (48, pytest.approx(57.6))
    assert sorted(wp.final_decision.values) == [4, 60, 98]
    assert (wp.final_decision.median, wp.final_decision.p90) == (60, pytest.approx(90.4))
    assert (wp.invitations, wp.answered) == (5, 4) and wp.response_rate == 0.8
    assert wp.response.median == 1.5
    assert sorted(wp.turnaround.values) == [11, 30, 40]
    assert (wp.turnaround.median, wp.turnaround.p90) == (30, pytest.approx(38))
    assert (wp.reviewed_works, wp.revisions, wp.revisions_per_work) == (2, 1, 0.5)

    old = rows[(working.name, 2024)]
    assert (old.received, old.desk_rejected, old.acceptance_rate) == (1, 1, 0)
    assert old.first_decision.median == old.final_decision.p90 == 46
    assert old.response_rate is None and old.revisions_per_work is None

    everything = rows[("all", 2025)]
    assert (everything.received, everything.accepted, everything.final_decisions) == (6, 2, 4)
    assert everything.acceptance_rate == 0.5
    assert (everything.first_decision.median, everything.first_decision.p90) == (
        39, pytest.approx(56.4))
    assert (everything.final_decision.median, everything.final_decision.p90) == (
        45, pytest.approx(86.6))
    assert (everything.invitations, everything.answered) == (6, 5)
    assert (everything.turnaround.median, everything.turnaround.p90) == (22, pytest.approx(37))
    assert everything.revisions_per_work == pytest.approx(1 / 3)

    only = editorial_statistics(series=white, year=2025)
    assert [(r.series_name, r.year, r.received, r.acceptance_rate) for r in only] == [
        (white.name, 2025, 1, 1.0)]
    assert editorial_statistics(year=2023) == []


def test_the_report_draws_its_charts_as_accessible_svg_beside_the_figures(client, history,
                                                                         editor):
    working, _white = history
    client.force_login(editor)
    response = client.get(f"/admin/submissions/statistics/?series={working.pk}")
    assert response.status_code == 200
    page = response.content.decode()
    svgs = page.count("<svg xmlns=")
    assert svgs == 3
    for chunk in page.split('<svg xmlns="http://www.w3.org/2000/svg"')[1:]:
        svg = ET.fromstring('<svg xmlns="http://www.w3.org/2000/svg"' + chunk.split("</svg>")[0]
                            + "</svg>")
        assert svg.get("role") == "img"
        title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
        assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        assert title.text and desc.text
        assert all(rect.find(f"{SVG}title") is not None
                   for rect in svg.iter(f"{SVG}rect") if rect.get("width") != "12")
    # The volume chart says in words what its bars show, and a table beside it says it again.
    assert "Received: 2024: 1; 2025: 5. Desk rejections: 2024: 1; 2025: 1." in page
    assert "<title>Received, 2025: 5</title>" in page  # a bar's own title
    assert "First decision: 2024: 46; 2025: 48. Final decision: 2024: 46; 2025: 60." in page
    assert "<td>48 / 57.6</td>" in page and "<td>60 / 90.4</td>" in page
    assert "<td>33.3 % (1/3)</td>" in page and "<td>80 % (4/5)</td>" in page
    assert "<td>30 / 38</td>" in page and "<td>0.50</td>" in page


def test_the_csv_reads_back_with_the_same_figures(client, history, editor):
    client.force_login(editor)
    response = client.get("/admin/submissions/statistics/csv/?year=2025")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(r["series"], r["year"]) for r in rows] == [
        ("All series", "2025"), ("White Papers", "2025"),
        ("Working Papers on Civil-Military Interaction", "2025")]
    wp = rows[2]
    assert wp["received"] == "5" and wp["desk_rejections"] == "1"
    assert wp["acceptance_rate_percent"] == "33.3"
    figures = {name: float(value) for name, value in wp.items()
               if name not in ("series", "year") and value}
    assert figures["days_to_first_decision_median"] == 48
    assert figures["days_to_first_decision_p90"] == 57.6
    assert figures["days_to_final_decision_median"] == 60
    assert figures["days_to_final_decision_p90"] == 90.4
    assert figures["reviewer_response_rate_percent"] == 80
    assert figures["days_to_respond_median"] == 1.5
    assert figures["review_turnaround_days_median"] == 30
    assert figures["review_turnaround_days_p90"] == 38
    assert figures["revisions_per_work"] == 0.5
    white = rows[1]
    assert (white["acceptance_rate_percent"], white["revisions_per_work"]) == ("100.0", "0.0")
    # An empty cell is a figure that cannot be had: 2024's work had no reviewer to answer.
    older = list(csv.DictReader(io.StringIO(client.get(
        "/admin/submissions/statistics/csv/?year=2024").content.decode())))
    assert older[0]["reviewer_response_rate_percent"] == "" and older[0]["received"] == "1"


def test_series_names_are_escaped_in_the_page_the_charts_and_the_csv(client, author, editor):
    hostile = Series.objects.create(name='=HYPERLINK("http://x.example")<script>&', slug="h",
                                    kind=Series.Kind.ARTICLE, locale=Locale.get_default())
    work(author, hostile, "One", at(2025, 3, 3), S.SUBMITTED)
    client.force_login(editor)
    page = client.get(f"/admin/submissions/statistics/?series={hostile.pk}").content.decode()
    assert "<script>&" not in page
    assert "&lt;script&gt;&amp;" in page
    rows = list(csv.reader(io.StringIO(client.get(
        "/admin/submissions/statistics/csv/").content.decode())))
    names = [row[0] for row in rows[1:]]
    assert "'=HYPERLINK(\"http://x.example\")<script>&" in names
    assert not any(name.startswith("=") for name in names)


@pytest.mark.parametrize("query", ["year=abc", "year=20255", "series=999999", "series=x"])
def test_a_filter_that_is_not_one_is_a_400(client, history, editor, query):
    client.force_login(editor)
    assert client.get(f"/admin/submissions/statistics/?{query}").status_code == 400
    assert client.get(f"/admin/submissions/statistics/csv/?{query}").status_code == 400


def test_only_managing_editors_read_the_statistics(client, history, author, reviewers):
    for user in (author, reviewers[0]):
        client.force_login(user)
        for url in ("/admin/submissions/statistics/", "/admin/submissions/statistics/csv/"):
            assert client.get(url).status_code in (302, 403)


def test_the_report_costs_the_same_queries_for_a_longer_history(client, history, editor, author,
                                                                django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(editor)
    client.get("/admin/submissions/statistics/")
    with CaptureQueriesContext(connection) as few:
        client.get("/admin/submissions/statistics/")
    working, _white = history
    for n in range(30):
        s = work(author, working, f"More {n}", at(2023 + n % 3, 1 + n % 12, 3), S.REJECTED)
        decide(s, "desk_reject", at(2026, 1, 1))
    with django_assert_max_num_queries(len(few)):
        assert client.get("/admin/submissions/statistics/").status_code == 200
