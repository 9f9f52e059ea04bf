"""Script posted through any public form comes back inert: escaped on the page that echoes it,
escaped where editors read it in the admin; and no form redirects a visitor off the site."""

import io
import re

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from wagtail.contrib.forms.models import FormSubmission

from home.models import ContactPage

SCRIPT = '<script>alert("jcmi-xss")</script>'
ATTRIBUTE_BREAKOUT = '"><img src=x onerror=alert("jcmi-xss")>'
PAYLOADS = [SCRIPT, ATTRIBUTE_BREAKOUT]


def assert_inert(response):
    html = response.content.decode()
    for payload in PAYLOADS:
        assert payload not in html, f"unescaped payload in {response.request['PATH_INFO']}"
    assert not re.search(r"<img[^>]*onerror=alert", html)
    assert not re.search(r"""href=["']?\s*javascript:""", html, re.IGNORECASE)


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def contact_page(demo):
    return ContactPage.objects.live().get(locale__language_code="en")


def contact_form_data(page, payload, email):
    data = {}
    for field in page.form_fields.all():
        if field.field_type == "email":
            data[field.clean_name] = email
        elif field.field_type in {"checkbox"}:
            data[field.clean_name] = "on"
        elif field.field_type in {"dropdown", "radio", "multiselect", "checkboxes"}:
            data[field.clean_name] = field.choices.splitlines()[0].split(",")[0].strip() or payload
        else:
            data[field.clean_name] = payload
    return data


def test_the_contact_form_echoes_bad_input_escaped(client, contact_page):
    for payload in PAYLOADS:
        # An invalid e-mail address brings the form back with everything the visitor typed.
        response = client.post(
            contact_page.url, contact_form_data(contact_page, payload, payload)
        )
        assert response.status_code == 400
        assert "jcmi-xss" in response.content.decode()
        assert_inert(response)
    assert not FormSubmission.objects.exists()  # nothing half-saved


def test_a_scripted_contact_message_is_inert_for_the_editors_too(client, contact_page):
    data = contact_form_data(contact_page, SCRIPT + ATTRIBUTE_BREAKOUT, "visitor@jcmi.example")
    response = client.post(contact_page.url, data)
    assert response.status_code == 200
    assert_inert(response)
    assert FormSubmission.objects.count() == 1

    editor = User.objects.get(username="admin")
    client.force_login(editor)
    listing = client.get(f"/admin/forms/submissions/{contact_page.pk}/")
    assert listing.status_code == 200
    assert "jcmi-xss" in listing.content.decode()  # the message is shown …
    assert_inert(listing)  # … as text


def test_the_portal_forms_echo_bad_input_escaped(client, demo):
    for payload in PAYLOADS:
        response = client.post("/en/portal/register/", {
            "email": "not-an-address", "first_name": payload, "last_name": payload,
            "password1": "a-long-pass-phrase-2026", "password2": "a different one",
        })
        assert response.status_code == 400
        assert "jcmi-xss" in response.content.decode()
        assert_inert(response)
        assert not User.objects.filter(first_name=payload).exists()

        response = client.post("/en/portal/login/", {"username": payload, "password": "x"})
        assert response.status_code < 500
        assert_inert(response)


def test_query_strings_and_paths_are_echoed_escaped(client, demo):
    for path in [
        "/en/" + SCRIPT + "/",
        "/en/?q=" + SCRIPT,
        "/en/search/?q=" + ATTRIBUTE_BREAKOUT,
        "/ar/about/?page=" + ATTRIBUTE_BREAKOUT,
    ]:
        response = client.get(path)
        assert response.status_code < 500
        assert_inert(response)


def test_no_public_form_redirects_off_the_site(client, demo):
    User.objects.create_user("visitor", "visitor@jcmi.example", "a-long-pass-phrase-2026")
    for target in ["https://evil.example/phish", "//evil.example/phish", "javascript:alert(1)"]:
        consent = client.post("/consent/", {"choice": "all", "next": target},
                              headers={"Origin": "http://testserver"})
        assert consent.status_code in {302, 303}
        assert not consent["Location"].startswith(("http", "//", "javascript"))

        login = client.post(f"/en/portal/login/?next={target}",
                            {"username": "visitor", "password": "a-long-pass-phrase-2026",
                             "next": target})
        assert login.status_code == 302
        assert not login["Location"].startswith(("http", "//", "javascript"))
        client.logout()
