"""Thanks to reviewers: a certificate per completed review and a yearly summary (PDFs read back
with pypdf), and the public yearly list of those who agreed to be named, in four languages."""

import datetime
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from publications.models import ReviewAssignment, ReviewerRecord

from .builders import reviewed

pytestmark = pytest.mark.django_db


def pdf_text(response):
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)
                                  if response.streaming else response.content))
    return " ".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def review(author, series, editor, reviewers):
    _submission, assignment = reviewed(author, series, editor, reviewers[1])
    return assignment


def test_the_reviewer_downloads_a_certificate_of_each_completed_review(client, review):
    client.force_login(review.reviewer)
    page = client.get("/admin/submissions/my-reviews/certificates/").content.decode()
    url = f"/admin/submissions/my-reviews/certificates/{review.pk}.pdf"
    assert url in page
    text = pdf_text(client.get(url))
    assert "Certificate of peer review" in text
    assert "Ben Okafor" in text and "Working Papers on Civil-Military Interaction" in text
    assert f"Review no. {review.pk}" in text
    # The manuscript's title is confidential: the certificate does not print it.
    assert "Liaison cells" not in text


def test_the_certificate_is_in_the_reviewers_language(client, author, series, editor, reviewers):
    _submission, assignment = reviewed(author, series, editor, reviewers[0])
    client.force_login(reviewers[0])
    text = pdf_text(client.get(
        f"/admin/submissions/my-reviews/certificates/{assignment.pk}.pdf"))
    assert "Attestation d'évaluation par les pairs" in text


def test_nobody_else_gets_a_certificate_and_an_unfinished_review_has_none(
        client, review, editor, reviewers, author, series):
    url = f"/admin/submissions/my-reviews/certificates/{review.pk}.pdf"
    for other in (editor, reviewers[0]):
        client.force_login(other)
        assert client.get(url, follow=True).status_code == 404
    from publications.review import workflow

    from .builders import in_days, in_review

    open_one = workflow.invite_reviewer(in_review(author, series, editor, "Open"), editor,
                                        reviewers[1], response_due=in_days(3),
                                        review_due=in_days(9))
    client.force_login(reviewers[1])
    assert client.get(f"/admin/submissions/my-reviews/certificates/{open_one.pk}.pdf",
                      follow=True).status_code == 404


def test_the_yearly_summary_lists_that_years_reviews(client, review, author, series, editor):
    year = timezone.localdate().year
    ReviewAssignment.objects.filter(pk=review.pk).update(
        submitted_at=timezone.make_aware(datetime.datetime(year, 2, 10, 12)))
    client.force_login(review.reviewer)
    text = pdf_text(client.get(f"/admin/submissions/my-reviews/{year}.pdf"))
    assert f"Peer reviews in {year}" in text
    assert "completed 1 peer reviews" in text and "round 1" in text
    assert client.get(f"/admin/submissions/my-reviews/{year - 1}.pdf",
                      follow=True).status_code == 404
    assert client.get("/admin/submissions/my-reviews/1999.pdf", follow=True).status_code == 404


def test_the_public_list_thanks_only_those_who_agreed(client, review, reviewers, author, series,
                                                      editor):
    _other_submission, other = reviewed(author, series, editor, reviewers[0], "Other work")
    year = timezone.localdate().year
    # Ben agrees through his own page; Claire does not.
    client.force_login(review.reviewer)
    response = client.post("/admin/submissions/my-reviews/thanks/", {"thank_publicly": "on"})
    assert response.status_code == 302
    assert ReviewerRecord.objects.get(user=review.reviewer).thank_publicly
    client.logout()
    for language, heading in (("en", f"Our reviewers in {year}"),
                              ("fr", f"Nos relecteurs en {year}"),
                              ("de", f"Unsere Gutachtenden {year}"),
                              ("ar", f"مراجعونا في عام {year}")):
        response = client.get(f"/{language}/reviewers/thanks/{year}/")
        assert response.status_code == 200, language
        html = response.content.decode()
        assert heading in html
        assert "Ben Okafor" in html and "Claire Dubois" not in html
        # Nothing says what they reviewed.
        assert "Liaison cells" not in html and "Other work" not in html
    assert client.get("/en/reviewers/thanks/").status_code == 302
    assert client.get("/en/reviewers/thanks/1990/").status_code == 404
    assert client.get(f"/en/reviewers/thanks/{year + 1}/").status_code == 404


def test_consent_is_the_reviewers_own(client, editor, review):
    client.force_login(editor)
    # An editor with no reviews of their own cannot set anyone's consent.
    assert client.post("/admin/submissions/my-reviews/thanks/",
                       {"thank_publicly": "on"}).status_code in (302, 403)
    assert not ReviewerRecord.objects.filter(thank_publicly=True).exists()
