"""Handling editors: who looks after a submission, and who hears about it.

A series lists its handling editors (``SeriesHandlingEditor``); a new submission goes to the one
of them with the least open work, so that the load spreads; the state machine records it
(``workflow.assign_handling_editor``, which a managing editor also uses to hand a submission to
someone else). Notices about a submission go to its handling editor alone; a submission nobody
handles yet is everybody's, so its notices go to every managing editor.
"""

from django.contrib.auth import get_user_model
from django.db.models import Count, Q

from publications.models import SeriesHandlingEditor, Submission

from .permissions import MANAGING_EDITORS

State = Submission.State

# The states in which a submission is still work on the editors' desk.
OPEN_STATES = [State.SUBMITTED, State.SCREENING, State.IN_REVIEW, State.REVISIONS_REQUESTED,
               State.RESUBMITTED, State.ACCEPTED, State.IN_PRODUCTION]


def managing_editors():
    """Everyone who may handle a submission: active members of the Managing Editors group."""
    return (get_user_model().objects.filter(groups__name=MANAGING_EDITORS, is_active=True)
            .order_by("last_name", "first_name", "username").distinct())


def can_handle(user):
    return user is not None and managing_editors().filter(pk=user.pk).exists()


def pick_handling_editor(series):
    """The series' handling editor with the fewest open submissions (ties: the series' order),
    or None when the series names none who may still handle work."""
    if series is None:
        return None
    candidates = (
        SeriesHandlingEditor.objects.filter(
            series=series, editor__is_active=True, editor__groups__name=MANAGING_EDITORS)
        .annotate(load=Count("editor__handled_submissions", distinct=True,
                             filter=Q(editor__handled_submissions__state__in=OPEN_STATES)))
        .select_related("editor").order_by("load", "sort_order", "pk")
    )
    chosen = candidates.first()
    return chosen.editor if chosen else None


def notice_recipients(submission):
    """Who receives the editors' notices about ``submission``: its handling editor, when they can
    still act on it and have an address; otherwise every managing editor with one."""
    editor_id = submission.handling_editor_id
    if editor_id:
        editor = managing_editors().filter(pk=editor_id).exclude(email="").first()
        if editor is not None:
            return [editor]
    return list(managing_editors().exclude(email=""))
