"""Work-arounds for upstream bugs, each dated and named; drop one when its bug is fixed.

2026-12-07, Wagtail 8.0.x: a workflow action is checked against one step and carried out on
another. ``Task.on_action`` acts on the task state it is handed without reading it again:
``TaskState.approve`` trusts the status loaded at the start of the request, and nothing locks the
workflow state. The page editor's "Approve" (``EditView.perform_workflow_action``) is worse: it
checks the action against the step current when the request starts
(``workflow_action_is_valid``) and then acts on whichever step is current after the form is
saved. Two "Approve" clicks sent at once by a moderator therefore approved the editorial review
AND the managing editor's sign-off of "Publication review", and published the page.

``guard_workflow_actions`` makes every action act only on the step it was given for:

* ``Task.on_action`` locks the workflow state row (SELECT … FOR UPDATE, so concurrent actions on
  one page run one after the other), reads the task state again, and refuses
  (``StaleWorkflowAction``, a PermissionDenied) unless that task state is still the workflow's
  current, in-progress step of this task, and the user may still take the action on it (the
  task's groups). The page editor's route sends no task state: it is the one the editor's check
  looked at, remembered for the duration of the action (``_checked_task_state``).
* The admin answers a refusal with a message and the page's editor, not a server error.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.views.generic import workflow as workflow_views
from wagtail.admin.views.pages.edit import EditView
from wagtail.models import Task, TaskState, WorkflowState

STALE_ACTION_MESSAGE = _(
    "This step of the workflow has already been acted on, or is not yours to act on, so nothing "
    "was done. Here is the page as it stands now."
)

# The task state the page editor checked the action against, while that request acts.
_checked_task_state = ContextVar("checked_task_state", default=None)


class StaleWorkflowAction(PermissionDenied):
    """The action was for a step that is no longer the current one (or not the user's)."""


@contextmanager
def _acting_on(task_state_id):
    token = _checked_task_state.set(task_state_id)
    try:
        yield
    finally:
        _checked_task_state.reset(token)


def _guarded_on_action(original):
    def on_action(self, task_state, user, action_name, **kwargs):
        with transaction.atomic():
            workflow_state = (
                WorkflowState.objects.select_for_update()
                .filter(pk=task_state.workflow_state_id).first()
            )
            fresh = TaskState.objects.filter(pk=task_state.pk).first()
            checked = _checked_task_state.get()
            if (
                workflow_state is None
                or fresh is None
                or workflow_state.status != WorkflowState.STATUS_IN_PROGRESS
                or workflow_state.current_task_state_id != task_state.pk
                or fresh.status != TaskState.STATUS_IN_PROGRESS
                or fresh.task_id != self.pk
                or (checked is not None and checked != task_state.pk)
                or action_name not in {
                    name for name, _label, _modal
                    in self.get_actions(workflow_state.content_object, user)
                }
            ):
                raise StaleWorkflowAction
            # Act on what was just read under the lock, not on what the request loaded earlier.
            task_state.status = fresh.status
            task_state.workflow_state = workflow_state
            return original(self, task_state, user, action_name, **kwargs)

    on_action._guarded = True
    return on_action


def _editor_remembers_the_checked_step(original_is_valid, original_perform):
    def workflow_action_is_valid(self):
        # One read: the step checked is the step acted on.
        task_state = self.page.current_workflow_task_state
        self._checked_task_state_id = task_state.pk if task_state else None
        return original_is_valid(self)

    def perform_workflow_action(self):
        try:
            with _acting_on(self._checked_task_state_id):
                return original_perform(self)
        except StaleWorkflowAction:
            messages.error(self.request, STALE_ACTION_MESSAGE)
            return redirect("wagtailadmin_pages:edit", self.page.pk)

    return workflow_action_is_valid, perform_workflow_action


def _action_view_explains_refusal(original_post):
    def post(self, request, *args, **kwargs):
        try:
            return original_post(self, request, *args, **kwargs)
        except StaleWorkflowAction:
            if request.headers.get("x-requested-with") == "XMLHttpRequest":
                raise
            messages.error(request, STALE_ACTION_MESSAGE)
            return redirect(self.redirect_url)

    return post


def guard_workflow_actions():
    if getattr(Task.on_action, "_guarded", False):
        return
    Task.on_action = _guarded_on_action(Task.on_action)
    EditView.workflow_action_is_valid, EditView.perform_workflow_action = (
        _editor_remembers_the_checked_step(
            EditView.workflow_action_is_valid, EditView.perform_workflow_action)
    )
    workflow_views.WorkflowAction.post = _action_view_explains_refusal(
        workflow_views.WorkflowAction.post)
