"""Who can open what: every URL of a submission, tried by everyone who should not have it all."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from publications.models import SubmissionFile
from publications.review import workflow
from publications.review.tokens import make_assignment_token

from .builders import in_days, in_review
from .conftest import AUTHOR_EMAIL, AUTHOR_NAME, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(django_user_model, series, editor, reviewers, author):
    """A submission under double-anonymous review, with a reviewer who accepted it, and a
    second submission reviewed by someone else."""
    submission = in_review(author, series, editor)
    mine = workflow.invite_reviewer(submission, editor, reviewers[0], response_due=in_days(5),
                                    review_due=in_days(20))
    workflow.respond_to_invitation(mine, accept=True)
    other_author = make_user(django_user_model, "author2", "Authors", first="Pia", last="Lund")
    other = in_review(other_author, series, editor, title="Cultural property in Mosul")
    theirs = workflow.invite_reviewer(other, editor, reviewers[1], response_due=in_days(5),
                                      review_due=in_days(20))
    workflow.respond_to_invitation(theirs, accept=True)
    return {"submission": submission, "mine": mine, "other_author": other_author,
            "theirs": theirs, "other": other}


def submission_urls(submission):
    pk = submission.pk
    portal = [f"/en/portal/submissions/{pk}/", f"/en/portal/submissions/{pk}/edit/details/",
              f"/en/portal/submissions/{pk}/withdraw/", f"/en/portal/submissions/{pk}/revise/"]
    files = [f"/en/portal/files/{f.pk}/" for f in submission.files.all()]
    admin = [f"/admin/submissions/{pk}/", f"/admin/submissions/{pk}/decide/"] + [
        f"/admin/submissions/{pk}/files/{f.pk}/" for f in submission.files.all()]
    return portal, files, admin


def assert_refused_in_admin(response, url=""):
    """Wagtail answers a refused admin request by sending the user back to the dashboard (with
    a message) or to the log-in page; either way nothing of the submission is shown."""
    assert response.status_code in (302, 403), url
    if response.status_code == 302:
        assert response["Location"] == "/admin/" or "/admin/login/" in response["Location"], url


ADMIN_POSTS = ["screen/", "confirm-anonymity/", "send-to-review/", "desk-reject/", "invite/",
               "decide/", "remind-author/"]


def assert_no_admin_actions(client, submission):
    for action in ADMIN_POSTS:
        response = client.post(f"/admin/submissions/{submission.pk}/{action}",
                               {"letter": "x", "outcome": "reject"})
        assert_refused_in_admin(response, action)
    submission.refresh_from_db()
    assert submission.state == "in_review"


def test_an_anonymous_visitor_is_sent_to_log_in_everywhere(client, world):
    portal, files, admin = submission_urls(world["submission"])
    for url in portal + files:
        response = client.get(url)
        assert response.status_code == 302 and "/en/portal/login/" in response["Location"], url
    for url in admin:
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url
    assert_no_admin_actions(client, world["submission"])
    # A guessed or altered review link opens nothing.
    assert client.get("/en/portal/review/not-a-token/").status_code == 404
    token = make_assignment_token(world["mine"])
    assert client.get(f"/en/portal/review/{token[:-2]}xx/").status_code == 404


def test_another_author_finds_nothing_of_this_submission(client, world):
    client.force_login(world["other_author"])
    portal, files, admin = submission_urls(world["submission"])
    for url in portal + files:
        assert client.get(url).status_code == 404, url
        assert client.post(url).status_code == 404, url
    for url in admin:
        assert_refused_in_admin(client.get(url), url)
    assert_no_admin_actions(client, world["submission"])
    # Their own submission is theirs to see.
    assert client.get(f"/en/portal/submissions/{world['other'].pk}/").status_code == 200


def test_a_reviewer_of_another_submission_gets_nothing_of_this_one(client, world, reviewers):
    client.force_login(reviewers[1])
    portal, files, admin = submission_urls(world["submission"])
    for url in portal + files:
        assert client.get(url).status_code == 404, url
    for url in admin:
        assert_refused_in_admin(client.get(url), url)
    assert_no_admin_actions(client, world["submission"])
    # Their own link serves their own manuscript, never this submission's files.
    token = make_assignment_token(world["theirs"])
    content = client.get(f"/en/portal/review/{token}/manuscript/")
    assert content.status_code == 200
    text = PdfReader(io.BytesIO(b"".join(content.streaming_content))).pages[0].extract_text()
    assert "Mosul" in text and "Liaison" not in text


def test_this_submissions_reviewer_sees_only_the_anonymised_copy(client, world, reviewers):
    reviewer = reviewers[0]
    submission = world["submission"]
    client.force_login(reviewer)
    portal, _files, admin = submission_urls(submission)
    for url in portal:
        assert client.get(url).status_code == 404, url
    for url in admin:
        assert_refused_in_admin(client.get(url), url)
    assert_no_admin_actions(client, submission)
    for f in submission.files.all():
        response = client.get(f"/en/portal/files/{f.pk}/")
        expected = 200 if f.kind == SubmissionFile.Kind.REVIEWER_COPY else 404
        assert response.status_code == expected, f.kind
        if expected == 200:
            content = b"".join(response.streaming_content)
            assert AUTHOR_NAME.encode() not in content and AUTHOR_EMAIL.encode() not in content
    # The link pages and the admin dashboard name neither author nor e-mail.
    token = make_assignment_token(world["mine"])
    for url in [f"/en/portal/review/{token}/", f"/en/portal/review/{token}/accept/",
                reverse("review_admin:my_reviews")]:
        page = client.get(url)
        assert page.status_code == 200, url
        text = page.content.decode()
        assert AUTHOR_NAME not in text and AUTHOR_EMAIL not in text
        assert "Haddad" not in text


def test_a_reviewers_link_opens_that_one_assignment_and_nothing_else(client, world, reviewers):
    token = make_assignment_token(world["mine"])
    client.get(f"/en/portal/review/{token}/")
    # Using the link did not log anyone in.
    assert client.get("/en/portal/").status_code == 302
    assert client.get("/admin/submissions/my-reviews/").status_code == 302
    # A declined or cancelled assignment's link no longer serves the manuscript.
    workflow.cancel_assignment(world["mine"], world["submission"].rounds.get().assignments.get(
        pk=world["mine"].pk).invited_by)
    assert client.get(f"/en/portal/review/{token}/manuscript/").status_code == 404


def test_an_expired_review_link_opens_nothing(client, world, settings):
    token = make_assignment_token(world["mine"])
    settings.REVIEW_LINK_MAX_AGE = -1
    assert client.get(f"/en/portal/review/{token}/").status_code == 404
    assert client.post(f"/en/portal/review/{token}/decline/").status_code == 404
    world["mine"].refresh_from_db()
    assert world["mine"].state == "accepted"


def test_the_author_never_sees_the_reviewers_under_double_anonymity(client, world, author,
                                                                  reviewers, editor):
    mine = world["mine"]
    workflow.submit_review(mine, recommendation="major", comments_for_authors="More data.",
                           confidential_comments="Between us: weak.")
    workflow.record_decision(world["submission"], editor, outcome="major",
                             letter="Please revise.", revision_due=in_days(30))
    client.force_login(author)
    page = client.get(f"/en/portal/submissions/{world['submission'].pk}/").content.decode()
    assert "More data." in page and "Reviewer 1" in page
    assert reviewers[0].email not in page and "Dubois" not in page
    assert "Between us" not in page
    for f in world["submission"].files.all():
        assert client.get(f"/en/portal/files/{f.pk}/").status_code == 200


def test_editors_menu_is_for_managing_editors_only(client, world, editor, reviewers, author):
    client.force_login(editor)
    assert client.get("/admin/submissions/").status_code == 200
    assert '"url": "/admin/submissions/"' in client.get("/admin/").content.decode()
    client.force_login(reviewers[0])
    assert_refused_in_admin(client.get("/admin/submissions/"))
    menu = client.get("/admin/").content.decode()
    assert '"url": "/admin/submissions/"' not in menu
    assert '"url": "/admin/submissions/my-reviews/"' in menu


def test_an_editor_cannot_open_a_drafts_decision_page_or_files(client, author, series, editor):
    from .builders import draft

    submission = draft(author, series)
    client.force_login(editor)
    # Refused as the draft's own page is.
    for url in (f"/admin/submissions/{submission.pk}/",
                f"/admin/submissions/{submission.pk}/decide/",
                *(f"/admin/submissions/{submission.pk}/files/{f.pk}/"
                  for f in submission.files.all())):
        assert_refused_in_admin(client.get(url), url)
    assert_refused_in_admin(client.post(f"/admin/submissions/{submission.pk}/decide/",
                                        {"outcome": "accept", "letter": "x"}))
    submission.refresh_from_db()
    assert submission.state == "draft" and not submission.decisions.exists()
    # Once submitted, the same editor may.
    workflow.submit(submission, author)
    assert client.get(f"/admin/submissions/{submission.pk}/decide/").status_code == 200
    first = submission.files.first()
    assert client.get(f"/admin/submissions/{submission.pk}/files/{first.pk}/").status_code == 200
