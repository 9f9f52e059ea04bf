import datetime

from django.core.management.base import BaseCommand, CommandError

from cms.reconcile import delete_orphans, reconcile
from cms.stored_files import storage_errors


class Command(BaseCommand):
    help = ("List stored objects that no record names (orphans) and records whose object is "
            "missing, in every storage a model keeps files in (the public media and the private "
            "bucket). Read-only unless --delete is given, which removes the orphaned objects.")

    def add_arguments(self, parser):
        parser.add_argument("--delete", action="store_true",
                            help="Delete the orphaned objects (records are never touched).")
        parser.add_argument("--min-age", type=int, default=60, metavar="MINUTES",
                            help="With --delete, spare orphans written less than this many "
                                 "minutes ago: an upload in progress has no record yet "
                                 "(default: 60).")

    def handle(self, *args, delete=False, min_age=60, **options):
        if min_age < 0:
            raise CommandError("--min-age cannot be negative.")
        try:
            report = reconcile()
            for alias, name in report.orphans:
                self.stdout.write(f"orphan\t{alias}\t{name}")
            for label, pk, alias, name in report.missing:
                self.stdout.write(f"missing\t{alias}\t{name}\t{label}\t{pk}")
            deleted = []
            if delete:
                deleted = delete_orphans(report.orphans, datetime.timedelta(minutes=min_age))
                for alias, name in deleted:
                    self.stdout.write(f"deleted\t{alias}\t{name}")
        except storage_errors() as error:
            raise CommandError(f"A file store could not be read: {error}") from error
        summary = (f"{len(report.orphans)} orphaned object(s), {len(report.missing)} record(s) "
                   f"without their object")
        if delete:
            summary += f", {len(deleted)} orphan(s) deleted"
        self.stderr.write(summary)
