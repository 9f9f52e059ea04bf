"""Signal wiring of the site core: document text extraction, page-cache invalidation and the
removal of deleted files from their store."""

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.documents import get_document_model


def _saves_only_what_tasks_read(update_fields):
    """The text-extraction task saves what it read of the file: nothing a page shows changed."""
    return update_fields is not None and set(update_fields) <= {
        "extracted_text", "file_hash", "file_size", "cover", "cover_of"}


def on_document_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    if raw or _saves_only_what_tasks_read(update_fields):  # raw: fixtures
        return
    from cms.covers import needs_cover, withdraw_cover
    from cms.storage import document_is_public
    from cms.tasks import extract_document_text_task, render_cover_task, sync_document_acl_task

    # A document moved to another collection (an embargo lifted) has the same text.
    if update_fields is None or set(update_fields) != {"collection"}:
        extract_document_text_task.enqueue(instance.pk)
    if needs_cover(instance):
        render_cover_task.enqueue(instance.pk)
    elif instance.cover_id and not document_is_public(instance):
        withdraw_cover(instance)
    sync_document_acl_task.enqueue(instance.pk)


def invalidate_pages_using_document(sender, instance, raw=False, update_fields=None, **kwargs):
    """Pages and cards link a document by its file name: a new file (or none) retires them."""
    if raw or _saves_only_what_tasks_read(update_fields):
        return
    from cms.page_cache import invalidate_pages_using

    invalidate_pages_using(instance)


def resync_collection_acls(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from cms.tasks import sync_collection_acls_task

    sync_collection_acls_task.enqueue(instance.collection_id)


def resync_saved_collection_acls(sender, instance, created=False, raw=False, **kwargs):
    """A collection moved under a private one (or out of it) changes who may read its files.

    Wagtail's collection editor saves the collection, then moves it, in one transaction, and the
    move sends no signal of its own: the sync waits for the commit, when the new place is known.
    """
    if raw or created:
        return
    from django.db import transaction

    from cms.tasks import sync_collection_acls_task

    transaction.on_commit(lambda: sync_collection_acls_task.enqueue(instance.pk))


def invalidate_on_publish_or_unpublish(sender, instance, **kwargs):
    from cms.page_cache import invalidate_page

    invalidate_page(instance)


def invalidate_on_move(sender, instance, parent_page_before, parent_page_after, **kwargs):
    from cms.page_cache import MENU_DEPTHS, changes_menus, invalidate_pages, pages_showing

    # Every page under the moved one changes its address; both parents change their listing.
    pages = {page.pk: page for page in pages_showing(instance)}
    for page in instance.get_descendants():
        pages[page.pk] = page
    for parent in (parent_page_before, parent_page_after):
        if parent is not None:
            for page in [parent, *parent.get_translations()]:
                pages[page.pk] = page
    # Into the menu (its new place is at the menu's levels) or out of it (its old place was).
    was_in_menu = (parent_page_before is not None
                   and parent_page_before.depth + 1 in MENU_DEPTHS)
    invalidate_pages(pages.values(), menus=changes_menus(instance) or was_in_menu)


def invalidate_on_snippet_change(sender, raw=False, **kwargs):
    """A snippet or site setting shows on many pages (a person's name on every publication and
    lecture that credits them, the footer text on all): when one changes, every cached page
    goes, the pages themselves being unchanged."""
    if raw:
        return
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.snippets.models import get_snippet_models

    if issubclass(sender, (BaseSiteSetting, BaseGenericSetting)) or sender in get_snippet_models():
        from cms.page_cache import invalidate_all

        invalidate_all()


def register_signal_handlers():
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(invalidate_on_publish_or_unpublish, dispatch_uid="cms_cache_publish")
    page_unpublished.connect(invalidate_on_publish_or_unpublish,
                             dispatch_uid="cms_cache_unpublish")
    post_page_move.connect(invalidate_on_move, dispatch_uid="cms_cache_move")
    post_save.connect(invalidate_on_snippet_change, dispatch_uid="cms_cache_snippet_saved")
    post_delete.connect(invalidate_on_snippet_change, dispatch_uid="cms_cache_snippet_deleted")
    from wagtail.images import get_image_model
    from wagtail.models import Collection, CollectionViewRestriction

    from cms.stored_files import delete_file_of

    # A deleted file is removed from its store, retried until the store answers. Connected by
    # the function itself (no dispatch_uid), so that Wagtail's registration of the same receiver
    # (see cms.patches) does not add a second one.
    Image = get_image_model()
    for model in (get_document_model(), Image, Image.get_rendition_model()):
        post_delete.connect(delete_file_of, sender=model)

    post_save.connect(
        on_document_saved, sender=get_document_model(),
        dispatch_uid="cms_document_saved",
    )
    post_save.connect(invalidate_pages_using_document, sender=get_document_model(),
                      dispatch_uid="cms_cache_document_saved")
    # Deleted, the document leaves its pages with a link that answers 404.
    pre_delete.connect(invalidate_pages_using_document, sender=get_document_model(),
                       dispatch_uid="cms_cache_document_deleted")
    # A collection made private (or public again) changes who may read its files on S3.
    post_save.connect(resync_collection_acls, sender=CollectionViewRestriction,
                      dispatch_uid="cms_acl_restriction_saved")
    post_delete.connect(resync_collection_acls, sender=CollectionViewRestriction,
                        dispatch_uid="cms_acl_restriction_deleted")
    post_save.connect(resync_saved_collection_acls, sender=Collection,
                      dispatch_uid="cms_acl_collection_saved")
