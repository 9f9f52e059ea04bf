"""Handling editors: a submission goes to one of its series' editors, who alone hears about it,
until a managing editor hands it to someone else."""

import pytest

from publications.models import AuditEvent, SeriesHandlingEditor, Submission
from publications.review import workflow

from .builders import draft, in_days, in_review
from .conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(django_user_model, series, editor):
    """Two handling editors for the series; ``editor`` (a managing editor too) is not one."""
    first = make_user(django_user_model, "nadia", "Managing Editors", first="Nadia",
                      last="Karim")
    second = make_user(django_user_model, "piet", "Managing Editors", first="Piet",
                       last="de Vries")
    SeriesHandlingEditor.objects.create(series=series, editor=first, sort_order=0)
    SeriesHandlingEditor.objects.create(series=series, editor=second, sort_order=1)
    return first, second


def recipients(mailoutbox):
    return sorted(address for message in mailoutbox for address in message.to)


def test_a_new_submission_goes_to_the_least_busy_handling_editor_alone(author, series, editor,
                                                                      desk, mailoutbox):
    first, second = desk
    one = draft(author, series, title="Liaison cells in flood response")
    workflow.submit(one, author)
    assert Submission.objects.get(pk=one.pk).handling_editor == first
    # The author hears, and of the three managing editors only the handling editor does.
    assert recipients(mailoutbox) == sorted([author.email, first.email])
    assert AuditEvent.objects.filter(submission=one, action="handling_editor_assigned",
                                     note__contains="Nadia Karim").exists()

    mailoutbox.clear()
    two = draft(author, series, title="Shared logistics hubs")
    workflow.submit(two, author)
    # Nadia has one open submission, Piet none: the new one is Piet's.
    assert Submission.objects.get(pk=two.pk).handling_editor == second
    assert recipients(mailoutbox) == sorted([author.email, second.email])


def test_the_handling_editor_alone_gets_every_notice_of_the_review(author, series, editor, desk,
                                                                   reviewers, mailoutbox):
    first, _second = desk
    submission = in_review(author, series, editor)
    assert submission.handling_editor == first
    assignment = workflow.invite_reviewer(submission, editor, reviewers[1],
                                          response_due=in_days(3), review_due=in_days(20))
    mailoutbox.clear()
    workflow.respond_to_invitation(assignment, accept=True)
    workflow.submit_review(assignment, recommendation="minor", comments_for_authors="Clarify.")
    assert [m.to for m in mailoutbox] == [[first.email], [first.email]]
    assert "accepted" in mailoutbox[0].body.lower()
    mailoutbox.clear()
    workflow.withdraw(submission, author, "Published elsewhere.")
    assert recipients(mailoutbox) == [first.email]


def test_without_handling_editors_every_managing_editor_hears(author, series, editor,
                                                              django_user_model, mailoutbox):
    other = make_user(django_user_model, "sofia", "Managing Editors")
    submission = draft(author, series)
    workflow.submit(submission, author)
    assert Submission.objects.get(pk=submission.pk).handling_editor is None
    assert recipients(mailoutbox) == sorted([author.email, editor.email, other.email])


def test_an_editor_who_left_the_desk_is_passed_over(author, series, editor, desk, mailoutbox):
    first, second = desk
    first.is_active = False
    first.save()
    submission = draft(author, series)
    workflow.submit(submission, author)
    assert Submission.objects.get(pk=submission.pk).handling_editor == second


def test_a_managing_editor_hands_a_submission_over_and_the_new_editor_is_told(
        client, author, series, editor, desk, reviewers, mailoutbox):
    first, second = desk
    submission = in_review(author, series, editor)
    client.force_login(editor)
    page = client.get(f"/admin/submissions/{submission.pk}/").content.decode()
    assert "Nadia Karim" in page and "Hand to another editor" in page
    mailoutbox.clear()
    response = client.post(f"/admin/submissions/{submission.pk}/handling-editor/",
                           {"editor": second.pk, "note": "Nadia is on leave in May."})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.handling_editor == second
    assert [m.to for m in mailoutbox] == [[second.email]]
    assert "You now handle" in mailoutbox[0].subject
    assert "Jonas Weber" in mailoutbox[0].body  # who handed it over
    event = AuditEvent.objects.filter(submission=submission,
                                      action="handling_editor_assigned").last()
    assert event.actor == editor and "Nadia is on leave in May." in event.note
    # From now on the notices go to the new handling editor alone.
    mailoutbox.clear()
    assignment = workflow.invite_reviewer(submission, editor, reviewers[0],
                                          response_due=in_days(3), review_due=in_days(20))
    workflow.respond_to_invitation(assignment, accept=False)
    assert [m.to for m in mailoutbox if m.to != [reviewers[0].email]] == [[second.email]]


def test_the_queue_filters_by_handling_editor(client, author, series, editor, desk):
    first, second = desk
    one = draft(author, series, title="Liaison cells in flood response")
    workflow.submit(one, author)
    two = draft(author, series, title="Shared logistics hubs")
    workflow.submit(two, author)
    three = draft(author, None, title="A paper without a series yet")
    three.series = series
    three.save()
    SeriesHandlingEditor.objects.all().delete()
    workflow.submit(three, author)
    client.force_login(editor)

    def titles(query):
        response = client.get("/admin/submissions/?" + query)
        assert response.status_code == 200
        return {s.title for s in response.context["submissions"]}

    assert titles(f"handling_editor={first.pk}") == {one.title}
    assert titles(f"handling_editor={second.pk}") == {two.title}
    assert titles("handling_editor=none") == {three.title}
    assert titles("") == {one.title, two.title, three.title}


@pytest.mark.parametrize("data", [
    {"editor": "999999"},           # nobody
    {"editor": "not-a-number"},
    {},
    {"editor": "AUTHOR", "note": "x"},  # an author, not a managing editor
    {"editor": "SAME"},             # already handles it
    {"editor": "OTHER", "note": "n" * 1001},
])
def test_handing_over_refuses_bad_input_and_changes_nothing(client, author, series, editor, desk,
                                                            mailoutbox, data):
    first, second = desk
    submission = draft(author, series)
    workflow.submit(submission, author)
    mailoutbox.clear()
    events = AuditEvent.objects.count()
    replace = {"AUTHOR": str(author.pk), "SAME": str(first.pk), "OTHER": str(second.pk)}
    data = {key: replace.get(value, value) for key, value in data.items()}
    client.force_login(editor)
    response = client.post(f"/admin/submissions/{submission.pk}/handling-editor/", data)
    assert response.status_code == 400
    assert Submission.objects.get(pk=submission.pk).handling_editor == first
    assert AuditEvent.objects.count() == events and mailoutbox == []


def test_only_managing_editors_hand_submissions_over(client, author, series, desk, reviewers):
    first, second = desk
    submission = draft(author, series)
    workflow.submit(submission, author)
    for user in (author, reviewers[0]):
        client.force_login(user)
        response = client.post(f"/admin/submissions/{submission.pk}/handling-editor/",
                               {"editor": second.pk})
        # Refused: Wagtail sends a user without admin access back to the dashboard (302).
        assert response.status_code in (302, 403)
    assert Submission.objects.get(pk=submission.pk).handling_editor == first
    with pytest.raises(workflow.TransitionNotAllowed):
        workflow.assign_handling_editor(submission, author, second)


def test_a_closed_submission_is_not_handed_over(author, series, editor, desk):
    _first, second = desk
    submission = draft(author, series)
    workflow.submit(submission, author)
    workflow.desk_reject(submission, editor, "Out of scope.")
    with pytest.raises(workflow.TransitionError):
        workflow.assign_handling_editor(submission, editor, second)


def test_an_editor_who_takes_a_submission_on_is_not_mailed_about_it(author, series, editor,
                                                                     desk, mailoutbox):
    first, _second = desk
    submission = draft(author, series)
    workflow.submit(submission, author)
    mailoutbox.clear()
    workflow.assign_handling_editor(submission, editor, editor)
    assert Submission.objects.get(pk=submission.pk).handling_editor == editor
    assert mailoutbox == []
    assert AuditEvent.objects.filter(submission=submission, action="handling_editor_assigned",
                                     actor=editor).exists()
