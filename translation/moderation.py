"""Submitting a translation for moderation.

wagtail-localize's translation editor only offers "Publish", which bypasses Wagtail's workflows
(its maintainers call the integration "disconnected"). Translators have no publish right, so this
is their way to a live page: the translated strings become a draft revision of the translated
page, and the workflow that governs that page (looked up the tree, like any other page's) starts
on it. Moderators then review, preview and approve the revision as they do for source pages.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, WorkflowState
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import Translation
from wagtail_localize.segments.ingest import ingest_segments


def translation_for_page(page):
    """The enabled wagtail-localize Translation whose target is ``page``, or None."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def save_translation_draft(translation, user):
    """A draft revision of the translated page from the strings entered so far.

    Not ``Translation.save_target(publish=False)``: wagtail-localize 1.14 saves the translated
    page's row before making the revision, so on a live page the "draft" shows up on the public
    site at once. This builds the same translated object in memory and only saves a revision, as
    Wagtail's own "Save draft" does. Untranslated strings fall back to the source text, as in the
    translation editor's preview.
    """
    source = translation.source
    locale = translation.target_locale
    original = source.as_instance()
    target = source.get_translated_instance(locale)
    copy_synchronised_fields(original, target)
    segments = source._get_segments_for_translation(locale, fallback=True)
    ingest_segments(original, target, source.locale, locale, segments)
    target.slug = find_available_slug(
        target.get_parent(),
        slugify(target.slug, allow_unicode=True) or target.slug,
        ignore_page_id=target.pk,
    )
    return target.save_revision(user=user)


def can_submit_translation(user, page):
    perms = page.permissions_for_user(user)
    return perms.can_edit() and page.get_workflow() is not None


@transaction.atomic
def submit_translation_for_moderation(page, user):
    """Save the current translation of ``page`` as a revision and start its workflow on it.

    Returns the WorkflowState. Raises PermissionDenied when ``user`` may not edit the page, and
    ValidationError (with a message for the translator) when there is nothing to submit to.
    """
    page = Page.objects.select_for_update().get(pk=page.pk).specific
    if not page.permissions_for_user(user).can_edit():
        raise PermissionDenied
    translation = translation_for_page(page)
    if translation is None or page.alias_of_id:
        raise ValidationError(_("This page is not a translation managed by the translation editor."))
    workflow = page.get_workflow()
    if workflow is None:
        raise ValidationError(_("No moderation workflow applies to this page."))

    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        raise ValidationError(_("This translation is already waiting for moderation."))

    save_translation_draft(translation, user)
    page.refresh_from_db()

    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        # The moderator asked for changes: carry on the same workflow on the new revision.
        state.resume(user=user)
        return state
    return workflow.start(page, user)
