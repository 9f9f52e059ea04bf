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
    assert "correct e-mail address and password" in response.content.decode()
    assert client.post("/en/portal/password-reset/", {"email": "nope"}).status_code == 400


def test_an_invited_reviewer_cannot_read_the_manuscript_before_accepting(client, author, series,
                                                                       editor, reviewers):
    from publications.review import workflow
    from publications.review.tokens import make_assignment_token

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


def register(client, email="lina.saleh@university.example"):
    response = client.post("/en/portal/register/", {
        "email": email, "first_name": "Lina", "last_name": "Saleh",
        "preferred_language": "en", "password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302
    return email


def test_an_author_who_never_confirmed_is_told_so_and_can_have_the_link_again(client,
                                                                             mailoutbox):
    email = register(client)
    mailoutbox.clear()
    # The right password: the portal says why the log-in fails, and how to go on.
    response = client.post("/en/portal/login/", {"username": email, "password": PASSWORD})
    assert response.status_code == 400
    page = response.content.decode()
    assert "not confirmed yet" in page and "/en/portal/register/resend/" in page
    # The wrong password: nothing says that the account exists.
    response = client.post("/en/portal/login/", {"username": email,
                                                 "password": "wrong" + PASSWORD})
    page = response.content.decode()
    assert "correct e-mail address and password" in page and "not confirmed" not in page
    assert "/register/resend/" not in page
    # Asking again sends a fresh link, which works.
    assert client.get("/en/portal/register/resend/").status_code == 200
    response = client.post("/en/portal/register/resend/", {"email": email.upper()})
    assert response.status_code == 200
    assert [m.to for m in mailoutbox] == [[email]]
    link = re.search(r"http://testserver(\S+/verify/\S+)", mailoutbox[0].body).group(1)
    assert client.get(link).status_code == 302
    client.post("/en/portal/logout/")
    response = client.post("/en/portal/login/", {"username": email, "password": PASSWORD})
    assert response.status_code == 302


def test_resending_the_link_does_not_tell_who_has_an_account(client, author, mailoutbox):
    email = register(client)
    mailoutbox.clear()
    answers = [client.post("/en/portal/register/resend/", {"email": address})
               for address in (email, "nobody@nowhere.example", author.email)]
    assert {a.status_code for a in answers} == {200}
    pages = {a.content.decode().replace("csrfmiddlewaretoken", "") for a in answers}
    assert len(pages) == 1  # the same page for each
    # Only the unconfirmed account gets mail; a confirmed one needs no link.
    assert [m.to for m in mailoutbox] == [[email]]
    assert client.post("/en/portal/register/resend/", {"email": "nope"}).status_code == 400


def test_a_password_reset_for_an_unconfirmed_account_sends_the_confirmation(client,
                                                                           mailoutbox):
    email = register(client)
    mailoutbox.clear()
    response = client.post("/en/portal/password-reset/", {"email": email})
    assert response.status_code == 302
    assert [m.to for m in mailoutbox] == [[email]]
    assert "/portal/verify/" in mailoutbox[0].body


def test_resending_the_link_is_rate_limited(client, mailoutbox, settings):
    from django.core.cache import cache

    email = register(client)
    settings.RATELIMIT_ENABLE = True  # off for the rest of the suite (cms/settings/test.py)
    cache.clear()
    statuses = [client.post("/en/portal/register/resend/", {"email": email}).status_code
                for _ in range(7)]
    assert statuses[:5] == [200] * 5 and statuses[-1] == 429


def test_a_reviewer_invited_by_email_chooses_a_password_and_finds_my_reviews(
        client, author, series, editor, mailoutbox):
    submission = in_review(author, series, editor)
    client.force_login(editor)
    mailoutbox.clear()
    response = client.post(f"/admin/submissions/{submission.pk}/invite/", {
        "new_email": "sara.lind@ngo.example", "new_name": "Sara Lind",
        "response_due": in_days(4), "review_due": in_days(30)})
    assert response.status_code == 302
    client.logout()
    body = mailoutbox[0].body
    link = re.search(r"http://testserver(\S+/password-reset/\S+)", body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    set_password = form_page.redirect_chain[-1][0]
    new_password = "sara-chooses-a-passphrase-2026"
    response = client.post(set_password, {"new_password1": new_password,
                                          "new_password2": new_password})
    assert response.status_code == 302
    response = client.post("/admin/login/", {"username": "sara.lind@ngo.example",
                                             "password": new_password})
    assert response.status_code == 302
    page = client.get("/admin/submissions/my-reviews/")
    assert page.status_code == 200
    assert "My reviews" in page.content.decode() and submission.title in page.content.decode()
    # The link works once.
    client.logout()
    assert "new_password1" not in client.get(link, follow=True).content.decode()


def test_a_reviewer_without_a_password_can_still_ask_for_one_later(client, django_user_model,
                                                                   mailoutbox):
    from django.contrib.auth.models import Group

    reviewer = django_user_model(username="sam@ngo.example", email="sam@ngo.example")
    reviewer.set_unusable_password()
    reviewer.save()
    reviewer.groups.add(Group.objects.get(name="Reviewers"))
    authorless = django_user_model(username="x@ngo.example", email="x@ngo.example")
    authorless.set_unusable_password()
    authorless.save()
    client.post("/en/portal/password-reset/", {"email": "sam@ngo.example"})
    client.post("/en/portal/password-reset/", {"email": "x@ngo.example"})
    assert [m.to for m in mailoutbox] == [["sam@ngo.example"]]


def test_the_log_in_form_asks_for_the_e_mail_address_in_the_visitors_language(client):
    page = client.get("/en/portal/login/").content.decode()
    assert re.search(r'<label for="id_username">E-mail address:?</label>', page)
    assert "Username" not in page
    assert "Adresse e-mail" in client.get("/fr/portal/login/").content.decode()
    assert "E-Mail-Adresse" in client.get("/de/portal/login/").content.decode()
    assert "عنوان البريد الإلكتروني" in client.get("/ar/portal/login/").content.decode()


def test_the_e_mail_address_matches_however_it_is_capitalised(client, author, mailoutbox):
    # A demo or staff account: a short user name, and its e-mail address.
    response = client.post("/en/portal/login/", {"username": "  Author@JCMI.example ",
                                                 "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/en/portal/"
    client.post("/en/portal/logout/")
    # A registered author, whose user name is the address they typed (in lower case).
    email = register(client, "Lina.Saleh@University.example")
    link = re.search(r"http://testserver(\S+/verify/\S+)", mailoutbox[-1].body).group(1)
    client.get(link)
    client.post("/en/portal/logout/")
    response = client.post("/en/portal/login/", {"username": email.upper(), "password": PASSWORD})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == django_user(email).pk
    client.post("/en/portal/logout/")
    # The password is still checked.
    response = client.post("/en/portal/login/", {"username": email.upper(),
                                                 "password": PASSWORD.upper()})
    assert response.status_code == 400
    assert "correct e-mail address and password" in response.content.decode()


def django_user(email):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(email__iexact=email)
