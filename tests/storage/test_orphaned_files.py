"""No file is left behind in a bucket: not by an upload that fails half-way, not by a deletion
while the store is down. The store is moto's S3 server behind a proxy that fails on cue."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_tasks.signals import task_enqueued

from cms.models import PendingFileDeletion
from publications.models import Submission, SubmissionAuthor, SubmissionFile
from publications.review import workflow
from publications.review.tokens import make_assignment_token
from tests.review.builders import in_days, in_review, reviewed
from tests.review.conftest import (  # noqa: F401 -- fixtures
    AUTHOR_EMAIL,
    AUTHOR_NAME,
    author,
    editor,
    make_pdf,
    reviewers,
    series,
)
from tests.search.tree import make_document
from tests.storage.conftest import MEDIA_BUCKET, PRIVATE_BUCKET, object_keys

pytestmark = pytest.mark.django_db

STORE_DOWN = "The file store could not be reached, so nothing was saved."


def upload(name, text):
    return SimpleUploadedFile(name, make_pdf(text=text), "application/pdf")


def empty_draft(author, series):
    submission = Submission.objects.create(
        submitter=author, series=series, title="Liaison cells in flood response",
        abstract="How liaison cells shared information.", keywords="liaison",
        competing_interests="None", licence_agreed=True)
    SubmissionAuthor.objects.create(submission=submission, name=AUTHOR_NAME, email=AUTHOR_EMAIL,
                                    is_corresponding=True)
    return submission


def test_an_upload_of_three_files_that_fails_at_the_second_leaves_nothing_behind(
        s3_proxy, s3, client, author, series):
    submission = empty_draft(author, series)
    client.force_login(author)
    s3_proxy.fail_object_writes_from(2)

    response = client.post(f"/en/portal/submissions/{submission.pk}/edit/files/", {
        "manuscript": upload("paper.pdf", "The manuscript."),
        "anonymised": upload("anon.pdf", "The anonymised manuscript."),
        "supplementary": upload("data.pdf", "The survey data."),
    })

    assert response.status_code == 503
    assert STORE_DOWN in response.content.decode()
    assert s3_proxy.object_writes >= 2  # the first file was written, the second refused
    assert object_keys(s3, PRIVATE_BUCKET) == set()
    assert not SubmissionFile.objects.filter(submission=submission).exists()
    assert not PendingFileDeletion.objects.exists()  # removed at once, nothing left to retry

    # The store is back: the same post saves all three.
    s3_proxy.heal()
    response = client.post(f"/en/portal/submissions/{submission.pk}/edit/files/", {
        "manuscript": upload("paper.pdf", "The manuscript."),
        "anonymised": upload("anon.pdf", "The anonymised manuscript."),
        "supplementary": upload("data.pdf", "The survey data."),
    })
    assert response.status_code == 302
    stored = SubmissionFile.objects.filter(submission=submission)
    assert stored.count() == 3
    assert object_keys(s3, PRIVATE_BUCKET) == {f.file.name for f in stored}


def test_a_revision_whose_second_file_fails_keeps_no_file_and_no_new_round(
        s3, s3_proxy, client, author, series, editor, reviewers):
    submission, assignment = reviewed(author, series, editor, reviewers[0])
    workflow.record_decision(submission, editor, outcome="minor", letter="Please revise.",
                             revision_due=in_days(20))
    before_keys = object_keys(s3, PRIVATE_BUCKET)
    before_rows = set(SubmissionFile.objects.values_list("pk", flat=True))
    client.force_login(author)
    s3_proxy.fail_object_writes_from(2)

    response = client.post(f"/en/portal/submissions/{submission.pk}/revise/", {
        "manuscript": upload("v2.pdf", "Revised."),
        "anonymised": upload("v2-anon.pdf", "Revised, anonymised."),
        "response_file": upload("response.pdf", "Our answers."),
        f"answer_to_review_{assignment.pk}": "Section 2 now lists the sources.",
    })

    assert response.status_code == 503
    assert STORE_DOWN in response.content.decode()
    assert object_keys(s3, PRIVATE_BUCKET) == before_keys
    assert set(SubmissionFile.objects.values_list("pk", flat=True)) == before_rows
    submission.refresh_from_db()
    assert submission.state == Submission.State.REVISIONS_REQUESTED
    assert not submission.rounds.filter(number=2).exists()


def test_a_reviewers_annotated_file_that_cannot_be_stored_leaves_the_review_unsent(
        s3, s3_proxy, client, author, series, editor, reviewers):
    submission = in_review(author, series, editor)
    assignment = workflow.invite_reviewer(submission, editor, reviewers[0],
                                          response_due=in_days(7), review_due=in_days(30))
    workflow.respond_to_invitation(assignment, accept=True)
    before_keys = object_keys(s3, PRIVATE_BUCKET)
    s3_proxy.fail_object_writes_from(1)

    response = client.post(f"/en/portal/review/{make_assignment_token(assignment)}/", {
        "recommendation": "minor", "comments_for_authors": "Clarify section 2.",
        "attachment": upload("annotated.pdf", "My notes in the margin."),
    })

    assert response.status_code == 503
    assert STORE_DOWN in response.content.decode()
    assert object_keys(s3, PRIVATE_BUCKET) == before_keys
    assignment.refresh_from_db()
    assert assignment.state == assignment.State.ACCEPTED
    assert not assignment.attachments.exists()


def test_a_document_deleted_while_the_store_is_down_is_removed_when_it_is_back(
        s3, s3_proxy, django_capture_on_commit_callbacks):
    document = make_document("Annual report", "The network met four times this year.")
    key = document.file.name
    assert key in object_keys(s3, MEDIA_BUCKET)

    s3_proxy.stop()
    queued = []

    def record(sender, task_result, **kwargs):
        queued.append(task_result.task.module_path)

    task_enqueued.connect(record)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            document.delete()
    finally:
        task_enqueued.disconnect(record)
    # One deletion task, the project's: Wagtail's (one attempt, never retried) is replaced.
    assert [path for path in queued if "delete" in path] == ["cms.tasks.delete_stored_file_task"]
    # The record is gone, the object is not, and the deletion is remembered.
    assert key in object_keys(s3, MEDIA_BUCKET)
    pending = PendingFileDeletion.objects.get()
    assert (pending.storage, pending.name, pending.attempts) == ("documents", key, 1)
    assert pending.next_attempt_at > timezone.now()
    assert "Connect" in pending.last_error or "connect" in pending.last_error

    from django.core.management import call_command

    # Still down at the next sweep: nothing is due yet, then a failed attempt waits longer.
    call_command("delete_pending_files")
    assert PendingFileDeletion.objects.get().attempts == 1
    PendingFileDeletion.objects.update(next_attempt_at=timezone.now())
    call_command("delete_pending_files")
    pending = PendingFileDeletion.objects.get()
    assert pending.attempts == 2
    assert pending.next_attempt_at - timezone.now() > datetime.timedelta(minutes=1, seconds=50)
    assert key in object_keys(s3, MEDIA_BUCKET)

    # The store is back and the delay has passed: the sweep removes the object and the row.
    s3_proxy.start()
    PendingFileDeletion.objects.update(next_attempt_at=timezone.now())
    call_command("delete_pending_files")
    assert key not in object_keys(s3, MEDIA_BUCKET)
    assert not PendingFileDeletion.objects.exists()


def test_the_database_worker_is_given_the_next_attempt_after_the_delay(
        s3, s3_proxy, settings, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    from cms.tasks import delete_stored_file_task

    document = make_document("Budget", "Lines of the budget.")
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    s3_proxy.stop()
    with django_capture_on_commit_callbacks(execute=True):
        document.delete()
    pending = PendingFileDeletion.objects.get()
    tasks = DBTaskResult.objects.filter(task_path=delete_stored_file_task.module_path)
    first = tasks.get()  # queued by the deletion, to run at once
    assert first.args_kwargs["args"] == [pending.pk]
    # What the worker does with it: one attempt, then the next one is queued for later.
    assert delete_stored_file_task.call(pending.pk) == "store unavailable, attempt 1"
    pending.refresh_from_db()
    queued = tasks.exclude(pk=first.pk).get()
    assert queued.args_kwargs["args"] == [pending.pk]
    assert queued.run_after == pending.next_attempt_at

    s3_proxy.start()
    assert delete_stored_file_task.call(pending.pk) == "deleted"
    assert document.file.name not in object_keys(s3, MEDIA_BUCKET)


def test_deleting_a_submission_removes_its_files_from_the_private_bucket(
        s3, s3_proxy, author, series, django_capture_on_commit_callbacks):
    submission = empty_draft(author, series)
    from publications.review import files as submission_files
    from tests.review.builders import checked_pdf

    submission_files.store(submission, "manuscript", checked_pdf(), round_number=1, user=author)
    assert len(object_keys(s3, PRIVATE_BUCKET)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        submission.delete()
    assert object_keys(s3, PRIVATE_BUCKET) == set()
    assert not PendingFileDeletion.objects.exists()


def test_a_pending_deletion_spares_a_file_that_a_record_names_again():
    """A name freed by a deletion can be taken by a new file before the retry runs (Wagtail
    regenerates renditions under their old names): the retry must not delete the new file."""
    from django.core.management import call_command

    from cms.stored_files import storage_alias

    document = make_document("Annual report", "The network met four times this year.")
    storage = document.file.storage
    PendingFileDeletion.objects.create(storage=storage_alias(storage), name=document.file.name)
    call_command("delete_pending_files")
    assert storage.exists(document.file.name)
    assert not PendingFileDeletion.objects.exists()
