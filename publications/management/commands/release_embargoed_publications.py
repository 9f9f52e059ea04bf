"""Open the PDFs of live publications that are still under embargo. Meant for cron, every few
minutes: it retries whatever a failed or lost release task left (publications.embargo)."""

from django.core.management.base import BaseCommand

from publications.embargo import pending_publications, release_publication


class Command(BaseCommand):
    help = "Release the embargoed PDFs of publications that are live; safe to run at any time."

    def handle(self, *args, **options):
        released = failed = 0
        for page in pending_publications().select_related("pdf__collection"):
            try:
                released += release_publication(page)
            except Exception as error:  # noqa: BLE001 -- the next run tries again
                failed += 1
                self.stderr.write(f"Publication {page.pk}: {error}")
        self.stdout.write(f"Released {released} PDF(s); {failed} still embargoed.")
        if failed:
            raise SystemExit(1)
