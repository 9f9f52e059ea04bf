"""E-mails go out as text and HTML, in the recipient's language, and are listed in the timeline."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import formats, translation

from publications.models import AuditEvent
from publications.review import workflow
from publications.review.tokens import make_assignment_token

from .builders import in_days, in_review
from .conftest import make_pdf

pytestmark = pytest.mark.django_db


def test_a_french_reviewer_is_written_to_in_french(author, series, editor, reviewers,
                                                  mailoutbox):
    french, english = reviewers
    submission = in_review(author, series, editor)
    mailoutbox.clear()
    due = in_days(40)
    workflow.invite_reviewer(submission, editor, french, response_due=in_days(3), review_due=due)
    workflow.invite_reviewer(submission, editor, english, response_due=in_days(3),
                             review_due=due)
    by_recipient = {m.to[0]: m for m in mailoutbox}
    with translation.override("fr"):
        french_date = formats.date_format(due)
    with translation.override("en"):
        english_date = formats.date_format(due)
    assert french_date != english_date
    assert french_date in by_recipient[french.email].body
    assert english_date in by_recipient[english.email].body
    # Links point at the recipient's language prefix.
    assert "/fr/portal/review/" in by_recipient[french.email].body
    assert "/en/portal/review/" in by_recipient[english.email].body
    html, mimetype = by_recipient[french.email].alternatives[0]
    assert mimetype == "text/html" and "<a href=" in html and french_date in html
    notes = AuditEvent.objects.filter(submission=submission, action="email_sent")
    assert notes.filter(note__startswith=f"reviewer_invited → {french.email}").exists()


def test_an_invited_reviewer_new_to_the_network_gets_an_account_and_a_link(client, author,
                                                                          series, editor,
                                                                          mailoutbox):
    submission = in_review(author, series, editor)
    client.force_login(editor)
    mailoutbox.clear()
    response = client.post(f"/admin/submissions/{submission.pk}/invite/", {
        "new_email": "Sara.Lind@ngo.example", "new_name": "Sara Lind",
        "response_due": in_days(4), "review_due": in_days(30)})
    assert response.status_code == 302
    assert [m.to for m in mailoutbox] == [["sara.lind@ngo.example"]]
    link = re.search(r"http://testserver(\S+/accept/)", mailoutbox[0].body).group(1)
    client.logout()
    assert client.post(link).status_code == 302
    page = client.get(link.replace("accept/", "")).content.decode()
    assert "Download the manuscript" in page


def test_the_author_gets_the_reviewers_annotated_file_without_its_metadata(
        client, author, series, editor, reviewers):
    submission = in_review(author, series, editor)
    assignment = workflow.invite_reviewer(submission, editor, reviewers[0],
                                          response_due=in_days(3), review_due=in_days(9))
    workflow.respond_to_invitation(assignment, accept=True)
    annotated = make_pdf(author="Claire Dubois", annotate=True)
    token = make_assignment_token(assignment)
    response = client.post(f"/en/portal/review/{token}/", {
        "recommendation": "major", "comments_for_authors": "See my notes in the file.",
        "attachment": SimpleUploadedFile("notes.pdf", annotated, "application/pdf")})
    assert response.status_code == 302
    attachment = assignment.attachments.get()
    client.force_login(author)
    # Not before the decision...
    assert client.get(f"/en/portal/files/{attachment.pk}/").status_code == 404
    workflow.record_decision(submission, editor, outcome="major", letter="Revise.",
                             revision_due=in_days(30))
    response = client.get(f"/en/portal/files/{attachment.pk}/")
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    assert b"Claire" not in content and b"Dubois" not in content


def test_the_decision_email_quotes_each_review_once(author, series, editor, reviewers,
                                                    mailoutbox):
    from publications.review.letters import draft_letter

    from .builders import reviewed

    submission, _assignment = reviewed(author, series, editor, reviewers[0])
    letter = draft_letter(submission, "minor", editor)
    mailoutbox.clear()
    workflow.record_decision(submission, editor, outcome="minor", letter=letter,
                             revision_due=in_days(20))
    decision_mail = next(m for m in mailoutbox if m.to == [author.email])
    assert decision_mail.body.count("Clarify the data sources in section 2.") == 1
    html, _mimetype = decision_mail.alternatives[0]
    assert html.count("Clarify the data sources in section 2.") == 1


def test_the_html_part_carries_the_recipients_language_and_direction(
        django_user_model, author, series, editor, reviewers, mailoutbox):
    from .conftest import make_user

    arabic = make_user(django_user_model, "reviewer-ar", "Reviewers", first="Omar",
                       last="Nasser", language="ar")
    submission = in_review(author, series, editor)
    mailoutbox.clear()
    for reviewer in (reviewers[0], reviewers[1], arabic):
        workflow.invite_reviewer(submission, editor, reviewer, response_due=in_days(3),
                                 review_due=in_days(20))
    html = {m.to[0]: m.alternatives[0][0] for m in mailoutbox}
    assert '<html lang="fr" dir="ltr">' in html[reviewers[0].email]
    assert '<html lang="en" dir="ltr">' in html[reviewers[1].email]
    assert '<html lang="ar" dir="rtl">' in html[arabic.email]
