"""A round opens, and a decision releases reviewers' files, only once the identity check has
found nothing, or a managing editor has overridden it with a reason on the record."""

import pytest
from pypdf import PdfReader

from publications.models import AuditEvent, Decision, SubmissionFile
from publications.review import anonymise, workflow
from publications.review import files as submission_files

from .builders import checked_pdf, draft, in_days, in_review
from .conftest import AUTHOR_NAME, make_pdf
from .hostile_files import hostile_docx

pytestmark = pytest.mark.django_db

# Text on the page: cleaning cannot remove it, the check must find it. The markup is the
# author's text too, and must reach the editor's page as text.
NAMED = "Acknowledgements: thanks to Amira Haddad <script>alert(1)</script> for the data"
REASON = "Amira Haddad is thanked as the data provider, not named as the author."


def submitted_naming_its_author(author, series):
    submission = draft(author, series)
    # A second version of the anonymised file, which the round's reviewer copy is made from.
    submission_files.store(submission, "anonymised", checked_pdf("anon-v2.pdf", text=NAMED),
                           round_number=1, user=author)
    workflow.submit(submission, author)
    return submission


def reviewer_copy(submission):
    return SubmissionFile.objects.get(submission=submission, kind="reviewer_copy")


def test_the_editor_sees_each_finding_with_its_page_and_context(client, author, series, editor):
    submission = submitted_naming_its_author(author, series)
    client.force_login(editor)
    admin = f"/admin/submissions/{submission.pk}/"
    assert client.post(admin + "screen/").status_code == 302
    hits = reviewer_copy(submission).hits
    assert [(h.found, h.part, h.page) for h in hits] == [(AUTHOR_NAME, "text", 1)]
    page = client.get(admin).content.decode()
    assert "The identity check found 1 trace of a hidden person in this file" in page
    assert "page 1, text" in page
    assert "thanks to Amira Haddad &lt;script&gt;alert(1)&lt;/script&gt; for the data" in page
    assert "<script>alert(1)" not in page
    # Only the override is offered, not the editor's own "it is anonymous".
    assert "override-check/" in page and "confirm-anonymity/" not in page


def test_a_round_does_not_open_while_the_reviewer_copy_names_an_author(client, author, series,
                                                                      editor):
    submission = submitted_naming_its_author(author, series)
    workflow.start_screening(submission, editor)
    client.force_login(editor)
    admin = f"/admin/submissions/{submission.pk}/"
    for action in ("confirm-anonymity/", "send-to-review/"):
        response = client.post(admin + action)
        assert response.status_code == 400
        assert "identity check found the authors" in response.content.decode()
    submission.refresh_from_db()
    assert submission.state == "screening"
    review_round = submission.rounds.get()
    assert review_round.anonymity_confirmed_at is None and review_round.opened_at is None


def test_the_rule_is_the_state_machines_not_the_pages(author, series, editor):
    submission = submitted_naming_its_author(author, series)
    workflow.start_screening(submission, editor)
    # Even with the manual confirmation somehow on record, the round does not open.
    submission.rounds.update(anonymity_confirmed_by=editor,
                             anonymity_confirmed_at="2026-12-01T10:00Z")
    with pytest.raises(workflow.TransitionError, match="identity check found the authors"):
        workflow.send_to_review(submission, editor)
    submission.refresh_from_db()
    assert submission.state == "screening"
    assert not submission.events.filter(action="sent_to_review").exists()


def test_an_override_needs_a_reason_goes_on_the_record_and_lets_the_round_open(
        client, author, series, editor):
    submission = submitted_naming_its_author(author, series)
    workflow.start_screening(submission, editor)
    copy = reviewer_copy(submission)
    client.force_login(editor)
    admin = f"/admin/submissions/{submission.pk}/"
    override = f"{admin}files/{copy.pk}/override-check/"
    for reason in ("", "   ", "x" * 2001):
        response = client.post(override, {"reason": reason})
        assert response.status_code == 400
        assert "give the reason" in response.content.decode()
    copy.refresh_from_db()
    assert copy.hits_overridden_at is None
    assert not submission.events.filter(action="identity_hits_overridden").exists()

    assert client.post(override, {"reason": REASON}).status_code == 302
    event = submission.events.get(action="identity_hits_overridden")
    assert event.actor == editor and REASON in event.note
    copy.refresh_from_db()
    assert copy.hits_override_reason == REASON and copy.hits_overridden_by == editor
    page = client.get(admin).content.decode()
    assert "Check overridden by" in page and "Identity check overridden" in page
    # A second override of the same findings is refused; the first stands.
    assert client.post(override, {"reason": "again"}).status_code == 400

    assert client.post(admin + "confirm-anonymity/").status_code == 302
    assert client.post(admin + "send-to-review/").status_code == 302
    submission.refresh_from_db()
    assert submission.state == "in_review"


def test_only_a_managing_editor_overrides_and_only_a_file_of_this_submission(
        client, author, series, editor, reviewers):
    submission = submitted_naming_its_author(author, series)
    workflow.start_screening(submission, editor)
    copy = reviewer_copy(submission)
    client.force_login(reviewers[0])
    response = client.post(f"/admin/submissions/{submission.pk}/files/{copy.pk}/override-check/",
                           {"reason": REASON})
    assert response.status_code in (302, 403) and response.get("Location", "/admin/") == "/admin/"
    other = in_review(author, series, editor, title="Cultural property in Mosul")
    client.force_login(editor)
    response = client.post(f"/admin/submissions/{other.pk}/files/{copy.pk}/override-check/",
                           {"reason": REASON}, follow=True)
    assert response.status_code == 404
    with pytest.raises(workflow.TransitionNotAllowed):
        workflow.override_identity_hits(submission, reviewers[0], copy, REASON)
    assert not AuditEvent.objects.filter(action="identity_hits_overridden").exists()


def test_a_docx_reviewer_copy_is_cleaned_then_checked_part_by_part(author, series, editor):
    submission = draft(author, series)
    # Every trace of the author in this file is one that cleaning removes...
    submission_files.store(submission, "anonymised", submission_files.CheckedUpload(
        hostile_docx(), submission_files.DOCX, "anon.docx"), round_number=1, user=author)
    workflow.submit(submission, author)
    workflow.start_screening(submission, editor)
    assert reviewer_copy(submission).identity_hits == []
    # ...but not a header that names them.
    named = anonymise.rewrite_zip(hostile_docx(), lambda name, data: data.replace(
        b"Liaison in disaster response", b"Draft by A. Haddad"))
    submission_files.store(submission, "anonymised", submission_files.CheckedUpload(
        named, submission_files.DOCX, "anon.docx"), round_number=2, user=author)
    workflow._prepare_round(submission, 2)
    copy = SubmissionFile.objects.get(submission=submission, kind="reviewer_copy",
                                      round_number=2)
    assert [(h.found, h.part, h.context) for h in copy.hits] == [
        ("Haddad", "word/document.xml", "Draft by A. Haddad and recovery Write to the "
                                        "corresponding…")]


def test_a_series_with_open_review_has_nobody_to_look_for(client, author, open_series, editor):
    submission = draft(author, open_series)
    submission_files.store(submission, "manuscript", checked_pdf("v2.pdf", text=NAMED),
                           round_number=1, user=author)
    workflow.submit(submission, author)
    workflow.start_screening(submission, editor)
    assert reviewer_copy(submission).identity_hits == []
    workflow.confirm_anonymity(submission, editor)
    workflow.send_to_review(submission, editor)
    assert submission.state == "in_review"


# The reverse: a reviewer's annotated file, which the author receives with the decision.

def review_with_file(submission, editor, reviewer, content):
    assignment = workflow.invite_reviewer(submission, editor, reviewer, response_due=in_days(3),
                                          review_due=in_days(9))
    workflow.respond_to_invitation(assignment, accept=True)
    workflow.submit_review(
        assignment, recommendation="major", comments_for_authors="See my notes in the file.",
        attachment=submission_files.CheckedUpload(content, submission_files.PDF, "notes.pdf"))
    return assignment.attachments.get()


def test_a_reviewers_file_that_names_them_holds_the_decision_until_overridden(
        client, author, series, editor, reviewers):
    submission = in_review(author, series, editor)
    signed = make_pdf(text="Comments by Claire Dubois (reviewer@jcmi.example)",
                      author="Claire Dubois", annotate=True)
    attachment = review_with_file(submission, editor, reviewers[0], signed)
    assert {(h.found, h.part, h.page) for h in attachment.hits} == {
        ("Claire Dubois", "text", 1), ("reviewer@jcmi.example", "text", 1)}
    client.force_login(editor)
    admin = f"/admin/submissions/{submission.pk}/"
    page = client.get(admin).content.decode()
    assert "Comments by Claire Dubois (reviewer@jcmi.example)" in page

    notice = client.get(admin + "decide/").content.decode()
    assert "found its reviewer in 1 annotated file that this decision would send" in notice
    response = client.post(admin + "decide/", {"outcome": "major", "letter": "Please revise.",
                                               "revision_due": in_days(30).isoformat()})
    assert response.status_code == 400
    assert "found its reviewer in an annotated file" in response.content.decode()
    submission.refresh_from_db()
    assert submission.state == "in_review" and not Decision.objects.exists()
    client.force_login(author)
    assert client.get(f"/en/portal/files/{attachment.pk}/").status_code == 404

    client.force_login(editor)
    assert client.post(f"{admin}files/{attachment.pk}/override-check/",
                       {"reason": "The reviewer asked to sign the review."}).status_code == 302
    workflow.record_decision(submission, editor, outcome="major", letter="Please revise.",
                             revision_due=in_days(30))
    client.force_login(author)
    assert client.get(f"/en/portal/files/{attachment.pk}/").status_code == 200


def test_a_reviewers_file_cleaned_of_them_passes_straight_through(author, series, editor,
                                                                 reviewers):
    submission = in_review(author, series, editor)
    # Their name only in the document's metadata and as the comment's author: cleaned away.
    attachment = review_with_file(submission, editor, reviewers[0],
                                  make_pdf(author="Claire Dubois", annotate=True))
    assert attachment.identity_hits == []
    with attachment.file.open("rb") as handle:
        comment = PdfReader(handle).pages[0]["/Annots"][0].get_object()
    assert comment["/Contents"] == "Check this figure" and "/T" not in comment  # the review stays
    workflow.record_decision(submission, editor, outcome="major", letter="Please revise.",
                             revision_due=in_days(30))
    assert submission.state == "revisions_requested"


def test_the_editor_may_withhold_a_reviewers_file_instead(client, author, series, editor,
                                                          reviewers, mailoutbox):
    submission = in_review(author, series, editor)
    attachment = review_with_file(submission, editor, reviewers[0], make_pdf(
        text="Comments by Claire Dubois", author="Claire Dubois"))
    client.force_login(editor)
    admin = f"/admin/submissions/{submission.pk}/"
    assert client.post(f"{admin}files/{attachment.pk}/withhold/").status_code == 302
    event = submission.events.get(action="attachment_withheld")
    assert event.actor == editor and "reviewer@jcmi.example" in event.note
    assert "Withheld from the author." in client.get(admin).content.decode()
    assert client.post(f"{admin}files/{attachment.pk}/withhold/").status_code == 400
    mailoutbox.clear()
    workflow.record_decision(submission, editor, outcome="major", letter="Please revise.",
                             revision_due=in_days(30))
    # The review's text goes to the author; the file does not, nor a word about it.
    decision_mail = next(m for m in mailoutbox if m.to == [author.email])
    assert "annotated file" not in decision_mail.body
    client.force_login(author)
    page = client.get(f"/en/portal/submissions/{submission.pk}/").content.decode()
    assert "See my notes in the file." in page and f"/files/{attachment.pk}/" not in page
    assert client.get(f"/en/portal/files/{attachment.pk}/").status_code == 404


def test_only_a_reviewers_file_of_the_open_round_can_be_withheld(author, series, editor,
                                                                 reviewers):
    submission = submitted_naming_its_author(author, series)
    workflow.start_screening(submission, editor)
    with pytest.raises(workflow.TransitionError, match="Only a reviewer's annotated file"):
        workflow.withhold_attachment(submission, editor, reviewer_copy(submission))
    with pytest.raises(workflow.TransitionNotAllowed):
        workflow.withhold_attachment(submission, reviewers[0], reviewer_copy(submission))
