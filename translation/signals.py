"""Keep translator rights and moderation workflows in step with the page tree."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page, WorkflowPage
from wagtail.signals import page_published
from wagtail_localize.models import Translation

from .notices import record_started, record_work
from .permissions import grant_translator_page_permissions
from .workflows import inherit_workflow_from_source, mirror_workflow_to_translations


@receiver(post_save)
def page_created(sender, instance, created, raw=False, **kwargs):
    # Page subclasses send post_save with their own class as sender, so filter here.
    if raw or not created or not isinstance(instance, Page):
        return
    if instance.depth == 2:
        # A new locale root: its translators may edit under it.
        grant_translator_page_permissions(instance)
    inherit_workflow_from_source(instance)


@receiver(post_save, sender=WorkflowPage)
def workflow_assigned(sender, instance, raw=False, **kwargs):
    if not raw:
        mirror_workflow_to_translations(instance)


@receiver(page_published)
def source_published(sender, instance, **kwargs):
    # Translators hear of the work this makes for them (translation.notices).
    record_work(instance)


@receiver(post_save, sender=Translation)
def translation_started(sender, instance, created, raw=False, **kwargs):
    # wagtail-localize's "Translate this page", a section submitted for translation, or a
    # translator starting one from the report: that language's translators hear of it.
    if created and not raw and instance.enabled:
        record_started(instance)
