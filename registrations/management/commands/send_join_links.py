from django.core.management.base import BaseCommand

from registrations.lectures import send_join_links


class Command(BaseCommand):
    help = "E-mail online lectures' join links to the people signed up, shortly before the start."

    def handle(self, *args, **options):
        self.stdout.write(f"{send_join_links()} join links sent.")
