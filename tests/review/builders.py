"""Put submissions into a given state through the real state machine, for tests."""

import datetime

from django.utils import timezone

from publications.models import Submission, SubmissionAuthor
from publications.review import files as submission_files
from publications.review import workflow

from .conftest import AUTHOR_EMAIL, AUTHOR_NAME, make_pdf


def checked_pdf(name="manuscript.pdf", **kwargs):
    return submission_files.CheckedUpload(make_pdf(**kwargs), submission_files.PDF, name)


def draft(author, series, title="Liaison cells in flood response"):
    submission = Submission.objects.create(
        submitter=author, series=series, title=title,
        abstract="How liaison cells shared information between relief agencies and units.",
        keywords="liaison, floods, CIMIC", competing_interests="None",
        licence_agreed=True,
    )
    SubmissionAuthor.objects.create(submission=submission, name=AUTHOR_NAME, email=AUTHOR_EMAIL,
                                    affiliation="University of Tunis", is_corresponding=True)
    submission_files.store(submission, "manuscript", checked_pdf(text=title), round_number=1,
                           user=author)
    submission_files.store(submission, "anonymised", checked_pdf("anon.pdf", text=title),
                           round_number=1, user=author)
    return submission


def in_review(author, series, editor, title="Liaison cells in flood response"):
    submission = draft(author, series, title)
    workflow.submit(submission, author)
    workflow.start_screening(submission, editor)
    workflow.confirm_anonymity(submission, editor)
    workflow.send_to_review(submission, editor)
    return submission


def in_days(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def reviewed(author, series, editor, reviewer, title="Liaison cells in flood response"):
    submission = in_review(author, series, editor, title)
    assignment = workflow.invite_reviewer(submission, editor, reviewer, response_due=in_days(7),
                                          review_due=in_days(30))
    workflow.respond_to_invitation(assignment, accept=True)
    workflow.submit_review(assignment, recommendation="minor",
                           comments_for_authors="Clarify the data sources in section 2.",
                           confidential_comments="Solid work overall.")
    return submission, assignment
