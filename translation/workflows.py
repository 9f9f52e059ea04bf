"""Translations follow their source's moderation workflow.

Wagtail finds a page's workflow by walking up its own tree, and each locale has its own tree: a
workflow assigned to the English publications index would not cover the French one. So a
workflow assigned to a source page is mirrored onto its translations, and a new translation
inherits the assignment of its source.
"""

from wagtail.models import Locale, Page, WorkflowPage


def mirror_workflow_to_translations(workflow_page):
    page = workflow_page.page
    if page.locale_id != Locale.get_default().pk:
        return
    for translation in Page.objects.filter(translation_key=page.translation_key).exclude(
        pk=page.pk
    ):
        WorkflowPage.objects.update_or_create(
            page=translation, defaults={"workflow": workflow_page.workflow}
        )


def inherit_workflow_from_source(page):
    if page.locale_id == Locale.get_default().pk or WorkflowPage.objects.filter(page=page).exists():
        return
    source_assignment = WorkflowPage.objects.filter(
        page__translation_key=page.translation_key, page__locale=Locale.get_default()
    ).first()
    if source_assignment is not None:
        WorkflowPage.objects.create(page=page, workflow=source_assignment.workflow)


def workflow_mismatches():
    """Translated pages whose workflow differs from their source's (should be none)."""
    default = Locale.get_default()
    sources = {page.translation_key: page for page in Page.objects.filter(locale=default)}
    mismatches = []
    for page in Page.objects.exclude(locale=default).filter(depth__gt=1):
        source = sources.get(page.translation_key)
        if source is not None and source.get_workflow() != page.get_workflow():
            mismatches.append(page)
    return mismatches
