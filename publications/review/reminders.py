"""Which reminders are due today under the editors' rules; each goes out once.

A rule with a negative offset is a "before the due date" nudge, and only makes sense before that
date; a rule with offset zero or more chases what is late. When cron has not run for a while
several rules can be due for the same work at once: the person then gets one reminder, the one
of the rule that fired last (the most current), and the rules it supersedes are recorded with it,
so that none of them sends a stale reminder on the next run either.
"""

import datetime

from django.utils import timezone

from publications.models import ReminderRule, ReviewAssignment, SentReminder, Submission

from . import workflow


def _fires(due, offset, today):
    if due is None:
        return False
    if offset < 0 and today >= due:
        return False  # "two days before" is no reminder on or after the day itself
    return due + datetime.timedelta(days=offset) <= today


def _fired_rules(rules, due, sent, key_of, today):
    """The rules due for one piece of work and not sent yet, the most current first."""
    fired = [rule for rule in rules
             if _fires(due, rule.days_offset, today) and key_of(rule) not in sent]
    return sorted(fired, key=lambda rule: (rule.days_offset, rule.pk), reverse=True)


def due_reminders(today=None):
    """(rules, assignment or None, submission) for each reminder that should go out now.

    ``rules`` holds every rule due for that assignment (or that submission's revision), the one
    to send first; there is at most one entry per assignment and per submission's revision.
    """
    today = today or timezone.localdate()
    sent = set(SentReminder.objects.filter(rule__isnull=False).values_list(
        "rule_id", "assignment_id", "submission_id", "due_date"))
    rules = list(ReminderRule.objects.filter(active=True))
    by_target = {target: [r for r in rules if r.target == target]
                 for target in ReminderRule.Target.values}

    if by_target[ReminderRule.Target.REVISION_DUE]:
        for submission in Submission.objects.filter(
            state=Submission.State.REVISIONS_REQUESTED, revision_due__isnull=False
        ):
            fired = _fired_rules(
                by_target[ReminderRule.Target.REVISION_DUE], submission.revision_due, sent,
                lambda rule, s=submission: (rule.pk, None, s.pk, s.revision_due), today)
            if fired:
                yield fired, None, submission

    assignment_rules = {
        ReviewAssignment.State.INVITED: by_target[ReminderRule.Target.RESPONSE_DUE],
        ReviewAssignment.State.ACCEPTED: by_target[ReminderRule.Target.REVIEW_DUE],
    }
    for assignment in ReviewAssignment.objects.filter(
        state__in=[state for state, state_rules in assignment_rules.items() if state_rules],
        round__submission__state=Submission.State.IN_REVIEW,
    ).select_related("round__submission", "reviewer").order_by("pk"):
        due = assignment.due_date()
        fired = _fired_rules(
            assignment_rules[assignment.state], due, sent,
            lambda rule, a=assignment: (rule.pk, a.pk, a.round.submission_id, a.due_date()),
            today)
        if fired:
            yield fired, assignment, assignment.round.submission


def send_due_reminders(today=None):
    count = 0
    for rules, assignment, submission in list(due_reminders(today)):
        rule, superseded = rules[0], rules[1:]
        if assignment is not None:
            workflow.remind_reviewer(assignment, rule=rule, superseded=superseded)
        else:
            workflow.remind_author(submission, rule=rule, superseded=superseded)
        count += 1
    return count
