from django.core.management.base import BaseCommand

from cms.stored_files import delete_due_files


class Command(BaseCommand):
    help = ("Remove stored files whose records were deleted while the file store was down "
            "(run from cron; each file is retried with a growing delay until it is gone).")

    def handle(self, *args, **options):
        deleted, pending = delete_due_files()
        self.stdout.write(f"{deleted} file(s) deleted, {pending} still pending")
