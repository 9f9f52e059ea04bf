import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from wagtail.models import Page, WorkflowState

from cms.page_cache import cached_fragment
from translation.forms import ReviewTranslationForm
from translation.models import SiteText
from translation.moderation import (
    can_publish_from_translation_editor,
    can_submit_translation,
    next_step,
    requested_changes,
    review_actions,
)
from translation.permissions import can_convert_to_alias, can_stop_synced_translation

register = template.Library()


@register.simple_tag(takes_context=True)
def site_text(context, key="main"):
    """The site text (footer, cookie notice) in the visitor's language, else in English."""
    return cached_fragment(context.get("request"), f"site-text-{key}",
                           lambda: SiteText.objects.filter(key=key).for_language())


@register.simple_tag(takes_context=True)
def translation_moderation(context, instance):
    """What the translation editor shows about moderation for this translated page."""
    request = context["request"]
    if not isinstance(instance, Page):
        return None
    state = instance.current_workflow_state
    in_moderation = state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    actions = review_actions(request.user, instance) if in_moderation else []
    return {
        "can_submit": can_submit_translation(request.user, instance),
        "in_moderation": in_moderation,
        "needs_changes": state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES,
        "requested_changes": requested_changes(instance),
        "workflow": instance.get_workflow(),
        "next_step": next_step(instance),
        "review_actions": actions,
        "review_form": ReviewTranslationForm(initial={"task_state": state.current_task_state_id})
        if actions else None,
    }


@register.simple_tag(takes_context=True)
def translation_editor_props(context, props, instance):
    """The translation editor's settings, without what this user must not be offered there.

    "Convert to alias page" publishes the source's content in the locale, so only users who may
    publish the page get it (the view checks it too: translation.patches.convert_to_alias).
    "Publish" is not offered while the translation is in moderation (the hook
    refuse_publishing_a_translation_in_moderation refuses it too).
    """
    if not isinstance(instance, Page):
        return props
    user = context["request"].user
    data = json.loads(props)
    if not can_convert_to_alias(user, instance):
        data.get("links", {})["convertToAliasUrl"] = None
    if not can_publish_from_translation_editor(user, instance):
        data.get("perms", {})["canPublish"] = False
    return json.dumps(data, cls=DjangoJSONEncoder)


@register.simple_tag(takes_context=True)
def translation_editor_hidden_actions(context, props, instance):
    """The addresses of the translation editor's actions this user must not see.

    wagtail-localize's footer always renders "Stop Synced translation" (it has no setting to
    leave it out) and makes it the primary action when nothing else is offered, as for a
    translator. Users who may not publish the page do not get it: the template hides the button
    by its address, and the view refuses them (translation.patches.stop_translation).
    """
    if can_stop_synced_translation(context["request"].user, instance):
        return []
    url = json.loads(props).get("links", {}).get("stopTranslationUrl")
    return [url] if url else []
