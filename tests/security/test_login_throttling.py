"""Guessing passwords at a login form locks the account out for that address (django-axes)."""

import pytest
from django.contrib.auth.models import Group, User


@pytest.fixture
def lockout_on(settings):
    # tests settings switch it off for the rest of the suite (see cms/settings/test.py).
    settings.AXES_ENABLED = True
    return settings


@pytest.fixture
def moderator(db):
    user = User.objects.create_user("moderator", "moderator@jcmi.example", "right-password-2026")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def admin_login(client, username, password, address="203.0.113.7"):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def test_five_wrong_passwords_lock_the_admin_login_even_for_the_right_one(
    client, lockout_on, moderator
):
    for _ in range(4):
        response = admin_login(client, "moderator", "guess")
        assert response.status_code == 200  # the form again, with its error
        assert "_auth_user_id" not in client.session

    locked = admin_login(client, "moderator", "guess")
    assert locked.status_code == 429
    assert "Sign-in temporarily blocked" in locked.content.decode()

    # Even the right password does not get in while the lock lasts.
    still_locked = admin_login(client, "moderator", "right-password-2026")
    assert still_locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_is_per_account_and_address(client, lockout_on, moderator):
    for _ in range(5):
        admin_login(client, "moderator", "guess")

    # The same person from another address (or another user here) is not locked out.
    response = admin_login(client, "moderator", "right-password-2026", address="198.51.100.4")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_a_successful_login_resets_the_count(client, lockout_on, moderator):
    for _ in range(4):
        admin_login(client, "moderator", "guess")
    assert admin_login(client, "moderator", "right-password-2026").status_code == 302
    client.logout()
    for _ in range(4):
        assert admin_login(client, "moderator", "guess").status_code == 200


def test_the_author_portal_login_locks_out_too(client, lockout_on, db):
    User.objects.create_user("author", "author@jcmi.example", "right-password-2026")
    for _ in range(5):
        response = client.post(
            "/en/portal/login/", {"username": "author", "password": "guess"},
            REMOTE_ADDR="203.0.113.8",
        )
    assert response.status_code == 429
    assert "Sign-in temporarily blocked" in response.content.decode()
    response = client.post(
        "/en/portal/login/", {"username": "author", "password": "right-password-2026"},
        REMOTE_ADDR="203.0.113.8",
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_portal_lock_holds_however_the_address_is_capitalised(client, lockout_on, db):
    User.objects.create_user("author", "author@jcmi.example", "right-password-2026")
    for typed in ("author@jcmi.example", "Author@JCMI.example", "AUTHOR@jcmi.example",
                  "author", "author@JCMI.EXAMPLE"):
        response = client.post("/en/portal/login/", {"username": typed, "password": "guess"},
                               REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 429
    response = client.post(
        "/en/portal/login/", {"username": "Author@Jcmi.Example", "password": "right-password-2026"},
        REMOTE_ADDR="203.0.113.9",
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
