"""Authors log in, log out and reset a forgotten password through the portal."""

import re

import pytest

from .builders import in_days, in_review
from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_an_author_resets_a_forgotten_password_and_logs_in(client, author, mailoutbox):
    response = client.post("/en/portal/password-reset/", {"email": author.email})
    assert response.status_code == 302
    assert [m.to for m in mailoutbox] == [[author.email]]
    link = re.search(r"http://testserver(\S+)", mailoutbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    set_password = form_page.redirect_chain[-1][0]
    mismatch = client.post(set_password, {"new_password1": "a-new-passphrase-for-2027",
                                          "new_password2": "another-passphrase"})
    assert mismatch.status_code == 400
    response = client.post(set_password, {
        "new_password1": "a-new-passphrase-for-2027", "new_password2": "a-new-passphrase-for-2027"})
    assert response.status_code == 302
    response = client.post("/en/portal/login/", {"username": author.username,
                                                 "password": "a-new-passphrase-for-2027"})
    assert response.status_code == 302 and response["Location"] == "/en/portal/"
    assert client.get("/en/portal/").status_code == 200
    client.post("/en/portal/logout/")
    assert client.get("/en/portal/").status_code == 302


def test_a_wrong_password_is_refused_with_a_message(client, author):
    response = client.post("/en/portal/login/", {"username": author.username,
                                                 "password": "wrong" + PASSWORD})
    assert response.status_code == 400
    assert "correct username and password" in response.content.decode()
    assert client.post("/en/portal/password-reset/", {"email": "nope"}).status_code == 400


def test_an_invited_reviewer_cannot_read_the_manuscript_before_accepting(client, author, series,
                                                                       editor, reviewers):
    from publications import workflow
    from publications.tokens import make_assignment_token

    submission = in_review(author, series, editor)
    assignment = workflow.invite_reviewer(submission, editor, reviewers[0],
                                          response_due=in_days(3), review_due=in_days(9))
    token = make_assignment_token(assignment)
    assert client.get(f"/en/portal/review/{token}/manuscript/").status_code == 404
    client.force_login(reviewers[0])
    copy = submission.rounds.get().reviewer_copy
    assert client.get(f"/en/portal/files/{copy.pk}/").status_code == 404
    workflow.respond_to_invitation(assignment, accept=True)
    assert client.get(f"/en/portal/files/{copy.pk}/").status_code == 200


def test_the_portal_speaks_the_visitors_language_and_direction(client):
    page = client.get("/ar/portal/login/").content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert 'action="/ar/portal/' in page or "/ar/portal/register/" in page
