"""An author saves a half-written submission and comes back to it: nothing typed is lost."""

import pytest

from publications.models import Submission

pytestmark = pytest.mark.django_db


def test_a_draft_with_only_a_title_can_be_saved_and_resumed(client, author, series):
    client.force_login(author)
    response = client.post("/en/portal/submissions/new/", {
        "series": series.pk, "title": "Liaison cells in flood response", "abstract": "",
        "save_draft": "",
    })
    assert response.status_code == 302
    assert response["Location"] == "/en/portal/"
    submission = Submission.objects.get()
    assert submission.state == Submission.State.DRAFT
    page = client.get(f"/en/portal/submissions/{submission.pk}/edit/details/").content.decode()
    assert "Liaison cells in flood response" in page

    # The statements and files steps can be left half done as well.
    response = client.post(f"/en/portal/submissions/{submission.pk}/edit/statements/", {
        "cover_letter": "Dear editors,", "competing_interests": "", "save_draft": ""})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.cover_letter == "Dear editors,"
    response = client.post(f"/en/portal/submissions/{submission.pk}/edit/files/",
                           {"save_draft": ""})
    assert response.status_code == 302

    # What is missing is listed when the author comes to submit, and nothing is sent.
    page = client.get(f"/en/portal/submissions/{submission.pk}/edit/confirm/").content.decode()
    for missing in ("an abstract", "a competing-interests statement", "the manuscript file"):
        assert missing in page
    response = client.post(f"/en/portal/submissions/{submission.pk}/edit/confirm/")
    assert response.status_code == 400
    submission.refresh_from_db()
    assert submission.state == Submission.State.DRAFT


def test_continuing_still_asks_for_what_the_step_needs(client, author, series):
    client.force_login(author)
    response = client.post("/en/portal/submissions/new/", {
        "series": series.pk, "title": "Liaison cells in flood response", "abstract": ""})
    assert response.status_code == 400
    assert not Submission.objects.exists()


def test_a_new_submission_resent_seconds_later_reuses_the_draft(client, author, series):
    """Not at the same moment but one after the other, as a resent form: still one draft, and
    it takes what the second form said."""
    client.force_login(author)
    data = {"series": series.pk, "title": "First try", "abstract": "An abstract."}
    first = client.post("/en/portal/submissions/new/", data)
    second = client.post("/en/portal/submissions/new/", {**data, "title": "Second try"})
    (draft,) = Submission.objects.filter(submitter=author)
    assert first["Location"] == second["Location"] == (
        f"/en/portal/submissions/{draft.pk}/edit/authors/")
    assert draft.title == "Second try"

    # Once the draft has gone on (it has an author), a new submission is a new piece of work.
    draft.authors.create(name="Amira Haddad", email="amira@example.org", is_corresponding=True)
    client.post("/en/portal/submissions/new/", {**data, "title": "Another work"})
    assert Submission.objects.filter(submitter=author).count() == 2
