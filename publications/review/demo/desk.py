"""The managing editor's desk in the demo: who handles each series, and the questions the
working papers series asks its reviewers. Idempotent, as the rest of the demo."""

from publications.models import ReviewQuestion, SeriesHandlingEditor, SeriesReviewForm, Submission

from .. import review_forms, workflow
from ..editors import OPEN_STATES, pick_handling_editor

# series slug -> the demo managing editors who handle it, in order
HANDLING_EDITORS = {
    "working-papers": ["managing-editor"],
    "white-papers": ["managing-editor2"],
    "monographs": ["managing-editor", "managing-editor2"],
}

Kind = ReviewQuestion.Kind
WORKING_PAPER_QUESTIONS = [
    {"kind": Kind.SCALE, "prompt": "How much does the paper add to what practitioners of "
     "civil-military interaction already know?", "scale_min": 1, "scale_max": 5,
     "scale_min_label": "Little", "scale_max_label": "A great deal", "shareable": True},
    {"kind": Kind.CHOICE, "prompt": "Are the sources and cases described well enough to be "
     "checked?", "options": "Yes\nIn part\nNo", "shareable": True},
    {"kind": Kind.TEXT, "prompt": "Is there anything only the editors should know (a conflict "
     "of interest, a concern about the data)?", "required": False, "shareable": False},
]
# What the demo reviewers answer, question by question.
DEMO_ANSWERS = ["4", "In part", "Nothing to declare."]


def set_up(series, users):
    for slug, usernames in HANDLING_EDITORS.items():
        for position, username in enumerate(usernames):
            SeriesHandlingEditor.objects.get_or_create(
                series=series[slug], editor=users[username], defaults={"sort_order": position})
    form, created = SeriesReviewForm.objects.get_or_create(
        series=series["working-papers"], defaults={
            "introduction": "Besides your comments, please answer these three questions. The "
                            "first two are quoted to the authors with the decision."})
    if created:
        for position, question in enumerate(WORKING_PAPER_QUESTIONS):
            ReviewQuestion.objects.create(form=form, sort_order=position, **question)


def answers_for(assignment):
    """The demo reviewer's answers to the form of the assignment's series (if it has one)."""
    questions = review_forms.questions_for(assignment)
    return {question.pk: answer for question, answer in zip(questions, DEMO_ANSWERS,
                                                            strict=False)}


def hand_out(users):
    """Give the demo submissions made before the series had handling editors one of them, as a
    managing editor would."""
    waiting = (Submission.objects.filter(handling_editor__isnull=True,
                                         state__in=OPEN_STATES)
               .select_related("series"))
    for submission in waiting:
        editor = pick_handling_editor(submission.series)
        if editor is not None:
            workflow.assign_handling_editor(submission, users["managing-editor"], editor)
