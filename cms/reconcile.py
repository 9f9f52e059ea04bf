"""Compare what the file stores hold with what the database says they hold.

Every storage that a model's file field uses is walked once per place (a bucket and prefix on S3,
a folder on disk): the media bucket holds documents, images and renditions, the private one the
submission files. An object that no row names is an orphan; a row whose object is missing is a
broken record. Files waiting in ``PendingFileDeletion`` are already on their way out.
"""

import datetime
import os
import posixpath
from dataclasses import dataclass, field

from django.utils import timezone

from cms.storage import is_s3
from cms.stored_files import file_fields, unwrapped


@dataclass(frozen=True)
class Place:
    """Where a storage keeps its files: its kind, its container (a bucket) and its prefix."""

    kind: str
    container: str
    prefix: str

    def inside(self, path):
        return Place(self.kind, self.container, posixpath.join(self.prefix, path).strip("/"))


def place_of(storage):
    storage = unwrapped(storage)
    if is_s3(storage):
        return Place("s3", storage.bucket_name, (storage.location or "").strip("/"))
    return Place("fs", "", os.path.abspath(storage.location).strip("/"))


@dataclass
class Report:
    orphans: list = field(default_factory=list)  # (alias, name)
    missing: list = field(default_factory=list)  # (model label, pk, alias, name)


def _walk(storage, place, skipped, path=""):
    """Every file name under ``path``, not descending into another storage's place."""
    try:
        directories, files = storage.listdir(path)
    except FileNotFoundError:  # a folder on disk that nothing has been saved to yet
        return
    for name in files:
        yield posixpath.join(path, name)
    for directory in directories:
        sub = posixpath.join(path, directory)
        if place.inside(sub) not in skipped:
            yield from _walk(storage, place, skipped, sub)


def reconcile():
    from django.core.files.storage import storages

    from cms.models import PendingFileDeletion

    rows = {}  # alias -> {name: (model label, pk)}
    for model, attname, alias in file_fields():
        names = rows.setdefault(alias, {})
        for pk, name in model._base_manager.exclude(**{attname: ""}).values_list("pk", attname):
            names[name] = (model._meta.label, pk)
    places = {}  # place -> aliases keeping files there
    for alias in sorted(rows):
        places.setdefault(place_of(storages[alias]), []).append(alias)
    pending = set(PendingFileDeletion.objects.values_list("storage", "name"))

    report = Report()
    for place, aliases in places.items():
        storage = storages[aliases[0]]
        stored = set(_walk(storage, place, skipped=set(places) - {place}))
        known = {}
        for alias in aliases:
            known.update({name: (owner, alias) for name, owner in rows[alias].items()})
        for name in sorted(stored - set(known)):
            if not any((alias, name) in pending for alias in aliases):
                report.orphans.append((aliases[0], name))
        for name in sorted(set(known) - stored):
            (label, pk), alias = known[name]
            report.missing.append((label, pk, alias, name))
    return report


def delete_orphans(orphans, older_than):
    """Delete orphaned objects last written more than ``older_than`` ago (an upload whose row is
    not committed yet looks like an orphan for a moment). Returns the names deleted."""
    from django.core.files.storage import storages

    cutoff = timezone.now() - older_than
    deleted = []
    for alias, name in orphans:
        storage = storages[alias]
        if older_than > datetime.timedelta(0) and storage.get_modified_time(name) > cutoff:
            continue
        storage.delete(name)
        deleted.append((alias, name))
    return deleted
