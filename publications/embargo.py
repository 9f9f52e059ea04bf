"""Embargo (DESIGN.md): nothing of a submission is reachable before its publication page is live.

* The PDF made from an accepted manuscript is stored under a name with a random token
  (``stored_name``) in the embargo collection that migration 0006 makes. Its view restriction
  (Managing Editors and Moderators) keeps the S3 object private (cms.storage.sync_document_acl)
  and Wagtail's document view closed; for everyone else the document does not exist (404, see
  publications.wagtail_hooks), not even as a log-in prompt.
* Wagtail lets a document permission granted on a collection reach every collection below it,
  so the Editors' rights on the root collection would show embargoed PDFs in their chooser,
  listing and search. ``EmbargoDocumentPermissionPolicy`` stops permissions granted outside the
  embargo collection at its edge: only rights given on it (or below it) count inside.
* When the page is published, ``release_publication_task`` opens the PDF: the S3 object becomes
  public-read FIRST, then the document moves to the root collection. A failure at either step
  leaves the document in the embargo collection, which is what marks it as still to do.
* Retried until done, two ways: the task re-enqueues itself with a growing delay when the task
  backend can defer (the database backend can), and ``manage.py release_embargoed_publications``
  (cron, every few minutes) releases every live publication whose PDF is still embargoed. The
  sweep reads the state from the database, so no lost or failed task can leave a PDF closed.
"""

import logging
import secrets
from datetime import timedelta

from django.contrib.auth.models import Group
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django_tasks import task
from wagtail.models import Collection
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from cms.storage import set_document_acl

logger = logging.getLogger(__name__)

EMBARGO_COLLECTION = "Embargoed publications"
# Seconds before the n-th retry of a failed release: 1, 2, 4 … minutes, at most an hour.
RETRY_BASE, RETRY_MAX = 60, 3600


def embargo_collection():
    return Collection.objects.filter(depth=2, name=EMBARGO_COLLECTION).first()


def _embargo_path():
    collection = embargo_collection()
    return collection.path if collection is not None else None


def _inside(collection, path):
    return path is not None and collection.path.startswith(path)


def is_embargoed(document):
    return _inside(document.collection, _embargo_path())


def stored_name(title):
    """A file name nobody can guess: the title's slug, for the reader, and 128 random bits."""
    return f"{slugify(title)[:60] or 'publication'}-{secrets.token_hex(16)}.pdf"


def release_document(document):
    set_document_acl(document, "public-read")
    document.collection = Collection.get_first_root_node()
    document.save(update_fields=["collection"])


def release_publication(page):
    """Open the embargoed PDF of a live publication page; the number of documents opened."""
    if not page.live or page.pdf is None or not is_embargoed(page.pdf):
        return 0
    release_document(page.pdf)
    logger.info("Released the embargoed PDF of publication %s", page.pk)
    return 1


def pending_publications():
    """Live publications whose PDF is still in the embargo collection."""
    from publications.models import PublicationPage

    path = _embargo_path()
    if path is None:
        return PublicationPage.objects.none()
    return PublicationPage.objects.live().filter(pdf__collection__path__startswith=path)


@task()
def release_publication_task(page_id, attempt=0):
    from publications.models import PublicationPage

    page = PublicationPage.objects.filter(pk=page_id).select_related("pdf__collection").first()
    if page is None:  # deleted meanwhile: nothing to open
        return 0
    try:
        return release_publication(page)
    except Exception:
        _retry_later(page_id, attempt + 1)
        raise


def _retry_later(page_id, attempt):
    backend = release_publication_task.get_backend()
    if not backend.supports_defer:  # the sweep command retries instead
        return
    delay = min(RETRY_BASE * 2 ** (attempt - 1), RETRY_MAX)
    release_publication_task.using(
        run_after=timezone.now() + timedelta(seconds=delay)).enqueue(page_id, attempt)


class EmbargoDocumentPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's document policy, except that rights granted outside the embargo collection do
    not reach into it (see the module's docstring)."""

    def _embargo_path_for(self, user):
        # One query per request's user, as Wagtail caches the user's permissions.
        if not hasattr(user, "_embargo_collection_path"):
            user._embargo_collection_path = _embargo_path()
        return user._embargo_collection_path

    def _collections_with_perm(self, user, actions):
        sealed = self._embargo_path_for(user)
        collections = Collection.objects.none()
        for permission in self._get_user_permission_objects_for_actions(user, actions):
            reach = Collection.objects.descendant_of(permission.collection, inclusive=True)
            if sealed and not _inside(permission.collection, sealed):
                reach = reach.exclude(path__startswith=sealed)
            collections |= reach
        return collections

    def _check_perm(self, user, actions, collection=None):
        sealed = self._embargo_path_for(user)
        if collection is None or not _inside(collection, sealed):
            return super()._check_perm(user, actions, collection=collection)
        if not (user.is_active and user.is_authenticated):
            return False
        if user.is_superuser:
            return True
        return any(
            _inside(permission.collection, sealed)
            and _inside(collection, permission.collection.path)
            for permission in self._get_user_permission_objects_for_actions(user, actions)
        )

    def _users_with_perm_filter(self, actions, collection=None):
        sealed = _embargo_path()
        if collection is None or not _inside(collection, sealed):
            return super()._users_with_perm_filter(actions, collection=collection)
        granted_inside = collection.get_ancestors(inclusive=True).filter(path__startswith=sealed)
        permissions = self._get_permission_objects_for_actions(actions)
        groups = Group.objects.filter(
            collection_permissions__permission__in=permissions,
            collection_permissions__collection__in=granted_inside,
        )
        return Q(is_active=True) & (Q(is_superuser=True) | Q(groups__in=groups))


def register_document_permission_policy():
    from wagtail.documents import get_document_model, get_document_model_string
    from wagtail.permissions import register_permission_policy

    register_permission_policy(
        get_document_model(),
        EmbargoDocumentPermissionPolicy(
            get_document_model_string(), auth_model="wagtaildocs.Document",
            owner_field_name="uploaded_by_user",
        ),
        exact_class=True,
    )
