import io

import pytest
from django.core.management import call_command
from wagtail.models import Page

from tests.conftest import kept_for_the_module


def load_demo(capture_on_commit):
    out = io.StringIO()
    # wagtail-localize publishes translations on commit; a test's transaction never commits.
    with capture_on_commit(execute=True):
        call_command("load_demo", stdout=out)
    return out.getvalue()


def load_mission_demo(capture_on_commit):
    """Only the mission-page demo (home.demo): the other apps' demos test themselves, and loading
    every app's demo for each test here would make the suite crawl."""
    from django.core.management.base import BaseCommand

    from home import demo

    command = BaseCommand(stdout=io.StringIO())
    with capture_on_commit(execute=True):
        demo.load(command)
    return command.stdout.getvalue()


@pytest.fixture(scope="module")
def mission_demo(django_db_setup, django_db_blocker, module_media):
    """The mission demo, loaded once for a test module (tests.conftest.kept_for_the_module)."""
    from django.core.management.base import BaseCommand

    from home import demo

    def build():
        command = BaseCommand(stdout=io.StringIO())
        demo.load(command)
        return command.stdout.getvalue()

    with kept_for_the_module(django_db_blocker, module_media, build) as output:
        yield output


@pytest.fixture
def demo_site(mission_demo, db):
    """The mission pages in en/fr/de/ar, snippets, settings and the demo users."""
    return mission_demo


def live_pages():
    return list(
        Page.objects.live().filter(depth__gt=1).select_related("locale").specific()
    )
