"""Script posted through any public form comes back inert: escaped on the page that echoes it,
escaped where editors read it in the admin; and no form redirects a visitor off the site."""

import datetime
import re

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from home.models import ContactPage
from publications.models import Series, Submission
from publications.review import workflow
from publications.review.tokens import make_assignment_token
from tests.review.conftest import make_pdf

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
def demo(full_demo, db):
    return full_demo


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


def test_a_scripted_submission_is_inert_for_its_author_editors_and_reviewers(client, demo):
    """What an author types into the submission wizard is read later by the managing editors
    in the admin (whose policy still allows inline script) and by reviewers: stored script
    there would run with an editor's rights."""
    payload = SCRIPT + ATTRIBUTE_BREAKOUT
    author = User.objects.get(username="author")
    editor = User.objects.get(username="managing-editor")
    reviewer = User.objects.get(username="reviewer")
    series = Series.objects.filter(locale__language_code="en").order_by("pk").first()

    client.force_login(author)
    response = client.post("/en/portal/submissions/new/", {
        "series": series.pk, "title": payload, "abstract": payload, "keywords": payload,
    })
    assert response.status_code == 302
    submission = Submission.objects.get(title=payload)
    steps = f"/en/portal/submissions/{submission.pk}/edit/"
    for step, data in [
        ("authors", {
            "authors-TOTAL_FORMS": "1", "authors-INITIAL_FORMS": "0",
            "authors-MIN_NUM_FORMS": "0", "authors-MAX_NUM_FORMS": "30",
            "authors-0-name": payload, "authors-0-email": "amira@jcmi.example",
            "authors-0-affiliation": payload, "authors-0-is_corresponding": "on",
        }),
        ("statements", {"cover_letter": payload, "competing_interests": payload,
                        "licence_agreed": "on"}),
        ("files", {
            "manuscript": SimpleUploadedFile(SCRIPT + ".pdf", make_pdf()),
            "anonymised": SimpleUploadedFile(ATTRIBUTE_BREAKOUT + ".pdf", make_pdf()),
        }),
        ("confirm", {}),
    ]:
        assert client.post(steps + step + "/", data).status_code == 302, step
    submission.refresh_from_db()
    assert submission.state == Submission.State.SUBMITTED
    for url in ["/en/portal/", f"/en/portal/submissions/{submission.pk}/"]:
        response = client.get(url)
        assert response.status_code == 200 and "jcmi-xss" in response.content.decode()
        assert_inert(response)

    client.force_login(editor)
    for url in ["/admin/submissions/", f"/admin/submissions/{submission.pk}/"]:
        response = client.get(url)
        assert response.status_code == 200 and "jcmi-xss" in response.content.decode()
        assert_inert(response)

    # The reviewer reads it through their link, and answers with script of their own.
    workflow.start_screening(submission, editor)
    workflow.confirm_anonymity(submission, editor)
    workflow.send_to_review(submission, editor)
    today = timezone.localdate()
    assignment = workflow.invite_reviewer(
        submission, editor, reviewer, response_due=today + datetime.timedelta(days=7),
        review_due=today + datetime.timedelta(days=30))
    client.logout()
    review = f"/en/portal/review/{make_assignment_token(assignment)}/"
    assert client.post(review + "accept/").status_code == 302
    response = client.get(review)
    assert response.status_code == 200 and "jcmi-xss" in response.content.decode()
    assert_inert(response)
    response = client.post(review, {"recommendation": "minor", "comments_for_authors": payload,
                                    "confidential_comments": payload})
    assert response.status_code == 302
    assert_inert(client.get(review))

    # The editor reads the review and decides; the author reads the decision and the review.
    client.force_login(editor)
    response = client.get(f"/admin/submissions/{submission.pk}/")
    assert response.status_code == 200
    assert_inert(response)
    workflow.record_decision(submission, editor, outcome="minor", letter=payload,
                             revision_due=today + datetime.timedelta(days=30))
    client.force_login(author)
    response = client.get(f"/en/portal/submissions/{submission.pk}/")
    assert response.status_code == 200 and "jcmi-xss" in response.content.decode()
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
