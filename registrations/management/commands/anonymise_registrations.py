from django.core.management.base import BaseCommand

from registrations.privacy import anonymise_old_registrations, keep_days


class Command(BaseCommand):
    help = ("Anonymise the registrations of runs that ended more than --days ago "
            "(REGISTRATION_KEEP_DAYS by default), keeping the counts; delete the sign-ups of "
            "lectures that ended as long ago.")

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None)

    def handle(self, *args, days=None, **options):
        days = keep_days() if days is None else days
        if days < 0:
            self.stderr.write("--days cannot be negative.")
            return
        count = anonymise_old_registrations(days=days)
        self.stdout.write(f"{count} registrations anonymised.")
