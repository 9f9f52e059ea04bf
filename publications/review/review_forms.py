"""Answering a series' review form: the questions a reviewer gets, their fields, their rules.

The rules are checked twice, on purpose: by the form fields the review page shows (so the
reviewer reads what is wrong beside the question) and by ``validated_answers``, which the state
machine calls before it stores anything, whatever called it. A scale answer is a whole number
within the scale; a choice is one of the options, as written; a text has a length limit; a
required question must be answered when the review is sent, not when it is saved as a draft.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from publications.models import ReviewAnswer, ReviewQuestion, SeriesReviewForm

Kind = ReviewQuestion.Kind
TEXT_MAX_LENGTH = 10000
FIELD_PREFIX = "question_"


def review_form_for(submission):
    """The active review form of the submission's series, with its questions, or None."""
    if not submission.series_id:
        return None
    return (SeriesReviewForm.objects.filter(series_id=submission.series_id, active=True)
            .prefetch_related("questions").first())


def questions_for(assignment):
    form = review_form_for(assignment.round.submission)
    return list(form.questions.all()) if form else []


def field_name(question):
    return f"{FIELD_PREFIX}{question.pk}"


def _scale_choices(question):
    choices = []
    for point in question.scale_points:
        label = str(point)
        if point == question.scale_min and question.scale_min_label:
            label = f"{point} – {question.scale_min_label}"
        elif point == question.scale_max and question.scale_max_label:
            label = f"{point} – {question.scale_max_label}"
        choices.append((str(point), label))
    return choices


def answer_field(question, *, draft=False):
    """The form field for one question (a draft may leave any question unanswered)."""
    common = {"label": question.prompt, "help_text": question.help_text,
              "required": question.required and not draft}
    if question.kind == Kind.CHOICE:
        return forms.ChoiceField(choices=[(o, o) for o in question.option_list],
                                 widget=forms.RadioSelect, **common)
    if question.kind == Kind.SCALE:
        return forms.ChoiceField(choices=_scale_choices(question), widget=forms.RadioSelect,
                                 **common)
    return forms.CharField(max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 4}),
                           **common)


def check_answer(question, value, *, draft=False):
    """The answer as stored (a string, "" for none), or a ValidationError saying what is wrong."""
    value = "" if value is None else str(value).strip()
    if not value:
        if question.required and not draft:
            raise ValidationError(_("“%(question)s” needs an answer.")
                                  % {"question": question.prompt})
        return ""
    if question.kind == Kind.CHOICE and value not in question.option_list:
        raise ValidationError(_("“%(question)s”: choose one of the options offered.")
                              % {"question": question.prompt})
    if question.kind == Kind.SCALE:
        try:
            point = int(value)
        except ValueError:
            point = None
        if point is None or point not in question.scale_points:
            raise ValidationError(_(
                "“%(question)s”: give a whole number from %(low)s to %(high)s.") % {
                "question": question.prompt, "low": question.scale_min,
                "high": question.scale_max})
        value = str(point)
    if question.kind == Kind.TEXT and len(value) > TEXT_MAX_LENGTH:
        raise ValidationError(_("“%(question)s”: at most %(n)s characters.")
                              % {"question": question.prompt, "n": TEXT_MAX_LENGTH})
    return value


def validated_answers(questions, answers, *, draft=False):
    """{question pk: stored value} for every question, from ``answers`` ({question pk: value});
    a ValidationError listing every problem when any answer breaks the rules."""
    answers = answers or {}
    known = {question.pk for question in questions}
    if set(answers) - known:
        raise ValidationError(_("An answer was given to a question this form does not ask."))
    values, errors = {}, []
    for question in questions:
        try:
            values[question.pk] = check_answer(question, answers.get(question.pk), draft=draft)
        except ValidationError as error:
            errors.extend(error.messages)
    if errors:
        raise ValidationError(errors)
    return values


def store_answers(assignment, questions, values):
    """Write the reviewer's answers (wording and sharing as the form has them now); answers to
    questions the form no longer asks go."""
    ReviewAnswer.objects.filter(assignment=assignment).exclude(
        question__in=[q.pk for q in questions]).delete()
    for position, question in enumerate(questions):
        ReviewAnswer.objects.update_or_create(
            assignment=assignment, question=question,
            defaults={"sort_order": position, "prompt": question.prompt, "kind": question.kind,
                      "shareable": question.shareable, "scale_min": question.scale_min
                      if question.kind == Kind.SCALE else None,
                      "scale_max": question.scale_max if question.kind == Kind.SCALE else None,
                      "value": values.get(question.pk, "")})


def add_answer_fields(form, questions, *, draft=False, assignment=None):
    """Put one field per question on a Django form, filled with the answers saved so far."""
    saved = {}
    if assignment is not None:
        saved = {a.question_id: a.value for a in assignment.answers.all()}
    for question in questions:
        field = answer_field(question, draft=draft)
        form.fields[field_name(question)] = field
        if question.pk in saved:
            form.initial.setdefault(field_name(question), saved[question.pk])
    form.questions = questions


def answers_from(form):
    """{question pk: value} from a valid form made with ``add_answer_fields``."""
    return {q.pk: form.cleaned_data.get(field_name(q), "") for q in form.questions}
