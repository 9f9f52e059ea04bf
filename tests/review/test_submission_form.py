"""The author fills in the step-by-step submission form: orders the authors as they should be
credited, and checks everything before sending it."""

import re

import pytest

from publications.factories import make_site, make_topic
from publications.models import SubmissionAuthor, SubmissionFile

from .builders import draft

pytestmark = pytest.mark.django_db


def author_rows(submission, rows):
    """The authors step as the browser posts it: one row per (author, position, corresponding)."""
    data = {"authors-TOTAL_FORMS": str(len(rows) + 1),
            "authors-INITIAL_FORMS": str(sum(1 for author, *_ in rows if author.pk)),
            "authors-MIN_NUM_FORMS": "0", "authors-MAX_NUM_FORMS": "1000", "next": ""}
    for i, (author, position, corresponding) in enumerate(rows):
        data.update({f"authors-{i}-id": author.pk or "", f"authors-{i}-name": author.name,
                     f"authors-{i}-email": author.email,
                     f"authors-{i}-affiliation": author.affiliation,
                     f"authors-{i}-ORDER": position})
        if corresponding:
            data[f"authors-{i}-is_corresponding"] = "on"
    return data


def credited(submission):
    return list(submission.authors.values_list("name", "is_corresponding"))


def test_the_author_reorders_the_authors_and_the_corresponding_author_stays(client, author,
                                                                            series):
    submission = draft(author, series)
    first = submission.authors.get()
    second = SubmissionAuthor.objects.create(
        submission=submission, name="Jonas Berg", email="jonas.berg@uni.example",
        affiliation="Uppsala University", sort_order=1)
    third = SubmissionAuthor(name="Sara Lind", email="sara.lind@ngo.example", affiliation="")
    client.force_login(author)
    url = f"/en/portal/submissions/{submission.pk}/edit/authors/"

    # Each row has its position, numbered in the order of credit.
    page = client.get(url).content.decode()
    assert "Position in the author list" in page
    assert re.search(r'name="authors-0-ORDER"[^>]*value="1"', page)
    assert re.search(r'name="authors-1-ORDER"[^>]*value="2"', page)

    # A new co-author goes first, the corresponding author (Amira) moves to the end.
    response = client.post(url, author_rows(submission, [
        (first, 3, True), (second, 2, False), (third, 1, False)]))
    assert response.status_code == 302
    assert credited(submission) == [
        ("Sara Lind", False), ("Jonas Berg", False), ("Amira Haddad", True)]

    # The form shows them in that order, the corresponding author still ticked on her row.
    page = client.get(url).content.decode()
    rows = re.findall(r'name="authors-(\d)-name"[^>]*value="([^"]+)"', page)
    assert [name for _i, name in rows] == ["Sara Lind", "Jonas Berg", "Amira Haddad"]
    assert re.search(r'name="authors-2-is_corresponding"[^>]*checked', page)
    assert not re.search(r'name="authors-[01]-is_corresponding"[^>]*checked', page)

    # Rows without a position keep their place after the numbered ones.
    authors = list(submission.authors.all())
    response = client.post(url, author_rows(submission, [
        (authors[0], "", False), (authors[1], "", False), (authors[2], 1, True)]))
    assert response.status_code == 302
    assert credited(submission) == [
        ("Amira Haddad", True), ("Sara Lind", False), ("Jonas Berg", False)]

    # A position that is not a positive number is refused, and nothing moves.
    response = client.post(url, author_rows(submission, [
        (a, position, a.is_corresponding) for a, position in zip(
            submission.authors.all(), ["x", 0, 2], strict=True)]))
    assert response.status_code == 400
    assert credited(submission) == [
        ("Amira Haddad", True), ("Sara Lind", False), ("Jonas Berg", False)]


def test_check_and_submit_shows_everything_the_author_is_about_to_send(client, author, series):
    _home, _index, topics_index = make_site()
    topic = make_topic(topics_index, "Disaster Management and Humanitarian Assistance")
    submission = draft(author, series)
    submission.topics.add(topic)
    submission.cover_letter = "This paper has not been submitted elsewhere."
    submission.competing_interests = "I advise the regional civil protection agency."
    submission.save()
    client.force_login(author)

    page = client.get(f"/en/portal/submissions/{submission.pk}/edit/confirm/").content.decode()
    for shown in ("liaison, floods, CIMIC", "Disaster Management and Humanitarian Assistance",
                  "This paper has not been submitted elsewhere.",
                  "I advise the regional civil protection agency.", "Licence agreement",
                  "Agreed", "University of Tunis", "manuscript.pdf", "anon.pdf"):
        assert shown in page, shown
    for f in submission.files.exclude(kind=SubmissionFile.Kind.REVIEWER_COPY):
        assert f"/en/portal/files/{f.pk}/" in page
    assert "Submit for review" in page


def test_the_arabic_form_asks_for_the_works_title_not_a_persons_honorific(client, author, series):
    client.force_login(author)
    page = client.get("/ar/portal/submissions/new/").content.decode()
    assert re.search(r'<label for="id_title">العنوان:?</label>', page)
    assert "اللقب" not in page
