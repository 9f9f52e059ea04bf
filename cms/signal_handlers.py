"""Signal wiring of the site core: document text extraction and page-cache invalidation."""

from django.db.models.signals import post_save
from wagtail.documents import get_document_model


def queue_text_extraction(sender, instance, created, raw=False, update_fields=None, **kwargs):
    if raw:  # fixtures
        return
    if update_fields is not None and set(update_fields) <= {"extracted_text", "file_hash",
                                                            "file_size"}:
        return
    from cms.tasks import extract_document_text_task

    extract_document_text_task.enqueue(instance.pk)


def invalidate_on_publish_or_unpublish(sender, instance, **kwargs):
    from cms.page_cache import invalidate_page

    invalidate_page(instance)


def invalidate_on_move(sender, instance, parent_page_before, parent_page_after, **kwargs):
    from cms.page_cache import invalidate_pages, pages_showing

    # Every page under the moved one changes its address; both parents change their listing.
    pages = {page.pk: page for page in pages_showing(instance)}
    for page in instance.get_descendants():
        pages[page.pk] = page
    for parent in (parent_page_before, parent_page_after):
        if parent is not None:
            for page in [parent, *parent.get_translations()]:
                pages[page.pk] = page
    invalidate_pages(pages.values())


def register_signal_handlers():
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(invalidate_on_publish_or_unpublish, dispatch_uid="cms_cache_publish")
    page_unpublished.connect(invalidate_on_publish_or_unpublish,
                             dispatch_uid="cms_cache_unpublish")
    post_page_move.connect(invalidate_on_move, dispatch_uid="cms_cache_move")
    post_save.connect(
        queue_text_extraction, sender=get_document_model(),
        dispatch_uid="cms_queue_text_extraction",
    )
