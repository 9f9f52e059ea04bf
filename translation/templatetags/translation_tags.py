import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from wagtail.models import Page, WorkflowState

from cms.page_cache import cached_fragment
from translation.models import SiteText
from translation.moderation import can_submit_translation
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
    return {
        "can_submit": can_submit_translation(request.user, instance),
        "in_moderation": state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS,
        "needs_changes": state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES,
        "workflow": instance.get_workflow(),
    }


@register.simple_tag(takes_context=True)
def translation_editor_props(context, props, instance):
    """The translation editor's settings, without "Convert to alias page" for non-publishers.

    Converting publishes the source's content in the locale, so only users who may publish the
    page get the action (the view checks it too: translation.patches.convert_to_alias).
    """
    if not isinstance(instance, Page) or can_convert_to_alias(context["request"].user, instance):
        return props
    data = json.loads(props)
    data.get("links", {})["convertToAliasUrl"] = None
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
