"""Publication index pages are made by editors and the demo, after the workflow migration ran:
each new one (in any language) gets the "Publication review" workflow as it is created. A
publication going live publishes its submission and lifts the embargo on its PDF."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Workflow, WorkflowPage
from wagtail.signals import page_published

from cms.stored_files import delete_file_of
from publications.models import PublicationIndexPage, PublicationPage, Submission, SubmissionFile

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
