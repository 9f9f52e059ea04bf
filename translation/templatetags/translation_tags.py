from django import template
from wagtail.models import Page, WorkflowState

from translation.models import SiteText
from translation.moderation import can_submit_translation

register = template.Library()


@register.simple_tag
def site_text(key="main"):
    """The site text (footer, cookie notice) in the visitor's language, else in English."""
    return SiteText.objects.filter(key=key).for_language()


@register.simple_tag(takes_context=True)
def translation_moderation(context, instance):
    """What the translation editor shows about moderation for this translated page."""
    request = context["request"]
    if not isinstance(instance, Page):
        return None
    state = instance.current_workflow_state
    return {
        "can_submit": can_submit_translation(request.user, instance),
        "in_moderation": state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS,
        "needs_changes": state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES,
        "workflow": instance.get_workflow(),
    }
