"""Every length limit of the review pipeline's forms holds on the server: one character too many is
a 400 that says so, nothing is saved, and the form's HTML carries the same ``maxlength``. No input
reaches the database longer than its column."""

import html5lib
import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from publications.models import ReviewAssignment, Submission, SubmissionAuthor
from publications.review import workflow
from publications.review.tokens import make_assignment_token

from .builders import in_days, in_review, reviewed
from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

# An address that is valid but longer than a user name can be (150 characters): 194 characters.
LONG_ADDRESS = "x" * 64 + "@" + "d" * 60 + "." + "e" * 60 + ".example"


def maxlength(response, name):
    tree = html5lib.parse(response.content.decode(), treebuilder="lxml",
                          namespaceHTMLElements=False)
    (field,) = tree.findall(f".//*[@name='{name}']")
    return int(field.get("maxlength"))


def assert_too_long(response, limit):
    assert response.status_code == 400, response.status_code
    assert f"at most {limit} characters" in response.content.decode()


DETAILS = {"title": "A title", "abstract": "An abstract.", "keywords": "floods"}


@pytest.mark.parametrize("field, limit", [("title", 255), ("abstract", 5000),
                                          ("keywords", 500)])
def test_the_details_step_holds_its_limits(client, author, series, field, limit):
    client.force_login(author)
    new = "/en/portal/submissions/new/"
    assert maxlength(client.get(new), field) == limit
    data = {**DETAILS, "series": series.pk}
    assert_too_long(client.post(new, {**data, field: "x" * (limit + 1)}), limit)
    assert not Submission.objects.exists()

    assert client.post(new, {**data, field: "x" * limit}).status_code == 302  # the limit itself
    submission = Submission.objects.get()
    edit = f"/en/portal/submissions/{submission.pk}/edit/details/"
    assert_too_long(client.post(edit, {**data, field: "y" * (limit + 1)}), limit)
    submission.refresh_from_db()
    assert getattr(submission, field) == "x" * limit


def test_the_keywords_must_fit_the_publication_page_they_become(client, author, series):
    """Semicolons separate them on the page: "a,b" there is "a; b", a character longer each."""
    client.force_login(author)
    new = "/en/portal/submissions/new/"
    data = {**DETAILS, "series": series.pk}
    response = client.post(new, {**data, "keywords": "ab," * 125})  # 375 typed, 498 published
    assert response.status_code == 302
    Submission.objects.all().delete()
    response = client.post(new, {**data, "keywords": "ab," * 126})  # 378 typed, 502 published
    assert_too_long(response, 500)
    assert "(they take 502)" in response.content.decode()
    # Semicolons separate keywords as commas do.
    response = client.post(new, {**data, "keywords": "floods; relief, liaison"})
    assert response.status_code == 302
    assert Submission.objects.get().keyword_list == ["floods", "relief", "liaison"]


def test_a_200000_character_abstract_is_refused(client, author, series):
    client.force_login(author)
    response = client.post("/en/portal/submissions/new/",
                           {**DETAILS, "series": series.pk, "abstract": "word " * 40000})
    assert_too_long(response, 5000)
    assert not Submission.objects.exists()


@pytest.mark.parametrize("field, limit", [("cover_letter", 10000),
                                          ("competing_interests", 5000)])
def test_the_statements_step_holds_its_limits(client, author, series, field, limit):
    submission = Submission.objects.create(submitter=author, series=series, title="T")
    client.force_login(author)
    url = f"/en/portal/submissions/{submission.pk}/edit/statements/"
    assert maxlength(client.get(url), field) == limit
    data = {"cover_letter": "Dear editors", "competing_interests": "None",
            "licence_agreed": "on", field: "x" * (limit + 1)}
    assert_too_long(client.post(url, data), limit)
    submission.refresh_from_db()
    assert submission.cover_letter == "" and submission.competing_interests == ""


AUTHOR_ROW = {"authors-TOTAL_FORMS": "1", "authors-INITIAL_FORMS": "0",
              "authors-MIN_NUM_FORMS": "0", "authors-MAX_NUM_FORMS": "1000",
              "authors-0-name": "Amira Haddad", "authors-0-email": "amira@example.org",
              "authors-0-is_corresponding": "on"}


@pytest.mark.parametrize("field, limit", [("name", 200), ("affiliation", 255), ("email", 254),
                                          ("orcid", 60)])
def test_the_authors_step_holds_its_limits(client, author, series, field, limit):
    submission = Submission.objects.create(submitter=author, series=series, title="T")
    client.force_login(author)
    url = f"/en/portal/submissions/{submission.pk}/edit/authors/"
    assert maxlength(client.get(url), f"authors-0-{field}") == limit
    value = "x" * (limit + 1) if field != "email" else "x" * 64 + "@" + "d" * 190 + ".example"
    assert_too_long(client.post(url, {**AUTHOR_ROW, f"authors-0-{field}": value}), limit)
    assert not SubmissionAuthor.objects.exists()


def test_registration_refuses_an_address_longer_than_a_user_name(client, db):
    assert maxlength(client.get("/en/portal/register/"), "email") == 150
    response = client.post("/en/portal/register/", {
        "email": LONG_ADDRESS, "first_name": "Noor", "last_name": "Saleh",
        "preferred_language": "ar", "password1": PASSWORD, "password2": PASSWORD})
    assert_too_long(response, 150)
    assert not get_user_model().objects.exists()


def test_an_overlong_log_in_name_is_a_400_not_a_500(client, settings, author):
    """django-axes (on here, as in production) keeps the name typed in a 255-character column."""
    settings.AXES_ENABLED = True
    login = "/en/portal/login/"
    assert maxlength(client.get(login), "username") == 254
    response = client.post(login, {"username": "x" * 256, "password": "whatever"})
    assert_too_long(response, 254)
    response = client.post(login, {"username": LONG_ADDRESS + "x" * 61, "password": "x"})
    assert_too_long(response, 254)
    # A right one still gets in.
    assert client.post(login, {"username": author.username,
                               "password": PASSWORD}).status_code == 302


def test_password_reset_refuses_an_overlong_address(client, db):
    url = "/en/portal/password-reset/"
    assert maxlength(client.get(url), "email") == 254
    assert_too_long(client.post(url, {"email": "x" * 64 + "@" + "d" * 200 + ".example"}), 254)


def test_an_invited_reviewer_needs_an_address_that_fits_a_user_name(client, author, series,
                                                                    editor):
    submission = in_review(author, series, editor)
    client.force_login(editor)
    users = get_user_model().objects.count()
    response = client.post(f"/admin/submissions/{submission.pk}/invite/", {
        "new_email": LONG_ADDRESS, "new_name": "Lena Novak",
        "response_due": in_days(3), "review_due": in_days(9)})
    assert_too_long(response, 150)
    assert get_user_model().objects.count() == users
    assert not ReviewAssignment.objects.exists()


def test_the_review_and_decision_forms_hold_their_limits(client, author, series, editor,
                                                         reviewers):
    submission = in_review(author, series, editor)
    assignment = workflow.invite_reviewer(submission, editor, reviewers[0],
                                          response_due=in_days(3), review_due=in_days(9))
    workflow.respond_to_invitation(assignment, accept=True)
    review = f"/en/portal/review/{make_assignment_token(assignment)}/"
    assert maxlength(client.get(review), "confidential_comments") == 20000
    assert_too_long(client.post(review, {"recommendation": "accept", "comments_for_authors": "x",
                                         "confidential_comments": "x" * 20001}), 20000)
    assignment.refresh_from_db()
    assert assignment.state == ReviewAssignment.State.ACCEPTED
    assert assignment.confidential_comments == ""

    client.force_login(editor)
    decide = f"/admin/submissions/{submission.pk}/decide/"
    assert maxlength(client.get(decide), "letter") == 50000
    assert_too_long(client.post(decide, {"outcome": "accept", "letter": "x" * 50001}), 50000)
    assert not submission.decisions.exists()


def test_a_revision_holds_its_limits(client, author, series, editor, reviewers, pdf_bytes):
    submission, assignment = reviewed(author, series, editor, reviewers[0])
    workflow.record_decision(submission, editor, outcome="minor", letter="Revise.",
                             revision_due=in_days(20))
    client.force_login(author)
    url = f"/en/portal/submissions/{submission.pk}/revise/"
    answer = f"answer_to_review_{assignment.pk}"
    page = client.get(url)
    assert maxlength(page, "note") == 5000 and maxlength(page, answer) == 20000
    for data, limit in [({"note": "x" * 5001, answer: "Done."}, 5000),
                        ({answer: "x" * 20001}, 20000)]:
        files = {"manuscript": SimpleUploadedFile("v2.pdf", pdf_bytes, "application/pdf"),
                 "anonymised": SimpleUploadedFile("v2a.pdf", pdf_bytes, "application/pdf")}
        assert_too_long(client.post(url, {**files, **data}), limit)
    submission.refresh_from_db()
    assert submission.state == Submission.State.REVISIONS_REQUESTED
    assert not submission.files.filter(round_number=2).exists()
