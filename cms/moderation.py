"""Who acts next on a page or snippet under Wagtail's moderation workflow, in words: shared by
the page editor's status panel, the workflow history, the dashboard panels, the translation
editor, the translator's queue and the review pipeline's hand-off to the editors.

Roles and steps are rows the project's migrations make, stored in English; the sentences name
them in the admin's language when they are the project's own.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import WorkflowState

ROLE_NAMES = {
    "Editors": gettext_lazy("Editors"),
    "Moderators": gettext_lazy("Moderators"),
    "Managing Editors": gettext_lazy("Managing editors"),
    "Site managers": gettext_lazy("Site managers"),
}
STEP_NAMES = {
    # publications/migrations/0005_moderation_workflows.py, and Wagtail's own default.
    "Editorial review": gettext_lazy("Editorial review"),
    "Managing editor sign-off": gettext_lazy("Managing editor sign-off"),
    "Moderators approval": gettext_lazy("Moderators approval"),
}


def role_name(group):
    return str(ROLE_NAMES.get(group.name, group.name))


def step_name(task):
    return str(STEP_NAMES.get(task.name, task.name))


def person_name(user):
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def reviewing_step(obj):
    """``(step name, "Role, Role")`` while ``obj`` waits for a review, else None."""
    return _reviewing_step(obj.current_workflow_state)


def _reviewing_step(state):
    if state is None or state.status != WorkflowState.STATUS_IN_PROGRESS:
        return None
    task = state.current_task_state.task.specific
    groups = getattr(task, "groups", None)
    names = ", ".join(role_name(group) for group in groups.all()) if groups is not None else ""
    return step_name(task), names


def changes_requested(obj):
    state = obj.current_workflow_state
    return state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES


def next_step_of_state(state):
    """Who acts next in the workflow ``state``, as a sentence; "" once it is over."""
    if state is None:
        return ""
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        person = person_name(state.requested_by)
        if not person:
            return _("Next: an editor makes the changes the reviewer asked for and submits "
                     "it again.")
        return _("Next: %(person)s, who submitted it, makes the changes the reviewer asked "
                 "for and submits it again.") % {"person": person}
    step = _reviewing_step(state)
    if step is None:
        return ""
    name, reviewers = step
    if not reviewers:
        return _("Next: whoever may approve the “%(step)s” step reviews it.") % {"step": name}
    return _("Next: %(reviewers)s review it in the “%(step)s” step.") % {
        "reviewers": reviewers, "step": name}


def next_step(obj):
    """Who acts next on the page or snippet ``obj`` in its current workflow ("" in none)."""
    return next_step_of_state(obj.current_workflow_state)
