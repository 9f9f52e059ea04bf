"""Send the reminders that the editors' rules make due. Meant for cron, e.g. daily."""

from django.core.management.base import BaseCommand

from publications.review.reminders import send_due_reminders


class Command(BaseCommand):
    help = "Send due reminders to reviewers and authors; each reminder goes out only once."

    def handle(self, *args, **options):
        count = send_due_reminders()
        self.stdout.write(f"Sent {count} reminder(s).")
