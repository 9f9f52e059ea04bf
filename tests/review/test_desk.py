"""The reviewer database on the desk: each person's figures, computed from dates set by hand;
search over everyone with those figures at a flat query count; records kept per person."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from publications.models import ReviewAssignment, ReviewerRecord, ReviewRating
from publications.review import workflow
from publications.review.reviewers import days, search

from .builders import in_days, in_review
from .desk_people import reviewer

pytestmark = pytest.mark.django_db

T0 = timezone.make_aware(datetime.datetime(2026, 3, 2, 9, 0))


def _assignment(submission, editor, person, *, state, responded=None, submitted=None,
                invited=T0):
    assignment = workflow.invite_reviewer(submission, editor, person, response_due=in_days(5),
                                          review_due=in_days(20))
    ReviewAssignment.objects.filter(pk=assignment.pk).update(
        state=state, invited_at=invited, responded_at=responded, submitted_at=submitted)
    return ReviewAssignment.objects.get(pk=assignment.pk)


@pytest.fixture
def history(django_user_model, author, series, editor):
    """One reviewer with two completed reviews, one decline and one review in progress."""
    person = reviewer(django_user_model, "ines", "Inès", "Moreau", affiliation="Sciences Po",
                      keywords="humanitarian principles, logistics", languages="fr,en")
    day = datetime.timedelta(days=1)
    subs = [in_review(author, series, editor, f"Work {n}") for n in range(4)]
    a1 = _assignment(subs[0], editor, person, state="submitted", responded=T0 + 2 * day,
                     submitted=T0 + 12 * day)
    a2 = _assignment(subs[1], editor, person, state="submitted", responded=T0 + 4 * day,
                     submitted=T0 + 24 * day)
    _assignment(subs[2], editor, person, state="declined", responded=T0 + 1 * day)
    _assignment(subs[3], editor, person, state="invited")
    ReviewRating.objects.create(assignment=a1, score=4, rated_by=editor)
    ReviewRating.objects.create(assignment=a2, score=2, rated_by=editor)
    return person


def test_each_persons_figures_are_those_of_their_history(history):
    person = search(text="Moreau").get()
    assert (person.in_progress, person.completed, person.declined) == (1, 2, 1)
    # Answers after 2, 4 and 1 days; reviews written in 10 and 20 days.
    assert days(person.mean_response) == round(7 / 3, 1)
    assert days(person.mean_review) == 15.0
    assert person.last_review == T0 + datetime.timedelta(days=24)
    assert person.mean_rating == 3


def test_the_desk_page_shows_the_figures(client, editor, history):
    client.force_login(editor)
    html = client.get("/admin/submissions/reviewers/?q=moreau").content.decode()
    assert "Inès Moreau" in html and "Sciences Po" in html
    for figure in ("2.3", "15.0", "3.0/5", "2026-03-26"):
        assert figure in html, figure
    # The private rating is the editors' only: the reviewer's own pages never show it.
    client.force_login(history)
    mine = client.get("/admin/submissions/my-reviews/").content.decode()
    mine += client.get("/admin/submissions/my-reviews/certificates/").content.decode()
    assert "3.0/5" not in mine and "Rating" not in mine and "rating" not in mine


def test_search_by_topic_language_availability_and_text(django_user_model, editor):
    from publications.factories import make_site, make_topic

    _home, _index, topics = make_site()
    gender = make_topic(topics, "Gender")
    reviewer(django_user_model, "ana", "Ana", "Costa", topics=[gender], languages="pt,en")
    reviewer(django_user_model, "lea", "Léa", "Martin", languages="fr",
             not_before=timezone.localdate() + datetime.timedelta(days=9))
    names = lambda rows: {p.last_name for p in rows}  # noqa: E731
    assert names(search(topic=gender)) == {"Costa"}
    assert names(search(text="gend")) == {"Costa"}
    assert names(search(language="fr")) == {"Martin"}
    assert names(search(language="pt")) == {"Costa"}
    assert names(search(available_only=True)) == {"Costa"}


def test_search_costs_the_same_queries_for_five_or_fifty_people(client, editor,
                                                                django_user_model, author,
                                                                series):
    client.force_login(editor)
    submission = in_review(author, series, editor)
    for n in range(5):
        person = reviewer(django_user_model, f"p{n}", "Person", f"N{n}", keywords="floods")
        _assignment(submission, editor, person, state="invited")
    url = "/admin/submissions/reviewers/?q=floods"
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for n in range(5, 50):
        reviewer(django_user_model, f"p{n}", "Person", f"N{n}", keywords="floods")
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert response.status_code == 200 and "N49" in response.content.decode()
    assert len(many) == len(few), [q["sql"][:100] for q in many.captured_queries]


def test_bad_search_input_is_a_400(client, editor):
    client.force_login(editor)
    assert client.get("/admin/submissions/reviewers/?topic=nope").status_code == 400
    assert client.get("/admin/submissions/reviewers/?language=xx-nope").status_code == 400
    assert client.get("/admin/submissions/reviewers/?page=abc").status_code == 400
    # Past the last page: a 404 (which the language middleware answers by its redirect first).
    assert client.get("/admin/submissions/reviewers/?page=99", follow=True).status_code == 404


def test_an_editor_keeps_a_reviewers_record(client, editor, django_user_model):
    from publications.factories import make_site, make_topic

    _home, _index, topics = make_site()
    gender = make_topic(topics, "Gender")
    person = reviewer(django_user_model, "omar", "Omar", "Farouk")
    client.force_login(editor)
    url = f"/admin/submissions/reviewers/{person.pk}/"
    response = client.post(url, {
        "topics": [gender.pk], "keywords": "shelter;  camps ,", "languages": ["ar", "en"],
        "availability_note": "Teaching until June", "not_before": "2027-06-01",
        "affiliation": "American University of Beirut"})
    assert response.status_code == 302
    record = ReviewerRecord.objects.get(user=person)
    assert record.keyword_list == ["shelter", "camps"]
    assert record.language_list == ["ar", "en"]
    assert list(record.topics.all()) == [gender]
    assert record.not_before == datetime.date(2027, 6, 1)
    person.jcmi_profile.refresh_from_db()
    assert person.jcmi_profile.affiliation == "American University of Beirut"
    # Bad input: a 400, nothing changed.
    response = client.post(url, {"languages": ["klingon"], "not_before": "soon",
                                 "affiliation": "Elsewhere"})
    assert response.status_code == 400
    record.refresh_from_db()
    person.jcmi_profile.refresh_from_db()
    assert record.language_list == ["ar", "en"]
    assert person.jcmi_profile.affiliation == "American University of Beirut"


def test_the_desk_is_for_managing_editors_only(client, django_user_model, reviewers):
    client.force_login(reviewers[0])
    # Refused (Wagtail sends whoever lacks the right to its log-in page).
    assert client.get("/admin/submissions/reviewers/").status_code in (302, 403)
    assert client.get(f"/admin/submissions/reviewers/{reviewers[1].pk}/").status_code in (
        302, 403)
    assert client.post(f"/admin/submissions/reviewers/{reviewers[1].pk}/",
                       {"keywords": "x"}).status_code in (302, 403)
    assert not ReviewerRecord.objects.filter(keywords="x").exists()
