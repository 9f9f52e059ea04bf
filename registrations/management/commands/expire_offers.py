from django.core.management.base import BaseCommand

from registrations.seats import expire_offers


class Command(BaseCommand):
    help = "Lapse waiting-list offers past their time and offer the seats to the next people."

    def handle(self, *args, **options):
        self.stdout.write(f"{expire_offers()} offers lapsed.")
