"""Load the demo content: idempotent, so running it twice changes nothing."""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

# Each app's demo module exposes ``load(command)``; they run in this order, since publications and
# lectures link to the people, topics and users that the home demo makes.
DEMO_MODULES = [
    "home.demo",
    "publications.demo",
    "publications.review.demo",
    "lectures.demo",
    "registrations.demo",  # runs of the lectures demo's course
    "home.demo.people",  # every app's people in French, German and Arabic, once all are made
    "search.demo",  # after the page demos: it promotes pages they made
    # Last: gives translators rights on every locale root the other modules made.
    "translation.demo",
]


class Command(BaseCommand):
    help = "Create or update the demo content, people, series and users for every role."

    def handle(self, *args, **options):
        with transaction.atomic():
            for name in DEMO_MODULES:
                import_module(name).load(self)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
