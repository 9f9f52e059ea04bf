"""Every form turns away missing, malformed and oversized input with a message and a 4xx, and
saves nothing."""

from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from publications.models import ReviewAssignment, Submission, SubmissionAuthor, SubmissionFile
from publications.review import workflow
from publications.review.tokens import make_assignment_token

from .builders import draft, in_days, in_review, reviewed
from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 200


def private_files():
    root = Path(django_settings.STORAGES["private"]["OPTIONS"]["location"])
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def assert_refused(response, *phrases):
    assert 400 <= response.status_code < 500, response.status_code
    text = response.content.decode()
    for phrase in phrases:
        assert phrase in text, phrase


@pytest.mark.parametrize("data, message", [
    ({}, "This field is required"),
    ({"email": "not-an-address"}, "Enter a valid email address"),
    ({"password2": "something-else-entirely"}, "password fields didn"),
    ({"first_name": "x" * 151}, "at most 150 characters"),
])
def test_registration_refuses_bad_input(client, data, message):
    valid = {"email": "new@example.org", "first_name": "Noor", "last_name": "Saleh",
             "preferred_language": "ar", "password1": PASSWORD, "password2": PASSWORD}
    payload = {**valid, **data} if data else {}
    assert_refused(client.post("/en/portal/register/", payload), message)
    assert not get_user_model().objects.filter(email="new@example.org").exists()


def test_registration_with_an_address_already_registered_makes_no_second_account(client, author):
    # The answer is the same as for a new address (tests/security/test_accounts_asvs.py).
    response = client.post("/en/portal/register/", {
        "email": author.email.upper(), "first_name": "A", "last_name": "B",
        "preferred_language": "en", "password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302
    assert get_user_model().objects.filter(email__iexact=author.email).count() == 1


def test_a_forged_verification_link_is_refused(client, author):
    assert_refused(client.get("/en/portal/verify/MQ/forged-token/"), "does not work")


@pytest.mark.parametrize("data, message", [
    ({"title": ""}, "This field is required"),
    ({"title": "x" * 256}, "at most 255 characters"),
    ({"abstract": ""}, "This field is required"),
    ({"series": "999999"}, "Select a valid choice"),
    ({"topics": ["not-a-number"]}, "not a valid value"),
])
def test_the_details_step_refuses_bad_input(client, author, series, data, message):
    client.force_login(author)
    valid = {"series": series.pk, "title": "A title", "abstract": "An abstract."}
    assert_refused(client.post("/en/portal/submissions/new/", {**valid, **data}), message)
    assert not Submission.objects.exists()


AUTHOR_ROW = {"authors-TOTAL_FORMS": "1", "authors-INITIAL_FORMS": "0",
              "authors-MIN_NUM_FORMS": "0", "authors-MAX_NUM_FORMS": "1000",
              "authors-0-name": "Amira Haddad", "authors-0-email": "amira@example.org",
              "authors-0-is_corresponding": "on"}


@pytest.mark.parametrize("data, message", [
    ({"authors-0-orcid": "0000-0002-1825-0098"}, "check digit does not match"),
    ({"authors-0-orcid": "1234"}, "Enter an ORCID iD as"),
    ({"authors-0-email": "nope"}, "Enter a valid email address"),
    ({"authors-0-name": ""}, "This field is required"),
    ({"authors-0-is_corresponding": ""}, "exactly one author as the corresponding"),
    ({"authors-TOTAL_FORMS": "2", "authors-1-name": "Lukas Brandt",
      "authors-1-email": "amira@example.org"}, "their own e-mail"),
])
def test_the_authors_step_refuses_bad_input(client, author, series, data, message):
    submission = Submission.objects.create(submitter=author, series=series, title="T")
    client.force_login(author)
    response = client.post(f"/en/portal/submissions/{submission.pk}/edit/authors/",
                           {**AUTHOR_ROW, **data})
    assert_refused(response, message)
    assert not SubmissionAuthor.objects.exists()


def test_an_orcid_with_a_valid_check_digit_is_accepted_even_as_a_link(client, author, series):
    submission = Submission.objects.create(submitter=author, series=series, title="T")
    client.force_login(author)
    response = client.post(f"/en/portal/submissions/{submission.pk}/edit/authors/", {
        **AUTHOR_ROW, "authors-0-orcid": "https://orcid.org/0000-0002-1694-233x"})
    assert response.status_code == 302
    assert submission.authors.get().orcid == "0000-0002-1694-233X"


def test_the_statements_step_needs_the_licence_and_a_statement(client, author, series):
    submission = Submission.objects.create(submitter=author, series=series, title="T")
    client.force_login(author)
    response = client.post(f"/en/portal/submissions/{submission.pk}/edit/statements/",
                           {"cover_letter": "Hello", "competing_interests": ""})
    assert_refused(response, "This field is required")
    submission.refresh_from_db()
    assert submission.cover_letter == "" and not submission.licence_agreed


@pytest.mark.parametrize("upload, message", [
    (SimpleUploadedFile("paper.pdf", ELF, "application/pdf"), "not a PDF, DOCX or ODT"),
    (SimpleUploadedFile("paper.docx", b"PK\x03\x04garbage", "application/octet-stream"),
     "not a PDF, DOCX or ODT"),
    (SimpleUploadedFile("paper.pdf", b"%PDF-1.7\nnot really", "application/pdf"),
     "not a PDF, DOCX or ODT"),
    (SimpleUploadedFile("paper.pdf", b"", "application/pdf"), "empty"),
])
def test_the_files_step_judges_uploads_by_content(client, author, series, upload, message):
    submission = Submission.objects.create(submitter=author, series=series, title="T")
    client.force_login(author)
    response = client.post(f"/en/portal/submissions/{submission.pk}/edit/files/",
                           {"manuscript": upload})
    assert_refused(response, message)
    assert not SubmissionFile.objects.exists() and private_files() == []


def test_an_oversized_upload_is_refused_and_nothing_is_stored(client, author, series, settings,
                                                            pdf_bytes):
    settings.SUBMISSION_MAX_UPLOAD_SIZE = len(pdf_bytes) - 1
    submission = Submission.objects.create(submitter=author, series=series, title="T")
    client.force_login(author)
    response = client.post(f"/en/portal/submissions/{submission.pk}/edit/files/", {
        "manuscript": SimpleUploadedFile("m.pdf", pdf_bytes, "application/pdf"),
        "anonymised": SimpleUploadedFile("a.pdf", pdf_bytes, "application/pdf")})
    assert_refused(response, "too large")
    assert not SubmissionFile.objects.exists() and private_files() == []


def test_a_double_anonymous_series_needs_the_anonymised_manuscript(client, author, series,
                                                                 pdf_bytes):
    submission = Submission.objects.create(submitter=author, series=series, title="T")
    client.force_login(author)
    response = client.post(f"/en/portal/submissions/{submission.pk}/edit/files/", {
        "manuscript": SimpleUploadedFile("m.pdf", pdf_bytes, "application/pdf")})
    assert_refused(response, "anonymised manuscript")
    assert not SubmissionFile.objects.exists()


def test_an_incomplete_draft_cannot_be_submitted(client, author, series):
    submission = Submission.objects.create(submitter=author, series=series, title="T")
    client.force_login(author)
    assert_refused(client.post(f"/en/portal/submissions/{submission.pk}/edit/confirm/"),
                   "the manuscript file", "your agreement to the licence")
    submission.refresh_from_db()
    assert submission.state == "draft"


def test_a_revision_needs_a_real_file_and_an_answer_to_each_review(client, author, series,
                                                                  editor, reviewers, pdf_bytes):
    submission, assignment = reviewed(author, series, editor, reviewers[0])
    workflow.record_decision(submission, editor, outcome="minor", letter="Revise.",
                             revision_due=in_days(20))
    client.force_login(author)
    url = f"/en/portal/submissions/{submission.pk}/revise/"
    response = client.post(url, {
        "manuscript": SimpleUploadedFile("v2.pdf", ELF, "application/pdf"),
        "anonymised": SimpleUploadedFile("v2a.pdf", pdf_bytes, "application/pdf"),
        f"answer_to_review_{assignment.pk}": "Done."})
    assert_refused(response, "not a PDF, DOCX or ODT")
    response = client.post(url, {
        "manuscript": SimpleUploadedFile("v2.pdf", pdf_bytes, "application/pdf"),
        "anonymised": SimpleUploadedFile("v2a.pdf", pdf_bytes, "application/pdf")})
    assert_refused(response, "This field is required")
    submission.refresh_from_db()
    assert submission.state == "revisions_requested"
    assert not submission.files.filter(round_number=2).exists()


def test_the_review_form_refuses_bad_input(client, author, series, editor, reviewers):
    submission = in_review(author, series, editor)
    assignment = workflow.invite_reviewer(submission, editor, reviewers[0],
                                          response_due=in_days(3), review_due=in_days(9))
    token = make_assignment_token(assignment)
    # Not yet accepted: no review can be sent.
    assert_refused(client.post(f"/en/portal/review/{token}/", {
        "recommendation": "accept", "comments_for_authors": "Fine."}),
        "does not take a review")
    workflow.respond_to_invitation(assignment, accept=True)
    for data, message in [
        ({"comments_for_authors": "Fine."}, "This field is required"),
        ({"recommendation": "publish-now", "comments_for_authors": "x"}, "Select a valid choice"),
        ({"recommendation": "accept", "comments_for_authors": "x" * 50001}, "at most 50000"),
        ({"recommendation": "accept", "comments_for_authors": "Fine.",
          "attachment": SimpleUploadedFile("notes.pdf", ELF)}, "not a PDF, DOCX or ODT"),
    ]:
        assert_refused(client.post(f"/en/portal/review/{token}/", data), message)
    assignment.refresh_from_db()
    assert assignment.state == "accepted" and assignment.recommendation == ""
    assert not assignment.attachments.exists()


def test_the_editors_forms_refuse_bad_input(client, author, series, editor, reviewers):
    submission = in_review(author, series, editor)
    client.force_login(editor)
    url = f"/admin/submissions/{submission.pk}/"
    for data, message in [
        ({"response_due": in_days(3), "review_due": in_days(9)}, "Pick a reviewer"),
        ({"reviewer": reviewers[0].pk, "response_due": in_days(-1), "review_due": in_days(9)},
         "in the past"),
        ({"reviewer": reviewers[0].pk, "response_due": in_days(9), "review_due": in_days(3)},
         "cannot be due before"),
        ({"reviewer": reviewers[0].pk, "response_due": "31/02/2026", "review_due": in_days(3)},
         "Enter a valid date"),
        ({"new_email": "someone@example.org", "response_due": in_days(3),
          "review_due": in_days(9)}, "new reviewer"),
        ({"reviewer": author.pk, "response_due": in_days(3), "review_due": in_days(9)},
         "Select a valid choice"),
    ]:
        assert_refused(client.post(url + "invite/", data), message)
    assert not ReviewAssignment.objects.exists()
    for data, message in [
        ({"outcome": "minor", "letter": "Please revise."}, "Set the date"),
        ({"outcome": "accept", "letter": ""}, "This field is required"),
        ({"outcome": "publish", "letter": "x"}, "Select a valid choice"),
        ({"outcome": "major", "letter": "x", "revision_due": in_days(-3)}, "in the past"),
    ]:
        assert_refused(client.post(url + "decide/", data), message)
    submission.refresh_from_db()
    assert submission.state == "in_review" and not submission.decisions.exists()
    assert_refused(client.get("/admin/submissions/?state=nonsense"), "not understood")


def test_a_withdrawal_reason_has_a_limit(client, author, series, editor):
    submission = in_review(author, series, editor)
    client.force_login(author)
    assert_refused(client.post(f"/en/portal/submissions/{submission.pk}/withdraw/",
                               {"reason": "x" * 2001}), "at most 2000")
    submission.refresh_from_db()
    assert submission.state == "in_review"


def test_a_draft_cannot_be_edited_once_sent(client, author, series):
    submission = draft(author, series)
    workflow.submit(submission, author)
    client.force_login(author)
    response = client.post(f"/en/portal/submissions/{submission.pk}/edit/details/",
                           {"series": series.pk, "title": "Changed", "abstract": "x"})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.title != "Changed"
