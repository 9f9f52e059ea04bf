"""Put submissions into a given state through the real state machine, for tests."""

import datetime

from django.utils import timezone

from publications.review import files as submission_files
from publications.review import workflow
from publications.review.factories import SubmissionFactory

from .conftest import AUTHOR_EMAIL, AUTHOR_NAME, make_pdf


def checked_pdf(name="manuscript.pdf", **kwargs):
    return submission_files.CheckedUpload(make_pdf(**kwargs), submission_files.PDF, name)


def draft(author, series, title="Liaison cells in flood response"):
    submission = SubmissionFactory(
        submitter=author, series=series, title=title, corresponding_author__name=AUTHOR_NAME,
        corresponding_author__email=AUTHOR_EMAIL,
        corresponding_author__affiliation="University of Tunis",
    )
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
