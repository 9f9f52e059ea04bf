"""Accounts as OWASP ASVS level 2 asks: long, uncommon passwords; staff sessions that end when
left idle and every session after a fixed time; log-in throttled per address across accounts;
registration and password reset that do not tell who has an account."""

import time

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail

from cms import sessions

pytestmark = pytest.mark.django_db

GOOD = "a-long-enough-passphrase"


def register(client, email, password=GOOD, address="203.0.113.9"):
    return client.post("/en/portal/register/", {
        "email": email, "first_name": "Noor", "last_name": "Saleh", "preferred_language": "en",
        "password1": password, "password2": password}, REMOTE_ADDR=address)


@pytest.mark.parametrize("password, message", [
    ("short-pass1", "at least 12 characters"),
    ("password123456", "too common"),
])
def test_a_short_or_common_password_is_refused(client, password, message):
    response = register(client, "new@example.org", password)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not User.objects.filter(email="new@example.org").exists()


def test_a_twelve_character_password_is_accepted(client):
    assert register(client, "new@example.org", "kestrel-dawn").status_code == 302
    assert User.objects.filter(email="new@example.org").exists()


def age_session(client, **seconds_ago):
    session = client.session
    now = time.time()
    for key, ago in seconds_ago.items():
        session[key] = now - ago
    session.save()


@pytest.fixture
def moderator():
    user = User.objects.create_user("moderator", "moderator@jcmi.example", GOOD)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def author():
    user = User.objects.create_user("author@jcmi.example", "author@jcmi.example", GOOD)
    user.groups.add(Group.objects.get(name="Authors"))
    return user


def test_a_staff_session_left_idle_ends(client, moderator, settings):
    client.force_login(moderator)
    assert client.get("/admin/").status_code == 200
    age_session(client, **{sessions.LAST_SEEN: settings.STAFF_SESSION_IDLE_TIMEOUT - 60})
    assert client.get("/admin/").status_code == 200  # still within the idle time
    age_session(client, **{sessions.LAST_SEEN: settings.STAFF_SESSION_IDLE_TIMEOUT + 1})
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert "_auth_user_id" not in client.session


def test_an_author_may_pause_but_no_session_outlives_the_absolute_limit(client, author,
                                                                      settings):
    assert settings.STAFF_SESSION_IDLE_TIMEOUT < settings.SESSION_ABSOLUTE_TIMEOUT
    assert settings.SESSION_COOKIE_AGE <= settings.SESSION_ABSOLUTE_TIMEOUT
    client.force_login(author)
    age_session(client, **{sessions.LAST_SEEN: settings.STAFF_SESSION_IDLE_TIMEOUT + 600})
    assert client.get("/en/portal/").status_code == 200  # not staff: idle is fine
    age_session(client, **{sessions.STARTED: settings.SESSION_ABSOLUTE_TIMEOUT + 1})
    response = client.get("/en/portal/")
    assert response.status_code == 302 and "/portal/login/" in response["Location"]


def test_one_address_trying_many_accounts_is_throttled(client, settings):
    from django.core.cache import cache

    settings.RATELIMIT_ENABLE = True
    cache.clear()
    for n in range(20):
        response = client.post("/en/portal/login/", {"username": f"user{n}@example.org",
                                                     "password": "Winter2026!"},
                               REMOTE_ADDR="203.0.113.50")
        assert response.status_code == 400
    sprayed = client.post("/en/portal/login/", {"username": "user99@example.org",
                                                "password": "Winter2026!"},
                          REMOTE_ADDR="203.0.113.50")
    assert sprayed.status_code == 429
    admin = client.post("/admin/login/", {"username": "someone", "password": "Winter2026!"},
                        REMOTE_ADDR="203.0.113.50")
    assert admin.status_code in (200, 429)
    other_address = client.post("/en/portal/login/", {"username": "user1@example.org",
                                                      "password": "Winter2026!"},
                                REMOTE_ADDR="198.51.100.7")
    assert other_address.status_code == 400
    cache.clear()


def test_registration_gives_the_same_answer_whether_or_not_the_address_has_an_account(
        client, author):
    new = register(client, "someone.new@example.org")
    mail.outbox.clear()
    taken = register(client, author.email.upper())
    assert (taken.status_code, taken["Location"]) == (new.status_code, new["Location"])
    assert User.objects.filter(email__iexact=author.email).count() == 1
    # The owner is told, with the ways back in.
    [notice] = mail.outbox
    assert notice.to == [author.email]
    assert "/portal/login/" in notice.body and "/portal/password-reset/" in notice.body


def test_password_reset_gives_the_same_answer_whether_or_not_the_address_has_an_account(
        client, author):
    known = client.post("/en/portal/password-reset/", {"email": author.email})
    unknown = client.post("/en/portal/password-reset/", {"email": "nobody@example.org"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert [message.to for message in mail.outbox] == [[author.email]]
