import io

import pytest
from django.core.management import call_command
from wagtail.models import Page


def load_demo(capture_on_commit):
    out = io.StringIO()
    # wagtail-localize publishes translations on commit; a test's transaction never commits.
    with capture_on_commit(execute=True):
        call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def demo_site(mission_demo, db):
    """The mission pages in en/fr/de/ar, snippets, settings and the demo users."""
    return mission_demo


def live_pages():
    return list(
        Page.objects.live().filter(depth__gt=1).select_related("locale").specific()
    )
