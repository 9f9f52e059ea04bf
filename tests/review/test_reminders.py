"""Reminders follow the editors' rules, go out once each, and can also be sent by hand."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from publications.models import AuditEvent, ReminderRule, SentReminder
from publications.review import workflow

from .builders import in_days, in_review, reviewed

pytestmark = pytest.mark.django_db


def test_default_rules_exist_for_every_kind_of_due_date():
    targets = set(ReminderRule.objects.filter(active=True).values_list("target", flat=True))
    assert targets == {"response_due", "review_due", "revision_due"}


def test_cron_reminds_an_unanswered_reviewer_once(author, series, editor, reviewers, mailoutbox):
    submission = in_review(author, series, editor)
    assignment = workflow.invite_reviewer(submission, editor, reviewers[0],
                                          response_due=in_days(2), review_due=in_days(20))
    mailoutbox.clear()
    call_command("send_reminders")
    assert [m.to for m in mailoutbox] == [[reviewers[0].email]]
    assert "Rappel" in mailoutbox[0].subject  # this reviewer reads French
    assert "/decline/" in mailoutbox[0].body
    sent = SentReminder.objects.get()
    assert sent.assignment == assignment and sent.rule.days_offset == -2
    assert AuditEvent.objects.filter(submission=submission, action="reminder_sent").count() == 1
    call_command("send_reminders")
    assert len(mailoutbox) == 1 and SentReminder.objects.count() == 1


def test_rules_editors_change_take_effect(author, series, editor, reviewers, mailoutbox):
    submission = in_review(author, series, editor)
    workflow.invite_reviewer(submission, editor, reviewers[0], response_due=in_days(5),
                             review_due=in_days(20))
    mailoutbox.clear()
    call_command("send_reminders")
    assert mailoutbox == []
    ReminderRule.objects.create(name="Five days ahead", target="response_due", days_offset=-5)
    call_command("send_reminders")
    assert len(mailoutbox) == 1


def test_cron_reminds_late_reviews_and_late_revisions(author, series, editor, reviewers,
                                                    mailoutbox):
    submission, _done = reviewed(author, series, editor, reviewers[0])
    late = workflow.invite_reviewer(submission, editor, reviewers[1], response_due=in_days(0),
                                    review_due=in_days(1))
    workflow.respond_to_invitation(late, accept=True)
    mailoutbox.clear()
    three_days_later = timezone.localdate() + datetime.timedelta(days=3)
    from publications.review.reminders import send_due_reminders

    assert send_due_reminders(today=three_days_later) >= 1
    assert [m.to for m in mailoutbox] == [[reviewers[1].email]] * len(mailoutbox)
    workflow.record_decision(submission, editor, outcome="minor", letter="Revise.",
                             revision_due=in_days(7))
    mailoutbox.clear()
    assert send_due_reminders() == 1
    assert [m.to for m in mailoutbox] == [[author.email]]
    assert send_due_reminders() == 0


def test_an_editor_reminds_by_hand_from_the_admin(client, author, series, editor, reviewers,
                                                mailoutbox):
    submission = in_review(author, series, editor)
    assignment = workflow.invite_reviewer(submission, editor, reviewers[0],
                                          response_due=in_days(9), review_due=in_days(20))
    mailoutbox.clear()
    client.force_login(editor)
    response = client.post(
        f"/admin/submissions/{submission.pk}/assignments/{assignment.pk}/remind/")
    assert response.status_code == 302
    assert [m.to for m in mailoutbox] == [[reviewers[0].email]]
    assert SentReminder.objects.get().sent_by == editor
    # Cancelled: no more reminders.
    client.post(f"/admin/submissions/{submission.pk}/assignments/{assignment.pk}/cancel/",
                {"reason": "The round has enough reviewers.", "confirm": "on"})
    response = client.post(
        f"/admin/submissions/{submission.pk}/assignments/{assignment.pk}/remind/")
    assert response.status_code == 400
    assert "Only an open assignment" in response.content.decode()


def test_managing_editors_edit_the_rules_in_the_admin(client, editor):
    client.force_login(editor)
    rule = ReminderRule.objects.first()
    response = client.get(f"/admin/snippets/publications/reminderrule/edit/{rule.pk}/")
    assert response.status_code == 200


def test_the_queue_filters_overdue_work(client, author, series, editor, reviewers):
    on_time = in_review(author, series, editor, title="On time")
    late = in_review(author, series, editor, title="Running late")
    for submission, due in ((on_time, in_days(4)), (late, in_days(0))):
        workflow.invite_reviewer(submission, editor, reviewers[0], response_due=due,
                                 review_due=in_days(20))
    from publications.models import ReviewAssignment
    ReviewAssignment.objects.filter(round__submission=late).update(
        response_due=in_days(-2))  # the invitation went unanswered past its date
    client.force_login(editor)
    page = client.get("/admin/submissions/?overdue=on").content.decode()
    assert "Running late" in page and "On time" not in page
    page = client.get(f"/admin/submissions/?state=in_review&series={series.pk}").content.decode()
    assert "Running late" in page and "On time" in page


def test_a_before_the_date_rule_does_not_fire_once_the_date_has_come(author, series, editor,
                                                                   reviewers, mailoutbox):
    from publications.review.reminders import send_due_reminders

    submission = in_review(author, series, editor)
    assignment = workflow.invite_reviewer(submission, editor, reviewers[0],
                                          response_due=in_days(2), review_due=in_days(20))
    mailoutbox.clear()
    # Cron was down until the response was due: "2 days before" is no longer a reminder, and
    # "1 day after" is not due yet.
    assert send_due_reminders(today=assignment.response_due) == 0
    assert mailoutbox == []


def test_cron_catching_up_sends_one_reminder_per_assignment_and_records_every_rule(
        author, series, editor, reviewers, mailoutbox):
    from publications.review.reminders import send_due_reminders

    submission = in_review(author, series, editor)
    assignment = workflow.invite_reviewer(submission, editor, reviewers[0],
                                          response_due=in_days(7), review_due=in_days(30))
    ReminderRule.objects.create(name="Three days late", target="response_due", days_offset=3)
    mailoutbox.clear()
    # Five days after the due date both "after" rules (+1, +3) are due at once.
    five_days_late = assignment.response_due + datetime.timedelta(days=5)
    assert send_due_reminders(today=five_days_late) == 1
    assert [m.to for m in mailoutbox] == [[reviewers[0].email]]
    sent = SentReminder.objects.filter(assignment=assignment)
    assert sorted(sent.values_list("rule__days_offset", flat=True)) == [1, 3]
    reminded = AuditEvent.objects.get(submission=submission, action="reminder_sent")
    assert "Three days late" in reminded.note  # the most current rule is the one sent
    assert send_due_reminders(today=five_days_late) == 0
    assert send_due_reminders(today=five_days_late + datetime.timedelta(days=3)) == 0
    assert len(mailoutbox) == 1


def test_an_author_late_with_a_revision_gets_one_reminder_per_run(author, series, editor,
                                                                 reviewers, mailoutbox):
    from publications.review.reminders import send_due_reminders

    submission, _assignment = reviewed(author, series, editor, reviewers[0])
    workflow.record_decision(submission, editor, outcome="minor", letter="Revise.",
                             revision_due=in_days(7))
    ReminderRule.objects.create(name="A week late", target="revision_due", days_offset=7)
    mailoutbox.clear()
    assert send_due_reminders(today=in_days(20)) == 1
    assert [m.to for m in mailoutbox] == [[author.email]]
    assert SentReminder.objects.filter(submission=submission).count() == 2
    assert send_due_reminders(today=in_days(21)) == 0
