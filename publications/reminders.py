"""Which reminders are due today under the editors' rules; each goes out once."""

import datetime

from django.utils import timezone

from . import workflow
from .models import ReminderRule, ReviewAssignment, SentReminder, Submission


def _fires(due, offset, today):
    return due is not None and due + datetime.timedelta(days=offset) <= today


def due_reminders(today=None):
    """(rule, assignment or None, submission) for every reminder that should go out now."""
    today = today or timezone.localdate()
    sent = set(SentReminder.objects.filter(rule__isnull=False).values_list(
        "rule_id", "assignment_id", "submission_id", "due_date"))
    for rule in ReminderRule.objects.filter(active=True):
        if rule.target == ReminderRule.Target.REVISION_DUE:
            for submission in Submission.objects.filter(
                state=Submission.State.REVISIONS_REQUESTED, revision_due__isnull=False
            ):
                key = (rule.pk, None, submission.pk, submission.revision_due)
                if _fires(submission.revision_due, rule.days_offset, today) and key not in sent:
                    yield rule, None, submission
            continue
        state = (ReviewAssignment.State.INVITED if rule.target == ReminderRule.Target.RESPONSE_DUE
                 else ReviewAssignment.State.ACCEPTED)
        for assignment in ReviewAssignment.objects.filter(
            state=state, round__submission__state=Submission.State.IN_REVIEW
        ).select_related("round__submission", "reviewer"):
            due = assignment.due_date()
            key = (rule.pk, assignment.pk, assignment.round.submission_id, due)
            if _fires(due, rule.days_offset, today) and key not in sent:
                yield rule, assignment, assignment.round.submission


def send_due_reminders(today=None):
    count = 0
    for rule, assignment, submission in list(due_reminders(today)):
        if assignment is not None:
            workflow.remind_reviewer(assignment, rule=rule)
        else:
            workflow.remind_author(submission, rule=rule)
        count += 1
    return count
