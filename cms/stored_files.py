"""Stored files and their records stay in step: nothing written is left behind by a failure, and
nothing deleted stays in the store because the store was down at the time.

* ``atomic_with_files()`` is ``transaction.atomic`` for code that writes files: when the block
  fails (and its rows roll back), the files written inside it are removed before the error goes
  on, so an upload of several files that fails half-way leaves neither rows nor objects.
* Deleting a record with a file (a document, an image, a rendition, a submission file) writes a
  ``PendingFileDeletion`` row in the same transaction; after the commit a task removes the object
  and the row. While the store is down the row stays and is tried again with a growing delay: the
  task re-queues itself where the task backend can defer (the database worker), and
  ``manage.py delete_pending_files`` (cron) sweeps whatever is due, whatever happened to the
  worker in between.
"""

import contextlib
import contextvars
import datetime
import logging

from django.apps import apps
from django.conf import settings
from django.core.files.storage import storages
from django.db import DatabaseError, models, transaction
from django.utils import timezone
from django.utils.functional import LazyObject, empty

logger = logging.getLogger(__name__)

FIRST_RETRY_DELAY = datetime.timedelta(minutes=1)
LONGEST_RETRY_DELAY = datetime.timedelta(hours=6)

# The files written inside the innermost atomic_with_files() block, as (storage, name) pairs.
_written = contextvars.ContextVar("files_written_in_block", default=None)


def storage_errors():
    """What a file store raises when it cannot be reached or refuses: the file system's errors,
    and boto3's for S3."""
    from cms.storage import remote_storage_errors

    return (OSError, *remote_storage_errors())


def unwrapped(storage):
    if isinstance(storage, LazyObject):
        if storage._wrapped is empty:
            storage._setup()
        return storage._wrapped
    return storage


def storage_alias(storage):
    """The settings.STORAGES alias of a storage instance (model fields hold lazy wrappers)."""
    storage = unwrapped(storage)
    for alias in settings.STORAGES:
        if storages[alias] is storage:
            return alias
    raise LookupError(f"{storage!r} is not one of settings.STORAGES")


def file_fields():
    """(model, field name, storage alias) of every file field of every installed model whose
    storage is one of settings.STORAGES (the only ones this site configures)."""
    for model in apps.get_models():
        for model_field in model._meta.concrete_fields:
            if isinstance(model_field, models.FileField):
                try:
                    alias = storage_alias(model_field.storage)
                except LookupError:
                    continue
                yield model, model_field.attname, alias


def is_referenced(alias, name):
    """Some record names this file now: a later upload took the name of one deleted earlier."""
    return any(model._base_manager.filter(**{attname: name}).exists()
               for model, attname, field_alias in file_fields() if field_alias == alias)


def remember_written(fieldfile):
    """Note a file just written, so that the enclosing atomic_with_files() can undo it."""
    written = _written.get()
    if written is not None:
        written.append((fieldfile.storage, fieldfile.name))


@contextlib.contextmanager
def atomic_with_files(using=None):
    """transaction.atomic(), and the files written inside it removed if it rolls back."""
    outer = _written.get()
    written = []
    token = _written.set(written)
    try:
        with transaction.atomic(using=using):
            yield
    except BaseException:
        _written.reset(token)
        for storage, name in written:
            delete_or_queue(storage, name)
        raise
    _written.reset(token)
    if outer is not None:  # the enclosing block may still roll back, with these rows in it
        outer.extend(written)


def delete_or_queue(storage, name):
    """Remove a file now; if the store does not answer, leave it to the retries."""
    try:
        storage.delete(name)
    except storage_errors() as error:
        logger.warning("Could not remove %s yet (%s); queued for retry", name, error)
        try:
            queue_deletion(storage, name)
        except DatabaseError:  # the database failed too: the original error must still be seen
            logger.exception("Could not queue the removal of %s; reconcile_storage will list "
                             "it as an orphan", name)


def queue_deletion(storage, name):
    """Record that a stored file must go, and try once the transaction has committed."""
    from cms.models import PendingFileDeletion

    if not name:
        return None
    try:
        alias = storage_alias(storage)
    except LookupError:
        logger.error("File %s is in a storage outside settings.STORAGES; not deleted", name)
        return None
    pending = PendingFileDeletion.objects.create(storage=alias, name=name)

    def attempt():
        from cms.tasks import delete_stored_file_task

        delete_stored_file_task.enqueue(pending.pk)

    transaction.on_commit(attempt)
    return pending


def delete_file_of(sender, instance, **kwargs):
    """post_delete receiver for every model whose file lives only as long as its record."""
    field = next(f for f in instance._meta.concrete_fields if f.get_internal_type() in (
        "FileField", "ImageField"))
    fieldfile = getattr(instance, field.attname)
    if fieldfile:
        queue_deletion(fieldfile.storage, fieldfile.name)


def retry_delay(attempts):
    delay = FIRST_RETRY_DELAY * 2 ** max(attempts - 1, 0)
    return min(delay, LONGEST_RETRY_DELAY)


def attempt_deletion(pending):
    """Try to remove one pending file; True when it is gone (the row goes with it)."""
    from cms.models import PendingFileDeletion

    if is_referenced(pending.storage, pending.name):
        # Deleting it now would break that record (Wagtail's rendition regeneration can reuse a
        # name while the deletion of the old one waits): the name is no longer an orphan.
        PendingFileDeletion.objects.filter(pk=pending.pk).delete()
        return True
    try:
        storages[pending.storage].delete(pending.name)
    except storage_errors() as error:
        pending.attempts += 1
        pending.next_attempt_at = timezone.now() + retry_delay(pending.attempts)
        pending.last_error = f"{type(error).__name__}: {error}"[:2000]
        PendingFileDeletion.objects.filter(pk=pending.pk).update(
            attempts=pending.attempts, next_attempt_at=pending.next_attempt_at,
            last_error=pending.last_error)
        logger.warning("Could not delete %s (attempt %s): %s", pending, pending.attempts, error)
        return False
    PendingFileDeletion.objects.filter(pk=pending.pk).delete()
    return True


def delete_due_files(limit=1000):
    """Try every pending deletion whose time has come; returns (deleted, still pending)."""
    from cms.models import PendingFileDeletion

    due = PendingFileDeletion.objects.filter(next_attempt_at__lte=timezone.now())[:limit]
    deleted = sum(attempt_deletion(pending) for pending in due)
    return deleted, PendingFileDeletion.objects.count()
