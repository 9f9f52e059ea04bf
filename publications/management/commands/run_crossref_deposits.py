"""Take the Crossref deposits whose next step is due: send, or ask for the result.

With the database task backend the steps schedule themselves; this command is for task backends
that cannot wait (the immediate one in development), run from cron or by hand.
"""

from django.core.management.base import BaseCommand

from publications import deposits


class Command(BaseCommand):
    help = "Send due Crossref deposits and fetch the results of sent ones."

    def handle(self, *args, **options):
        deposits.run_due()
