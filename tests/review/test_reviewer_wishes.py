"""Authors suggest and oppose reviewers in the wizard; the editors see both on the invite screen,
the opposed person flagged and still listed; the authors never learn who was invited."""

import pytest

from publications.models import ReviewerPreference, Submission

from .builders import draft, in_days, reviewed

pytestmark = pytest.mark.django_db


def statements(**extra):
    data = {"cover_letter": "", "competing_interests": "None", "licence_agreed": "on",
            "reviewers-TOTAL_FORMS": "2", "reviewers-INITIAL_FORMS": "0",
            "reviewers-MIN_NUM_FORMS": "0", "reviewers-MAX_NUM_FORMS": "10", "next": "1"}
    data.update(extra)
    return data


def test_the_author_suggests_and_opposes_reviewers_in_the_wizard(client, author, series):
    submission = draft(author, series)
    client.force_login(author)
    url = f"/en/portal/submissions/{submission.pk}/edit/statements/"
    page = client.get(url).content.decode()
    assert "reviewers-0-kind" in page
    response = client.post(url, statements(**{
        "reviewers-0-kind": "suggested", "reviewers-0-name": "Hana Sato",
        "reviewers-0-email": "hana.sato@uni.example",
        "reviewers-1-kind": "opposed", "reviewers-1-name": "Olga Petrova",
        "reviewers-1-reason": "A public dispute over our earlier paper."}))
    assert response.status_code == 302
    wishes = {(p.kind, p.name) for p in submission.reviewer_preferences.all()}
    assert wishes == {("suggested", "Hana Sato"), ("opposed", "Olga Petrova")}
    confirm = client.get(f"/en/portal/submissions/{submission.pk}/edit/confirm/").content.decode()
    assert "Olga Petrova" in confirm and "Hana Sato" in confirm


def test_a_bad_wish_is_a_400_and_saves_nothing_of_the_step(client, author, series):
    submission = draft(author, series)
    client.force_login(author)
    url = f"/en/portal/submissions/{submission.pk}/edit/statements/"
    response = client.post(url, statements(**{
        "competing_interests": "Changed", "reviewers-0-kind": "adored",
        "reviewers-0-name": "X", "reviewers-1-kind": "opposed", "reviewers-1-name": "Y",
        "reviewers-1-email": "not-an-address"}))
    assert response.status_code == 400
    assert not ReviewerPreference.objects.exists()
    assert Submission.objects.get(pk=submission.pk).competing_interests == "None"
    # More than ten people: refused.
    many = {"reviewers-TOTAL_FORMS": "11"}
    for n in range(11):
        many.update({f"reviewers-{n}-kind": "suggested", f"reviewers-{n}-name": f"P{n}"})
    assert client.post(url, statements(**many)).status_code == 400
    assert not ReviewerPreference.objects.exists()


def test_an_older_form_without_the_list_keeps_the_wishes(client, author, series):
    submission = draft(author, series)
    ReviewerPreference.objects.create(submission=submission, kind="opposed", name="Olga")
    client.force_login(author)
    response = client.post(f"/en/portal/submissions/{submission.pk}/edit/statements/", {
        "competing_interests": "None", "licence_agreed": "on", "next": "1"})
    assert response.status_code == 302
    assert submission.reviewer_preferences.count() == 1


def test_the_author_never_learns_who_was_invited(client, author, series, editor, reviewers):
    from publications.review import workflow

    submission, assignment = reviewed(author, series, editor, reviewers[0])
    workflow.record_decision(submission, editor, outcome="minor", letter="Please revise.",
                             revision_due=in_days(20))
    client.force_login(author)
    html = client.get(f"/en/portal/submissions/{submission.pk}/").content.decode()
    assert "Reviewer 1" in html
    assert reviewers[0].email not in html and "Dubois" not in html
