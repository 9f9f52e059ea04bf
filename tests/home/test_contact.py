"""A visitor writes to the editors through the contact page."""

import pytest
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

pytestmark = pytest.mark.django_db

GOOD = {
    "your_name": "Amina Diallo",
    "your_e_mail_address": "amina@example.org",
    "organisation": "Field Relief",
    "topic": "Joining the network",
    "message": "I coordinate relief convoys and would like to join the network.",
    "i_agree_that_the_network_stores_my_message_to_answer_it": "on",
}


@pytest.fixture
def contact_page(demo_site):
    from home.models import ContactPage

    mail.outbox.clear()  # only what the visitor's message sends counts
    return ContactPage.objects.get(locale__language_code="en", slug="contact")


def test_a_message_is_stored_and_mailed_to_the_editors(client, contact_page, settings):
    page = client.get("/en/contact/")
    assert page.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in page.content.decode()

    response = client.post("/en/contact/", GOOD)
    assert response.status_code == 200
    assert "Thank you for writing" in response.content.decode()
    submission = FormSubmission.objects.get(page=contact_page)
    assert submission.form_data["your_name"] == "Amina Diallo"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [settings.EDITORS_EMAIL]
    assert "I coordinate relief convoys" in mail.outbox[0].body


def test_bad_input_is_refused_with_clear_messages_and_nothing_stored(client, contact_page):
    bad = {**GOOD, "your_e_mail_address": "not-an-address", "message": ""}
    response = client.post("/en/contact/", bad)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "Enter a valid email address." in html
    assert "This field is required." in html
    assert 'value="Amina Diallo"' in html  # what the visitor typed is kept
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []


def test_a_forged_post_without_csrf_token_is_refused(contact_page):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/en/contact/", GOOD)
    assert response.status_code == 403
    assert FormSubmission.objects.count() == 0
