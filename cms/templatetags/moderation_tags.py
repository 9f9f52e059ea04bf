from django import template
from wagtail.models import WorkflowState

from cms.moderation import next_step, next_step_of_state

register = template.Library()


@register.simple_tag
def workflow_next_step(subject):
    """Who acts next: ``subject`` is a WorkflowState, or a page or snippet in a workflow."""
    if subject is None:
        return ""
    if isinstance(subject, WorkflowState):
        return next_step_of_state(subject)
    if hasattr(subject, "current_workflow_state"):
        return next_step(subject)
    return ""
