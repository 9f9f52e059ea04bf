"""The whole peer-review journey on the real stack, as the people involved live it."""

import io
import re

import pytest
from django.core import mail
from pypdf import PdfReader

from publications.models import (
    AuditEvent,
    ReviewAssignment,
    Submission,
    SubmissionFile,
)

from .builders import in_days
from .conftest import AUTHOR_EMAIL, AUTHOR_NAME, PASSWORD

pytestmark = pytest.mark.django_db


def last_link(pattern):
    """The last link in the sent e-mails that matches ``pattern``."""
    for message in reversed(mail.outbox):
        found = re.findall(r"http://testserver(\S+)", message.body)
        for link in found:
            if re.search(pattern, link):
                return link
    raise AssertionError(f"no e-mail links to {pattern}")


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content), response


def test_author_registers_submits_and_a_second_round_accepts(client, series, editor, reviewers,
                                                           pdf_bytes):
    # 1. The author registers and confirms her address.
    response = client.post("/en/portal/register/", {
        "email": AUTHOR_EMAIL, "first_name": "Amira", "last_name": "Haddad",
        "affiliation": "University of Tunis", "preferred_language": "en",
        "password1": PASSWORD, "password2": PASSWORD,
    })
    assert response.status_code == 302
    assert client.login(username=AUTHOR_EMAIL, password=PASSWORD) is False  # not verified yet
    assert mail.outbox[-1].to == [AUTHOR_EMAIL]
    response = client.get(last_link(r"/portal/verify/"))
    assert response.status_code == 302
    author = Submission._meta.get_field("submitter").related_model.objects.get(
        email=AUTHOR_EMAIL)
    assert author.is_active and author.jcmi_profile.email_verified
    assert author.groups.filter(name="Authors").exists()

    # 2. She fills in the form step by step, saving a draft half-way.
    response = client.post("/en/portal/submissions/new/", {
        "series": series.pk, "title": "Liaison cells in flood response",
        "abstract": "How liaison cells shared information between relief agencies and units.",
        "keywords": "liaison, floods", "save_draft": "1",
    })
    assert response.status_code == 302
    submission = Submission.objects.get(submitter=author)
    assert submission.state == "draft"
    assert client.get("/en/portal/").content.decode().count("Liaison cells") == 1
    step = f"/en/portal/submissions/{submission.pk}/edit/"
    response = client.post(step + "authors/", {
        "authors-TOTAL_FORMS": "2", "authors-INITIAL_FORMS": "0",
        "authors-MIN_NUM_FORMS": "0", "authors-MAX_NUM_FORMS": "1000",
        "authors-0-name": AUTHOR_NAME, "authors-0-email": AUTHOR_EMAIL,
        "authors-0-affiliation": "University of Tunis", "authors-0-orcid": "0000-0002-1825-0097",
        "authors-0-is_corresponding": "on",
        "authors-1-name": "Lukas Brandt", "authors-1-email": "lukas@example.org",
        "authors-1-affiliation": "Bundeswehr University",
    })
    assert response.status_code == 302, response.content.decode()
    assert list(submission.authors.values_list("name", flat=True)) == [AUTHOR_NAME,
                                                                       "Lukas Brandt"]
    response = client.post(step + "statements/", {
        "cover_letter": "For the working paper series.", "competing_interests": "None",
        "licence_agreed": "on",
    })
    assert response.status_code == 302
    from django.core.files.uploadedfile import SimpleUploadedFile
    response = client.post(step + "files/", {
        "manuscript": SimpleUploadedFile("haddad-liaison.pdf", pdf_bytes, "application/pdf"),
        "anonymised": SimpleUploadedFile("liaison-anon.pdf", pdf_bytes, "application/pdf"),
    })
    assert response.status_code == 302
    mail.outbox.clear()
    response = client.post(step + "confirm/")
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.state == "submitted"
    assert {tuple(m.to) for m in mail.outbox} == {(AUTHOR_EMAIL,), (editor.email,)}
    received = next(m for m in mail.outbox if m.to == [AUTHOR_EMAIL])
    assert "received" in received.subject
    assert received.alternatives and received.alternatives[0][1] == "text/html"

    # 3. The editor screens it, checks the reviewer copy and sends it to review.
    client.force_login(editor)
    admin = f"/admin/submissions/{submission.pk}/"
    assert client.post(admin + "screen/").status_code == 302
    copy = SubmissionFile.objects.get(submission=submission, kind="reviewer_copy",
                                      round_number=1)
    assert copy.download_name == "manuscript-round-1.pdf"
    page = client.get(admin).content.decode()
    assert "The identity check found no name" in page
    # The round cannot open before the anonymity check.
    response = client.post(admin + "send-to-review/")
    assert response.status_code == 400
    assert "anonymity check" in response.content.decode()
    assert client.post(admin + "confirm-anonymity/").status_code == 302
    assert client.post(admin + "send-to-review/").status_code == 302
    submission.refresh_from_db()
    assert submission.state == "in_review"

    # 4. Two reviewers are invited; one declines by link without logging in.
    mail.outbox.clear()
    for reviewer in reviewers:
        response = client.post(admin + "invite/", {
            "reviewer": reviewer.pk, "response_due": in_days(5), "review_due": in_days(30)})
        assert response.status_code == 302
    invitations = {m.to[0]: m for m in mail.outbox if "Invitation" in m.subject}
    assert set(invitations) == {r.email for r in reviewers}
    # The French reviewer gets her invitation in French; neither names the author.
    assert "Invitation" in invitations[reviewers[0].email].subject
    for message in invitations.values():
        assert AUTHOR_NAME not in message.body and AUTHOR_EMAIL not in message.body
    client.logout()
    decline = re.search(r"http://testserver(\S+/decline/)",
                        invitations[reviewers[1].email].body).group(1)
    assert client.get(decline).status_code == 200  # asking changes nothing
    assert ReviewAssignment.objects.get(reviewer=reviewers[1]).state == "invited"
    assert client.post(decline).status_code == 302
    assert ReviewAssignment.objects.get(reviewer=reviewers[1]).state == "declined"

    # 5. The other accepts, downloads the anonymised copy and reviews.
    accept = re.search(r"http://testserver(\S+/accept/)",
                       invitations[reviewers[0].email].body).group(1)
    assert client.post(accept).status_code == 302
    review_page = accept.replace("accept/", "")
    page = client.get(review_page).content.decode()
    assert AUTHOR_NAME not in page and AUTHOR_EMAIL not in page
    content, response = download(client, review_page + "manuscript/")
    assert 'filename="manuscript-round-1.pdf"' in response["Content-Disposition"]
    assert AUTHOR_NAME.encode() not in content
    reader = PdfReader(io.BytesIO(content))
    assert "/Author" not in (reader.metadata or {})
    assert "flood" in reader.pages[0].extract_text()
    mail.outbox.clear()
    response = client.post(review_page, {
        "recommendation": "minor",
        "comments_for_authors": "Clarify how the liaison officers were chosen.",
        "confidential_comments": "A useful paper; the revision should be quick.",
    })
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [[editor.email]]

    # 6. The editor asks for minor revisions; the letter quotes the review.
    client.force_login(editor)
    form = client.get(admin + "decide/?outcome=minor").content.decode()
    assert "Clarify how the liaison officers were chosen." in form
    mail.outbox.clear()
    letter = ("Dear Dr Haddad,\n\nPlease revise.\n\n--- Reviewer 1 ---\n"
              "Clarify how the liaison officers were chosen.")
    response = client.post(admin + "decide/", {
        "outcome": "minor", "letter": letter, "revision_due": in_days(30)})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.state == "revisions_requested"
    decision_mail = next(m for m in mail.outbox if m.to == [AUTHOR_EMAIL])
    assert "Clarify how the liaison officers were chosen." in decision_mail.body
    assert "Claire" not in decision_mail.body and reviewers[0].email not in decision_mail.body
    assert any(m.to == [reviewers[0].email] for m in mail.outbox)  # reviewers hear it too

    # 7. The author reads the decision (no reviewer named) and revises.
    client.force_login(author)
    page = client.get(f"/en/portal/submissions/{submission.pk}/").content.decode()
    assert "Clarify how the liaison officers were chosen." in page
    assert "Reviewer 1" in page
    assert "Claire" not in page and "Dubois" not in page and reviewers[0].email not in page
    assert "A useful paper" not in page  # confidential comments stay with the editor
    first_review = ReviewAssignment.objects.get(reviewer=reviewers[0])
    mail.outbox.clear()
    response = client.post(f"/en/portal/submissions/{submission.pk}/revise/", {
        "manuscript": SimpleUploadedFile("v2.pdf", pdf_bytes, "application/pdf"),
        "anonymised": SimpleUploadedFile("v2-anon.pdf", pdf_bytes, "application/pdf"),
        f"answer_to_review_{first_review.pk}": "Section 3 now explains how officers were chosen.",
    })
    assert response.status_code == 302, response.content.decode()
    submission.refresh_from_db()
    assert submission.state == "resubmitted"
    assert first_review.author_response.response.startswith("Section 3")
    assert SubmissionFile.objects.filter(submission=submission, round_number=2,
                                         kind="reviewer_copy").count() == 1

    # 8. A second round: same reviewer, who recommends acceptance; the editor accepts.
    client.force_login(editor)
    assert client.post(admin + "confirm-anonymity/").status_code == 302
    assert client.post(admin + "send-to-review/").status_code == 302
    assert submission.rounds.count() == 2
    mail.outbox.clear()
    client.post(admin + "invite/", {"reviewer": reviewers[0].pk, "response_due": in_days(5),
                                    "review_due": in_days(20)})
    link = re.search(r"http://testserver(\S+/accept/)", mail.outbox[-1].body).group(1)
    client.logout()
    client.post(link)
    review_page = link.replace("accept/", "")
    content, _resp = download(client, review_page + "manuscript/")
    assert AUTHOR_NAME.encode() not in content
    client.post(review_page, {"recommendation": "accept",
                              "comments_for_authors": "The revision answers my points."})
    client.force_login(editor)
    response = client.post(admin + "decide/", {"outcome": "accept",
                                               "letter": "Dear Dr Haddad,\n\nAccepted."})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.state == "accepted"

    # Every state change is in the timeline, and every e-mail is listed there too.
    transitions = list(AuditEvent.objects.filter(submission=submission).exclude(
        from_state=models_F_to_state()).values_list("from_state", "to_state"))
    assert transitions == [
        ("draft", "submitted"), ("submitted", "screening"), ("screening", "in_review"),
        ("in_review", "revisions_requested"), ("revisions_requested", "resubmitted"),
        ("resubmitted", "in_review"), ("in_review", "accepted"),
    ]
    actions = set(AuditEvent.objects.filter(submission=submission).values_list("action",
                                                                                flat=True))
    assert {"draft_created", "anonymity_confirmed", "reviewer_invited", "invitation_declined",
            "invitation_accepted", "review_submitted", "email_sent"} <= actions
    emails = AuditEvent.objects.filter(submission=submission, action="email_sent")
    notes = " ".join(emails.values_list("note", flat=True))
    for name in ("submission_received", "sent_to_review", "reviewer_invited",
                 "review_submitted_editors", "decision", "decision_reviewer",
                 "revision_received"):
        assert f"{name} →" in notes, name
    # The editor's page shows that timeline.
    page = client.get(admin).content.decode()
    assert "Revision submitted" in page and "E-mail sent" in page


def models_F_to_state():
    # Events that do not change the state have from_state == to_state; the query keeps the rest.
    from django.db.models import F

    return F("to_state")
