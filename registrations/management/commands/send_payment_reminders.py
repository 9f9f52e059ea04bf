from django.core.management.base import BaseCommand

from registrations.payments import send_payment_reminders


class Command(BaseCommand):
    help = "Remind unpaid registrants before their run starts (once each). Run daily from cron."

    def handle(self, *args, **options):
        self.stdout.write(f"{send_payment_reminders()} payment reminders sent.")
