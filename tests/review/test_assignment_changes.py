"""Assignments that can change: new due dates (told or not, in the reviewer's language), a
reopened review, the reasons for a decline and whom the reviewer suggested instead, and a
cancellation with its reason after a confirmation. Bad input or an action the state machine does
not offer is a 4xx that changes nothing."""

import pytest
from django.urls import reverse

from publications.models import AssignmentChange, AuditEvent, ReviewAssignment
from publications.review import assignments, workflow

from .builders import in_days, in_review, reviewed

pytestmark = pytest.mark.django_db


@pytest.fixture
def invited(author, series, editor, reviewers):
    submission = in_review(author, series, editor)
    # reviewers[0] reads French.
    return workflow.invite_reviewer(submission, editor, reviewers[0], response_due=in_days(5),
                                    review_due=in_days(30))


def url(assignment, action):
    return (f"/admin/submissions/{assignment.round.submission_id}/assignments/"
            f"{assignment.pk}/{action}/")


def snapshot(assignment):
    fresh = ReviewAssignment.objects.get(pk=assignment.pk)
    return (fresh.state, fresh.response_due, fresh.review_due, fresh.submitted_at,
            AssignmentChange.objects.count(), AuditEvent.objects.count())


def test_a_due_date_change_told_to_the_reviewer_sends_mail_in_their_language(
        client, editor, invited, mailoutbox):
    client.force_login(editor)
    mailoutbox.clear()
    response = client.post(url(invited, "dates"), {
        "response_due": in_days(8).isoformat(), "review_due": in_days(40).isoformat(),
        "tell_reviewer": "yes", "note": "Asked for more time by phone."})
    assert response.status_code == 302
    invited.refresh_from_db()
    assert (invited.response_due, invited.review_due) == (in_days(8), in_days(40))
    change = AssignmentChange.objects.get(assignment=invited)
    assert change.kind == "due_changed" and change.reviewer_told is True
    assert (change.old_response_due, change.new_review_due) == (in_days(5), in_days(40))
    assert [m.to for m in mailoutbox] == [[invited.reviewer.email]]
    assert mailoutbox[0].subject.startswith("Nouvelles dates")


def test_a_quiet_due_date_change_sends_nothing_but_is_on_the_timeline(
        client, editor, invited, mailoutbox):
    client.force_login(editor)
    mailoutbox.clear()
    response = client.post(url(invited, "dates"), {
        "response_due": in_days(5).isoformat(), "review_due": in_days(45).isoformat(),
        "tell_reviewer": "no"})
    assert response.status_code == 302
    assert mailoutbox == []
    invited.refresh_from_db()
    assert invited.review_due == in_days(45)
    event = AuditEvent.objects.filter(action="due_dates_changed").get()
    assert "reviewer not told" in event.note
    assert AssignmentChange.objects.get().reviewer_told is False


@pytest.mark.parametrize("data", [
    {"response_due": "2020-01-01", "review_due": "2020-02-01", "tell_reviewer": "no"},
    {"response_due": "tomorrow", "review_due": "", "tell_reviewer": "no"},
    {"tell_reviewer": "maybe"},
])
def test_bad_dates_are_a_400_and_change_nothing(client, editor, invited, mailoutbox, data):
    client.force_login(editor)
    before = snapshot(invited)
    mailoutbox.clear()
    response = client.post(url(invited, "dates"), data)
    assert response.status_code == 400
    assert snapshot(invited) == before and mailoutbox == []


def test_review_before_answer_is_refused(client, editor, invited):
    client.force_login(editor)
    before = snapshot(invited)
    response = client.post(url(invited, "dates"), {
        "response_due": in_days(20).isoformat(), "review_due": in_days(10).isoformat(),
        "tell_reviewer": "yes"})
    assert response.status_code == 400
    assert "cannot be due before the answer" in response.content.decode()
    assert snapshot(invited) == before


def test_reopening_a_submitted_review_gives_it_back_to_the_reviewer(
        client, editor, author, series, reviewers, mailoutbox):
    submission, assignment = reviewed(author, series, editor, reviewers[1])
    client.force_login(editor)
    mailoutbox.clear()
    response = client.post(url(assignment, "reopen"), {
        "reason": "Please comment on the second case study too.",
        "review_due": in_days(10).isoformat()})
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.state == "accepted" and assignment.submitted_at is None
    assert assignment.review_due == in_days(10)
    # What they wrote is still there for them to amend.
    assert assignment.comments_for_authors == "Clarify the data sources in section 2."
    change = AssignmentChange.objects.get(kind="reopened")
    assert change.note == "Please comment on the second case study too."
    assert [m.to for m in mailoutbox] == [[reviewers[1].email]]
    assert "second case study" in mailoutbox[0].body
    # Their review page gives them the form again, filled with what they sent.
    from bs4 import BeautifulSoup

    from publications.review.tokens import make_assignment_token

    client.force_login(reviewers[1])
    page = BeautifulSoup(client.get(reverse("portal:review", args=[make_assignment_token(
        assignment)])).content, "html.parser")
    assert page.select_one("textarea[name=comments_for_authors]").get_text().strip() == \
        "Clarify the data sources in section 2."
    chosen = page.select("input[name=recommendation][checked], "
                         "select[name=recommendation] option[selected]")
    assert [element["value"] for element in chosen] == ["minor"]
    # The reviewer sends it again.
    workflow.submit_review(assignment, recommendation="accept",
                           comments_for_authors="Both cases are now covered.")
    assignment.refresh_from_db()
    assert assignment.state == "submitted"


def test_reopening_needs_a_reason_and_an_open_round(client, editor, author, series, reviewers):
    submission, assignment = reviewed(author, series, editor, reviewers[1])
    client.force_login(editor)
    before = snapshot(assignment)
    assert client.post(url(assignment, "reopen"), {
        "reason": "  ", "review_due": in_days(10).isoformat()}).status_code == 400
    assert snapshot(assignment) == before
    workflow.record_decision(submission, editor, outcome="accept", letter="Accepted.")
    before = snapshot(assignment)
    response = client.post(url(assignment, "reopen"), {
        "reason": "More please.", "review_due": in_days(10).isoformat()})
    assert response.status_code == 400
    assert snapshot(assignment) == before
    with pytest.raises(workflow.TransitionError):
        assignments.reopen_review(assignment, editor, reason="x", review_due=in_days(3))


def test_the_reviewer_declines_with_a_reason_and_a_suggestion(client, invited, editor):
    from publications.review.tokens import make_assignment_token

    token = make_assignment_token(invited)
    page = client.get(f"/en/portal/review/{token}/decline/")
    assert "Someone the editors could ask instead" in page.content.decode()
    response = client.post(f"/en/portal/review/{token}/decline/", {
        "reason": "expertise", "note": "I work on maritime law.",
        "suggested_name": "Hana Sato", "suggested_email": "Hana.Sato@uni.example"})
    assert response.status_code == 302
    invited.refresh_from_db()
    assert invited.state == "declined"
    change = AssignmentChange.objects.get(assignment=invited)
    assert (change.kind, change.decline_reason, change.suggested_name, change.suggested_email) == (
        "declined", "expertise", "Hana Sato", "hana.sato@uni.example")
    assert change.actor == invited.reviewer
    # The editor sees it on the submission's page.
    client.force_login(editor)
    html = client.get(f"/admin/submissions/{invited.round.submission_id}/").content.decode()
    assert "Outside my expertise" in html and "Hana Sato" in html


def test_a_decline_form_with_bad_input_declines_nothing(client, invited):
    from publications.review.tokens import make_assignment_token

    token = make_assignment_token(invited)
    before = snapshot(invited)
    response = client.post(f"/en/portal/review/{token}/decline/", {
        "reason": "bored", "suggested_email": "not an address"})
    assert response.status_code == 400
    assert snapshot(invited) == before


def test_the_editor_records_a_decline_that_came_by_phone(client, editor, invited):
    client.force_login(editor)
    response = client.post(url(invited, "decline"), {
        "reason": "no_time", "suggested_name": "Jan Novak"})
    assert response.status_code == 302
    invited.refresh_from_db()
    assert invited.state == "declined" and invited.responded_at is not None
    change = AssignmentChange.objects.get()
    assert (change.actor, change.decline_reason, change.suggested_name) == (
        editor, "no_time", "Jan Novak")
    assert client.post(url(invited, "decline"), {"reason": ""}).status_code == 400
    assert AssignmentChange.objects.count() == 1


def test_cancelling_asks_for_confirmation_and_a_reason(client, editor, invited, mailoutbox):
    client.force_login(editor)
    page = client.get(url(invited, "cancel"))
    assert page.status_code == 200
    assert "Yes, cancel this assignment" in page.content.decode()
    invited.refresh_from_db()
    assert invited.state == "invited"  # a GET only asks
    before = snapshot(invited)
    mailoutbox.clear()
    # No confirmation, or no reason: nothing happens.
    assert client.post(url(invited, "cancel"), {"reason": "Enough reviewers."}).status_code == 400
    assert client.post(url(invited, "cancel"), {"confirm": "on"}).status_code == 400
    assert snapshot(invited) == before and mailoutbox == []
    response = client.post(url(invited, "cancel"), {"reason": "Enough reviewers.",
                                                    "confirm": "on"})
    assert response.status_code == 302
    invited.refresh_from_db()
    assert invited.state == "cancelled"
    assert AssignmentChange.objects.get().note == "Enough reviewers."
    assert "Enough reviewers." in AuditEvent.objects.filter(
        action="assignment_cancelled").get().note
    assert [m.to for m in mailoutbox] == [[invited.reviewer.email]]
    # A second cancellation is no longer offered.
    assert client.post(url(invited, "cancel"), {"reason": "Again.", "confirm": "on"}
                       ).status_code == 400


def test_the_buttons_are_the_state_machines_answer(client, editor, author, series, reviewers,
                                                   invited):
    client.force_login(editor)
    html = client.get(f"/admin/submissions/{invited.round.submission_id}/").content.decode()
    assert url(invited, "dates") in html and url(invited, "cancel") in html
    assert url(invited, "reopen") not in html
    submission, done = reviewed(author, series, editor, reviewers[1], "Another")
    html = client.get(f"/admin/submissions/{submission.pk}/").content.decode()
    assert url(done, "reopen") in html and url(done, "dates") not in html
    assert url(done, "rate") in html


def test_editors_rate_reviews_privately(client, editor, author, series, reviewers):
    submission, done = reviewed(author, series, editor, reviewers[1])
    client.force_login(editor)
    assert client.post(url(done, "rate"), {"score": "4", "note": "Thorough"}).status_code == 302
    assert done.editor_rating.score == 4
    assert client.post(url(done, "rate"), {"score": "9"}).status_code == 400
    assert client.post(url(done, "rate"), {"score": "two"}).status_code == 400
    done.editor_rating.refresh_from_db()
    assert done.editor_rating.score == 4


def test_only_managing_editors_change_assignments_and_only_their_own_submissions(
        client, invited, reviewers, author, series, editor):
    other = in_review(author, series, editor, "Other work")
    client.force_login(editor)
    before = snapshot(invited)
    # The assignment does not belong to that submission: not found.
    response = client.post(f"/admin/submissions/{other.pk}/assignments/{invited.pk}/cancel/",
                           {"reason": "x", "confirm": "on"})
    assert response.status_code in (302, 404)
    client.force_login(reviewers[0])
    response = client.post(url(invited, "dates"), {
        "response_due": in_days(8).isoformat(), "review_due": in_days(40).isoformat(),
        "tell_reviewer": "no"})
    assert response.status_code in (302, 403)
    assert snapshot(invited) == before
    with pytest.raises(workflow.TransitionNotAllowed):
        assignments.change_due_dates(invited, reviewers[0], response_due=in_days(8),
                                     review_due=in_days(40), tell_reviewer=False)


def test_forms_need_the_csrf_token(editor, invited):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    before = snapshot(invited)
    response = strict.post(url(invited, "cancel"), {"reason": "x", "confirm": "on"})
    assert response.status_code == 403
    assert snapshot(invited) == before


def test_an_accepted_review_gets_a_new_date_its_answer_date_stays(client, editor, invited,
                                                                   mailoutbox):
    workflow.respond_to_invitation(invited, accept=True)
    ReviewAssignment.objects.filter(pk=invited.pk).update(review_due=in_days(-2))
    client.force_login(editor)
    mailoutbox.clear()
    response = client.post(url(invited, "dates"), {
        "response_due": in_days(9).isoformat(), "review_due": in_days(12).isoformat(),
        "tell_reviewer": "yes"})
    assert response.status_code == 302
    invited.refresh_from_db()
    assert (invited.response_due, invited.review_due) == (in_days(5), in_days(12))
    assert not invited.is_overdue()
    # In French, with the date as French readers write it: this reviewer reads French.
    from django.utils import formats, translation

    with translation.override("fr"):
        new_date = formats.date_format(in_days(12), "DATE_FORMAT")
    assert f"désormais attendue le {new_date}" in mailoutbox[0].body
