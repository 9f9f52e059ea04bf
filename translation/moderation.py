"""Submitting a translation for moderation.

wagtail-localize's translation editor only offers "Publish", which bypasses Wagtail's workflows
(its maintainers call the integration "disconnected"). Translators have no publish right, so this
is their way to a live page: the translated strings become a draft revision of the translated
page, and the workflow that governs that page (looked up the tree, like any other page's) starts
on it. Moderators then review, preview and approve the revision as they do for source pages.
"""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.models import DraftStateMixin, Locale, Page, TaskState, WorkflowState
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import Translation
from wagtail_localize.segments.ingest import ingest_segments

from cms.moderation import changes_requested, reviewing_step

from .permissions import may_edit_in_locale


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


def is_in_moderation(page):
    state = page.current_workflow_state
    return state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS


def is_translation_in_moderation(page):
    """A translated page (not the source language's) whose review is under way: publishing it
    any other way than approving the review would cancel the translator's workflow silently."""
    return (isinstance(page, Page) and page.locale_id != Locale.get_default().pk
            and is_in_moderation(page))


def can_publish_from_translation_editor(user, page):
    """Whether the translation editor may offer ``user`` its "Publish" for ``page``.

    While a translation is in moderation nobody publishes it from there: Wagtail would cancel the
    translator's workflow silently. The moderator approves it instead (``review_translation``).
    """
    return page.permissions_for_user(user).can_publish() and not is_in_moderation(page)


# The review actions the translation editor offers, by Wagtail's task action names.
REVIEW_ACTIONS = ("approve", "reject")


def review_actions(user, page):
    """The review actions ``user`` may take on ``page``'s current moderation task, by name."""
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_IN_PROGRESS:
        return []
    task = state.current_task_state.task.specific
    names = {name for name, _label, _needs_data in task.get_actions(page, user)}
    return [name for name in REVIEW_ACTIONS if name in names]


def requested_changes(page):
    """The finished task state that asked for changes to ``page``, with its comment, or None."""
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    return state.current_task_state


def next_step(page):
    """Who acts next on the translated ``page``, as a sentence for the translation editor."""
    if changes_requested(page):
        return _("Next: the translator makes the changes the moderator asked for and submits "
                 "the translation again.")
    step = reviewing_step(page)
    if step is None:
        return _("Next: the translator finishes the translation and submits it for moderation.")
    name, reviewers = step
    if not reviewers:
        return _("Next: whoever may approve the “%(step)s” step reviews it.") % {"step": name}
    return _("Next: %(reviewers)s review it in the “%(step)s” step, then it is published.") % {
        "reviewers": reviewers, "step": name}


@transaction.atomic
def review_translation(page, user, action, task_state_id, comment=""):
    """A moderator approves ``page``'s translation or asks for changes, in the translation editor.

    Acts only on the task state the moderator saw (``task_state_id``), under a lock on the
    workflow state: Wagtail's own workflow view acts on whichever step is current by the time it
    runs, so two approvals sent at once would approve two steps (PITFALLS, "Found by testing").
    Raises PermissionDenied when ``user`` may not take ``action`` there, and ValidationError when
    the review is no longer waiting on that step or changes are asked for without a comment.
    """
    if action not in REVIEW_ACTIONS:
        raise ValidationError(_("Choose whether to approve the translation or ask for changes."))
    state = (
        page.workflow_states.select_for_update()
        .filter(status=WorkflowState.STATUS_IN_PROGRESS)
        .first()
    )
    if state is None or state.current_task_state_id != task_state_id:
        raise ValidationError(_("This translation is no longer waiting for that review step: "
                                "someone has reviewed it already."))
    task_state = TaskState.objects.select_for_update().get(pk=task_state_id).specific
    if task_state.status != TaskState.STATUS_IN_PROGRESS:
        raise ValidationError(_("This translation is no longer waiting for that review step: "
                                "someone has reviewed it already."))
    if action not in review_actions(user, page):
        raise PermissionDenied
    comment = comment.strip()
    if action == "reject" and not comment:
        raise ValidationError(_("Say what the translator should change."))
    task_state.task.specific.on_action(task_state, user, action, comment=comment)
    return state


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


def submit_synced_translation(translation, user):
    """Send a freshly synced translation to moderation instead of publishing it.

    Like ``submit_translation_for_moderation``, except that a review already under way is no
    reason to stop: Wagtail publishes a page's latest revision when its workflow is approved, so
    the synced draft simply joins that review.
    """
    page = translation.get_target_instance()
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_IN_PROGRESS:
        return submit_translation_for_moderation(page, user)
    if not page.permissions_for_user(user).can_edit():
        raise PermissionDenied
    save_translation_draft(translation, user)
    return state


def can_publish_translation(user, instance):
    """Whether ``user`` may put this translated page or snippet live directly."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    opts = instance._meta
    # Snippets without drafts go live when saved, so saving them is publishing them.
    action = "publish" if isinstance(instance, DraftStateMixin) else "change"
    return user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}") and may_edit_in_locale(
        user, instance
    )


@transaction.atomic
def publish_synced_translations(translations, user):
    """What "Publish immediately" on the sync form may do for ``user``.

    wagtail-localize publishes every target, though only the submit-translation right is needed
    to sync, so an editor without publish rights would put the translators' unreviewed strings
    live. Here a target goes live only where ``user`` may publish it; a page ``user`` may not
    publish gets the synced strings as a draft revision under its moderation workflow, and a
    snippet ``user`` may not change is left for someone who may.

    Returns ``{"published": [...], "submitted": [...], "skipped": [(locale, reason), ...]}``.
    """
    outcome = {"published": [], "submitted": [], "skipped": []}
    for translation in translations:
        locale = translation.target_locale
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:
            target = None
        if target is None:
            outcome["skipped"].append((locale, _("The translation has not been started yet.")))
        elif isinstance(target, Page) and is_translation_in_moderation(target):
            # Its review is under way: the synced strings join it (publishing would cancel it).
            try:
                submit_synced_translation(translation, user)
            except (PermissionDenied, ValidationError):
                outcome["skipped"].append((locale, _("The translation is under review.")))
            else:
                outcome["submitted"].append(locale)
        elif can_publish_translation(user, target):
            # As wagtail-localize does: a target that no longer validates is left as it was.
            try:
                translation.save_target(user=user, publish=True)
            except ValidationError:
                outcome["skipped"].append((locale, _("The translation does not validate.")))
            else:
                outcome["published"].append(locale)
        elif isinstance(target, Page):
            try:
                submit_synced_translation(translation, user)
            except PermissionDenied:
                outcome["skipped"].append((locale, _("You may not edit this translation.")))
            except ValidationError as error:
                outcome["skipped"].append((locale, " ".join(error.messages)))
            else:
                outcome["submitted"].append(locale)
        else:
            outcome["skipped"].append((locale, _("You may not publish this translation.")))
    return outcome
