"""Review forms per series: the reviewer answers the series' questions beside the
recommendation, may save a draft and come back, reads the review once sent; the editors read
every answer, the authors only the shared ones, in the decision letter."""

import re

import pytest

from publications.models import ReviewAnswer, ReviewQuestion, SeriesReviewForm
from publications.review import workflow
from publications.review.tokens import make_assignment_token

from .builders import in_days, in_review

pytestmark = pytest.mark.django_db
Kind = ReviewQuestion.Kind
HOSTILE = '<script>alert("x")</script> & more'


@pytest.fixture
def review_form(series):
    form = SeriesReviewForm.objects.create(series=series,
                                           introduction="Answer each question briefly.")
    questions = [
        ReviewQuestion(form=form, sort_order=0, kind=Kind.SCALE, prompt="How original is it?",
                       scale_min=1, scale_max=5, scale_min_label="Not at all",
                       scale_max_label="Very", shareable=True),
        ReviewQuestion(form=form, sort_order=1, kind=Kind.CHOICE, prompt="Is the method sound?",
                       options="Yes\nPartly\nNo", shareable=True),
        ReviewQuestion(form=form, sort_order=2, kind=Kind.TEXT, prompt="Any concerns for the "
                       "editor alone?", required=False, shareable=False),
    ]
    for question in questions:
        question.save()
    return form, questions


@pytest.fixture
def accepted(author, series, editor, reviewers):
    submission = in_review(author, series, editor)
    assignment = workflow.invite_reviewer(submission, editor, reviewers[0],
                                          response_due=in_days(3), review_due=in_days(20))
    workflow.respond_to_invitation(assignment, accept=True)
    return submission, assignment, f"/en/portal/review/{make_assignment_token(assignment)}/"


def answers(questions, scale="4", choice="Partly", text=HOSTILE):
    return {f"question_{questions[0].pk}": scale, f"question_{questions[1].pk}": choice,
            f"question_{questions[2].pk}": text}


def test_a_reviewer_saves_a_draft_comes_back_and_sends_it(client, review_form, accepted,
                                                          mailoutbox):
    _form, questions = review_form
    submission, assignment, url = accepted
    page = client.get(url).content.decode()
    assert "How original is it?" in page and "1 – Not at all" in page and "5 – Very" in page
    assert "Answer each question briefly." in page and "Save as a draft" in page
    mailoutbox.clear()

    # Half done: a draft keeps the recommendation, the comments and the one answer given.
    response = client.post(url, {"save_draft": "1", "comments_for_authors": "Half my notes.",
                                 f"question_{questions[0].pk}": "2"})
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.state == "accepted" and assignment.comments_for_authors == "Half my notes."
    assert {a.prompt: a.value for a in assignment.answers.all()} == {
        "How original is it?": "2", "Is the method sound?": "", "Any concerns for the editor "
        "alone?": ""}
    assert mailoutbox == []  # nobody is told about a draft

    page = client.get(url).content.decode()
    assert "Half my notes." in page
    # The saved answer is ticked again, and only it.
    ticked = re.findall(rf'name="question_{questions[0].pk}" value="(\d+)"[^>]*checked', page)
    assert ticked == ["2"]

    response = client.post(url, {"recommendation": "minor",
                                 "comments_for_authors": "My full notes.",
                                 **answers(questions)})
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.state == "submitted"
    assert [(a.prompt, a.value, a.shareable) for a in assignment.answers.all()] == [
        ("How original is it?", "4", True), ("Is the method sound?", "Partly", True),
        ("Any concerns for the editor alone?", HOSTILE, False)]
    assert mailoutbox  # the editors are told a review came in

    # Later, the reviewer reads what they sent, escaped.
    page = client.get(url).content.decode()
    assert "Your review" in page and "My full notes." in page
    assert "4 (scale 1–5)" in page and "Partly" in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more" in page
    assert HOSTILE not in page


@pytest.mark.parametrize("bad, message", [
    ({"scale": "9"}, "Select a valid choice"),
    ({"scale": "0"}, "Select a valid choice"),
    ({"scale": "three"}, "Select a valid choice"),
    ({"choice": "Maybe"}, "Select a valid choice"),
    ({"choice": ""}, "This field is required"),
    ({"text": "x" * 10001}, "at most 10000"),
])
def test_bad_answers_are_refused_with_a_400_and_nothing_changes(client, review_form, accepted,
                                                                bad, message):
    _form, questions = review_form
    _submission, assignment, url = accepted
    client.post(url, {"save_draft": "1", "comments_for_authors": "Draft.",
                      f"question_{questions[0].pk}": "3"})
    before = list(ReviewAnswer.objects.values_list("question_id", "value"))
    for data in ({"recommendation": "minor", "comments_for_authors": "Done.",
                  **answers(questions, **bad)},
                 {"save_draft": "1", "comments_for_authors": "Changed.",
                  **answers(questions, **bad)}):
        if "save_draft" in data and bad.get("choice") == "":
            continue  # a draft may leave a question unanswered
        response = client.post(url, data)
        assert response.status_code == 400
        assert message in response.content.decode()
        assignment.refresh_from_db()
        assert assignment.state == "accepted" and assignment.comments_for_authors == "Draft."
        assert list(ReviewAnswer.objects.values_list("question_id", "value")) == before


def test_the_state_machine_checks_the_answers_whoever_calls_it(review_form, accepted):
    _form, questions = review_form
    _submission, assignment, _url = accepted
    scale, choice, _text = questions
    out_of_rules = [{scale.pk: "6"}, {scale.pk: "2.5"}, {choice.pk: "yes"},
                    {999999: "an answer to a question the form does not ask"}]
    for wrong in out_of_rules:
        with pytest.raises(workflow.TransitionError):
            workflow.save_review_draft(assignment, answers=wrong)
        with pytest.raises(workflow.TransitionError):
            workflow.submit_review(assignment, recommendation="minor",
                                   comments_for_authors="Fine.",
                                   answers={scale.pk: "3", choice.pk: "Yes", **wrong})
    # A review is sent complete: the required questions answered, a known recommendation.
    for incomplete, recommendation in (({scale.pk: "3"}, "minor"),
                                       ({scale.pk: "3", choice.pk: "Yes"}, "publish-now")):
        with pytest.raises(workflow.TransitionError):
            workflow.submit_review(assignment, recommendation=recommendation,
                                   comments_for_authors="Fine.", answers=incomplete)
    assignment.refresh_from_db()
    assert assignment.state == "accepted" and not assignment.answers.exists()
    workflow.submit_review(assignment, recommendation="accept", comments_for_authors="Fine.",
                           answers={scale.pk: " 3 ", choice.pk: "Yes"})
    assert {a.prompt: a.value for a in assignment.answers.all()}["How original is it?"] == "3"


def test_the_editor_reads_every_answer_and_the_letter_quotes_only_the_shared_ones(
        client, review_form, accepted, editor, author, mailoutbox):
    _form, questions = review_form
    submission, _assignment, url = accepted
    client.post(url, {"recommendation": "minor", "comments_for_authors": "My notes.",
                      **answers(questions)})
    client.force_login(editor)
    detail = client.get(f"/admin/submissions/{submission.pk}/").content.decode()
    for words in ("How original is it?", "4 (scale 1–5)", "Is the method sound?", "Partly",
                  "Any concerns for the editor alone?", "for the editors only",
                  "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"):
        assert words in detail, words
    assert HOSTILE not in detail

    decide = client.get(f"/admin/submissions/{submission.pk}/decide/?outcome=minor")
    page = decide.content.decode()
    assert "&lt;script&gt;" in page and HOSTILE not in page  # the review, shown to the editor
    letter = decide.context["form"].initial["letter"]
    assert "How original is it?\n4 (scale 1–5)" in letter
    assert "Is the method sound?\nPartly" in letter
    assert "Any concerns" not in letter and "<script>" not in letter

    mailoutbox.clear()
    response = client.post(f"/admin/submissions/{submission.pk}/decide/", {
        "outcome": "minor", "letter": letter, "revision_due": in_days(30)})
    assert response.status_code == 302
    to_author = next(m for m in mailoutbox if m.to == [author.email])
    assert "Is the method sound?" in to_author.body and "Any concerns" not in to_author.body
    # The author's page shows the shared answers with the review, and nothing else.
    client.force_login(author)
    portal = client.get(f"/en/portal/submissions/{submission.pk}/").content.decode()
    assert "How original is it?" in portal and "Partly" in portal
    assert "Any concerns" not in portal and "alert" not in portal


def test_a_series_without_a_form_reviews_as_before(client, accepted, series):
    _submission, assignment, url = accepted
    page = client.get(url).content.decode()
    assert "The series' questions" not in page
    response = client.post(url, {"recommendation": "accept", "comments_for_authors": "Fine."})
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.state == "submitted" and not assignment.answers.exists()


def test_an_inactive_form_is_not_asked(client, review_form, accepted):
    form, _questions = review_form
    form.active = False
    form.save()
    _submission, assignment, url = accepted
    assert client.post(url, {"recommendation": "accept",
                             "comments_for_authors": "Fine."}).status_code == 302


def formset(questions, prefix="questions"):
    data = {f"{prefix}-TOTAL_FORMS": str(len(questions)), f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}
    for index, question in enumerate(questions):
        base = {"kind": "text", "prompt": "", "help_text": "", "options": "", "scale_min": "1",
                "scale_max": "5", "scale_min_label": "", "scale_max_label": "",
                "ORDER": str(index + 1), "DELETE": "", "id": ""}
        base.update(question)
        for key, value in base.items():
            if key == "required" and not value:
                continue
            data[f"{prefix}-{index}-{key}"] = value
    return data


def test_a_managing_editor_composes_a_form_in_the_admin(client, editor, series):
    client.force_login(editor)
    url = "/admin/snippets/publications/seriesreviewform/add/"
    assert client.get(url).status_code == 200
    data = {"series": series.pk, "introduction": "Please be brief.", "active": "on",
            **formset([
                {"kind": "scale", "prompt": "Clarity", "scale_min": "0", "scale_max": "10",
                 "required": "on", "shareable": "on"},
                {"kind": "choice", "prompt": "Fit with the series", "options": "Good\nPoor",
                 "required": "on"},
            ])}
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    form = SeriesReviewForm.objects.get(series=series)
    assert [(q.kind, q.prompt, q.scale_points[-1] if q.kind == "scale" else q.option_list)
            for q in form.questions.all()] == [("scale", "Clarity", 10),
                                              ("choice", "Fit with the series", ["Good", "Poor"])]


@pytest.mark.parametrize("question, message", [
    ({"kind": "choice", "prompt": "Fit", "options": "Only one"}, "at least two options"),
    ({"kind": "choice", "prompt": "Fit", "options": "Same\nSame"}, "must differ"),
    ({"kind": "scale", "prompt": "Clarity", "scale_min": "5", "scale_max": "5"}, "end above"),
    ({"kind": "scale", "prompt": "Clarity", "scale_min": "1", "scale_max": "100"},
     "within 0 to 10"),
    ({"kind": "text", "prompt": ""}, "This field is required"),
])
def test_a_form_that_cannot_be_answered_is_refused(client, editor, series, question, message):
    client.force_login(editor)
    response = client.post("/admin/snippets/publications/seriesreviewform/add/", {
        "series": series.pk, "active": "on", **formset([question])})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not SeriesReviewForm.objects.exists() and not ReviewQuestion.objects.exists()


def test_reviewers_and_authors_cannot_compose_forms(client, reviewers, author):
    for user in (reviewers[0], author):
        client.force_login(user)
        response = client.get("/admin/snippets/publications/seriesreviewform/add/")
        assert response.status_code in (302, 403)
