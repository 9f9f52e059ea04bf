"""Who acts next on a page under Wagtail's moderation workflow, in words for dashboards and
editors: shared by the translation editor and the editors' dashboard."""

from wagtail.models import WorkflowState


def reviewing_step(page):
    """``(step name, "Group, Group")`` while ``page`` waits for a review, else None."""
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_IN_PROGRESS:
        return None
    task = state.current_task_state.task.specific
    groups = getattr(task, "groups", None)
    return task.name, ", ".join(group.name for group in groups.all()) if groups is not None else ""


def changes_requested(page):
    state = page.current_workflow_state
    return state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES
