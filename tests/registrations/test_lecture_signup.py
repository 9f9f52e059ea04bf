"""An online lecture asks for sign-up: the join link reaches those signed up by e-mail shortly
before the start, and never appears on the public page."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from lectures import factories as lecture_factories
from registrations.lectures import send_join_links
from registrations.models import LectureSignup

pytestmark = pytest.mark.django_db

JOIN = "https://meet.example.org/secret-room-4711"


@pytest.fixture
def lecture(home):
    index = lecture_factories.lecture_index(home)
    series = lecture_factories.series(index, "Field notes")
    when = timezone.localtime() + datetime.timedelta(days=3)
    return lecture_factories.lecture(
        series, "Liaison in flood response", when=when.replace(tzinfo=None, second=0,
                                                               microsecond=0),
        attendance="online", signup_required=True, join_url=JOIN)


def test_sign_up_and_receive_the_link_before_the_start_once(client, lecture):
    page = client.get(lecture.url).content.decode()
    assert "Sign up to receive the join link" in page
    assert JOIN not in page
    response = client.post(f"/de/{lecture.url.split('/', 2)[2]}signup/",
                           {"name": "Jonas Weber", "email": "jonas@example.org", "consent": "on"})
    assert response.status_code == 200
    assert JOIN not in response.content.decode()
    signup = LectureSignup.objects.get()
    assert signup.language == "de"

    assert send_join_links(now=lecture.starts_at - datetime.timedelta(hours=3)) == 0
    call_command("send_join_links")  # three days ahead: nothing yet
    assert not mail.outbox
    assert send_join_links(now=lecture.starts_at - datetime.timedelta(minutes=30)) == 1
    [message] = mail.outbox
    assert message.to == ["jonas@example.org"]
    assert JOIN in message.body
    assert "Ihr Link" in message.subject
    assert send_join_links(now=lecture.starts_at - datetime.timedelta(minutes=20)) == 0


def test_bad_sign_ups_are_refused_and_repeats_reveal_nothing(client, lecture):
    url = f"{lecture.url}signup/"
    assert client.post(url, {"name": "", "email": "x@example.org", "consent": "on"}).status_code == 400
    assert client.post(url, {"name": "A", "email": "nope", "consent": "on"}).status_code == 400
    assert client.post(url, {"name": "A", "email": "a@example.org"}).status_code == 400
    assert not LectureSignup.objects.exists()
    data = {"name": "A", "email": "a@example.org", "consent": "on"}
    assert client.post(url, data).status_code == 200
    assert client.post(url, data).status_code == 200
    assert LectureSignup.objects.count() == 1


def test_a_lecture_without_sign_up_takes_none(client, lecture):
    lecture.signup_required = False
    lecture.save_revision().publish()
    assert client.get(f"{lecture.url}signup/").status_code == 409


def test_the_join_link_cannot_be_put_in_the_public_field(lecture):
    lecture.online_url = JOIN
    with pytest.raises(ValidationError):
        lecture.full_clean()
