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


def test_the_french_contact_page_asks_in_french_and_files_answers_under_the_same_names(
    client, contact_page
):
    from bs4 import BeautifulSoup

    response = client.get("/fr/contact/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    labels = " ".join(label.get_text(" ", strip=True) for label in soup.find_all("label"))
    assert "Votre nom" in labels and "Sujet" in labels
    assert "Your name" not in labels
    assert "Nous ne l'utilisons que pour vous répondre." in soup.get_text()
    options = [option.get_text(strip=True) for option in soup.select("select[name=topic] option")]
    assert "Adhésion au réseau" in options and "Joining the network" not in options
    # The same field names as the English form, so every submission has the same keys.
    english = BeautifulSoup(client.get("/en/contact/").content, "html.parser")
    names = {field["name"] for field in soup.select("form [name]")}
    assert names == {field["name"] for field in english.select("form [name]")}

    response = client.post("/fr/contact/", {**GOOD, "topic": "Adhésion au réseau"})
    assert response.status_code == 200
    french_page = contact_page.get_translation(contact_page.locale.__class__.objects.get(
        language_code="fr"))
    submission = FormSubmission.objects.get(page=french_page)
    assert set(submission.form_data) >= set(GOOD) - {
        "i_agree_that_the_network_stores_my_message_to_answer_it"} | {"topic"}
    assert submission.form_data["your_name"] == "Amina Diallo"
    assert submission.form_data["topic"] == "Adhésion au réseau"


def test_the_arabic_contact_page_is_in_arabic(client, contact_page):
    response = client.get("/ar/contact/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "اسمك" in html and "Your name" not in html


def test_the_latin_address_and_phone_read_right_in_the_arabic_layout(client, contact_page):
    """In a right-to-left page a Latin address ending in "d.o.o." had its final full stop thrown
    to the front of the line; the phone number sat alone on the left of the column."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get("/ar/contact/").content, "html.parser")
    for address in [soup.select_one(".contact-details address"), soup.select_one(".site-footer address")]:
        assert "d.o.o." in address.get_text() and address["dir"] == "auto"
    phone = soup.select_one('.contact-details a[href^="tel:"]')
    assert phone["dir"] == "ltr" and phone.parent.get("dir") is None
