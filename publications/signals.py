"""Publication index pages are made by editors and the demo, after the workflow migration ran:
each new one (in any language) gets the "Publication review" workflow as it is created. A
publication going live publishes its submission and lifts the embargo on its PDF.

Publishing and withdrawing publications also tells the OAI-PMH provider (deleted records) and,
when configured, Crossref (a deposit of the work's original)."""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from wagtail.models import Workflow, WorkflowPage
from wagtail.signals import page_published, page_unpublished

from cms.stored_files import delete_file_of
from publications.models import (
    PublicationIndexPage,
    PublicationPage,
    Submission,
    SubmissionFile,
    WithdrawnWork,
)

logger = logging.getLogger(__name__)

PUBLICATION_WORKFLOW = "Publication review"

# A submission file deleted (with its submission or alone) leaves the private bucket too.
post_delete.connect(delete_file_of, sender=SubmissionFile, dispatch_uid="submission_file_deleted")


def assign_publication_workflow(page):
    workflow = Workflow.objects.filter(name=PUBLICATION_WORKFLOW, active=True).first()
    if workflow is not None and not WorkflowPage.objects.filter(page=page).exists():
        WorkflowPage.objects.create(page=page, workflow=workflow)


@receiver(post_save, sender=PublicationIndexPage)
def publication_index_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        assign_publication_workflow(instance)


@receiver(page_published, sender=PublicationPage)
def publication_went_live(sender, instance, **kwargs):
    """The page made from an accepted submission is live: the submission is published."""
    from publications.review import workflow

    for submission in Submission.objects.filter(
        publication_page=instance, state=Submission.State.IN_PRODUCTION
    ):
        workflow.mark_published(submission)


@receiver(page_published, sender=PublicationPage)
def release_embargoed_pdf(sender, instance, **kwargs):
    """Live now: its PDF may open, once the publication is committed (publications.embargo)."""
    from publications.embargo import release_publication_task

    page_id = instance.pk
    transaction.on_commit(lambda: release_publication_task.enqueue(page_id))


# -- OAI-PMH deleted records (publications.models.records) ------------------------------------


@receiver(page_published, sender=PublicationPage)
def work_back_online(sender, instance, **kwargs):
    WithdrawnWork.objects.filter(translation_key=instance.translation_key).delete()


@receiver(page_published, sender=PublicationPage)
def deposit_on_publication(sender, instance, **kwargs):
    """With CROSSREF_DEPOSIT_ON_PUBLISH, publishing a work's original (with a DOI) deposits it
    once the publication is committed; a translation changes nothing Crossref holds."""
    if not (getattr(settings, "CROSSREF_DEPOSIT_ON_PUBLISH", False) and instance.doi
            and instance.is_original):
        return

    def deposit():
        from publications import deposits

        try:
            deposits.start(instance)
        except ValidationError as error:
            logger.warning("No Crossref deposit for page %s: %s", instance.pk, error.messages)

    transaction.on_commit(deposit)


@receiver(page_unpublished, sender=PublicationPage)
def version_unpublished(sender, instance, **kwargs):
    withdraw_if_last(instance)


@receiver(post_delete, sender=PublicationPage)
def version_deleted(sender, instance, **kwargs):
    if instance.live:  # a draft or an unpublished version was withdrawn already, or never out
        withdraw_if_last(instance)


def withdraw_if_last(page):
    """The last live version of a work went: its OAI record becomes a deleted record, under the
    identifier it was harvested with."""
    if PublicationPage.objects.live().filter(translation_key=page.translation_key).exclude(
        pk=page.pk
    ).exists():
        return
    from publications.oai import record_pk_of

    WithdrawnWork.objects.update_or_create(
        translation_key=page.translation_key,
        defaults={"record_pk": record_pk_of(page), "set_spec": page.series.slug if page.series_id else "",
                  "withdrawn_at": timezone.now()},
    )
