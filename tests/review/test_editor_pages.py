"""What a managing editor reads on the Submissions pages of the admin, as they open them."""

import pytest
from wagtail.models import Locale

from publications.models import Series
from publications.review import workflow

from .builders import draft, reviewed

pytestmark = pytest.mark.django_db


def test_the_submission_page_shows_its_title_in_the_header(client, author, series, editor):
    submission = draft(author, series, title="Liaison cells in flood response")
    workflow.submit(submission, author)
    client.force_login(editor)
    response = client.get(f"/admin/submissions/{submission.pk}/")
    assert response.status_code == 200
    header = response.content.decode().split('class="nice-padding"')[0]
    assert "Liaison cells in flood response" in header.split("</title>")[1]

    response = client.get("/admin/submissions/")
    assert "Submissions" in response.content.decode().split('class="nice-padding"')[0].split(
        "</title>")[1]


def test_an_editor_screening_a_new_submission_sees_its_files(client, author, series, editor):
    submission = draft(author, series)
    submission.keywords = "liaison, floods"
    submission.save()
    workflow.submit(submission, author)
    client.force_login(editor)
    page = client.get(f"/admin/submissions/{submission.pk}/").content.decode()
    manuscript = submission.files.get(kind="manuscript")
    assert f"/admin/submissions/{submission.pk}/files/{manuscript.pk}/" in page
    assert "manuscript.pdf" in page
    assert "liaison, floods" in page


def test_the_timeline_says_what_happened_in_words(client, author, series, editor, reviewers):
    submission, _assignment = reviewed(author, series, editor, reviewers[0])
    client.force_login(editor)
    page = client.get(f"/admin/submissions/{submission.pk}/").content.decode()
    timeline = page.split("Timeline")[-1]
    for words in ("Submitted for review", "Screening started", "Reviewer invited",
                  "Review submitted", "E-mail sent", "Screening → In review"):
        assert words in timeline, words
    for code in ("screening_started", "review_submitted", "email_sent", "in_review"):
        assert f">{code}<" not in timeline and f"{code} →" not in timeline, code


def test_the_series_filter_offers_the_series_submissions_are_made_to(client, series, editor):
    french = Locale.objects.get_or_create(language_code="fr")[0]
    series.copy_for_translation(french).save()
    client.force_login(editor)
    page = client.get("/admin/submissions/").content.decode()
    assert page.count(series.name) == 1
    assert Series.objects.filter(translation_key=series.translation_key).count() == 2
