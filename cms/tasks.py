"""Background work of the site core, run by django-tasks (the database worker in production)."""

import logging

from django.core.mail import EmailMultiAlternatives, get_connection
from django_tasks import task
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex
from wagtail.search import index

from cms.mail import deserialise_attachment
from cms.text_extraction import extract_document_text

logger = logging.getLogger(__name__)


@task()
def extract_document_text_task(document_id):
    """Read a document's text into ``extracted_text`` and reindex everything that links to it."""
    Document = get_document_model()
    document = Document.objects.filter(pk=document_id).first()
    if document is None:  # deleted before the worker got to it
        return ""
    text = extract_document_text(document)
    if text != document.extracted_text:
        # update() rather than save(): a save would queue this task again.
        Document.objects.filter(pk=document.pk).update(extracted_text=text)
        document.extracted_text = text
        index.insert_or_update_object(document)
        reindex_objects_referencing(document)
    return f"{len(text)} characters"


def reindex_objects_referencing(obj):
    """Update the search index entry of every page or model that links to ``obj``.

    Pages include the text of the documents they link (see search.indexing), so when a
    document's text arrives after the page was saved, the page must be indexed again.
    """
    for source, _references in ReferenceIndex.get_references_to(obj).group_by_source_object():
        if isinstance(source, Page):
            source = source.specific
        if index.class_is_indexed(type(source)):
            index.insert_or_update_object(source)


@task()
def render_cover_task(document_id):
    """Draw a document's first page as its cover (cms.covers) unless this file has been."""
    from cms.covers import needs_cover, render_cover

    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None or not needs_cover(document):
        return "nothing to draw"
    cover = render_cover(document)
    # Cards and publication pages kept in the page cache show the old cover, or none.
    from cms.page_cache import invalidate_pages_using

    invalidate_pages_using(document)
    return f"cover {cover.pk}" if cover else "no cover (see the log)"


@task()
def send_email_task(message):
    """Send one e-mail described by a JSON-safe dict (see cms.mail.TaskEmailBackend)."""
    email = EmailMultiAlternatives(
        subject=message["subject"],
        body=message["body"],
        from_email=message["from_email"],
        to=message["to"],
        cc=message["cc"],
        bcc=message["bcc"],
        reply_to=message["reply_to"],
        headers=message["headers"],
        connection=get_connection(message["backend"]),
    )
    for content, mimetype in message["alternatives"]:
        email.attach_alternative(content, mimetype)
    for filename, content, mimetype in message["attachments"]:
        email.attach(filename, deserialise_attachment(content), mimetype)
    return email.send()


@task()
def sync_document_acl_task(document_id):
    """Make one document's S3 object public or private to match its collection."""
    from cms.storage import sync_document_acl

    document = get_document_model().objects.filter(pk=document_id).first()
    return sync_document_acl(document) if document is not None else None


@task()
def sync_collection_acls_task(collection_id):
    """After a collection's privacy changed: every document in it and below it."""
    from wagtail.models import Collection

    from cms.storage import sync_document_acl

    collection = Collection.objects.filter(pk=collection_id).first()
    if collection is None:
        return 0
    collections = collection.get_descendants(inclusive=True)
    documents = get_document_model().objects.filter(collection__in=collections)
    count = 0
    for document in documents.select_related("collection").iterator():
        sync_document_acl(document)
        count += 1
    return count


@task()
def delete_stored_file_task(pending_id):
    """Remove the object of a deleted record; while its store is down, try again later.

    Backends that can defer (the database worker) get the next attempt queued here, after a
    growing delay; `manage.py delete_pending_files` on cron catches any attempt that is lost.
    """
    from cms.models import PendingFileDeletion
    from cms.stored_files import attempt_deletion

    pending = PendingFileDeletion.objects.filter(pk=pending_id).first()
    if pending is None:  # already removed by the sweep
        return "gone"
    if attempt_deletion(pending):
        return "deleted"
    if delete_stored_file_task.get_backend().supports_defer:
        delete_stored_file_task.using(run_after=pending.next_attempt_at).enqueue(pending_id)
    return f"store unavailable, attempt {pending.attempts}"
