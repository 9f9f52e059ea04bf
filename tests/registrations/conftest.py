import threading

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer

from home.factories import site_home
from lectures import factories as lecture_factories
from registrations import factories
from registrations.models import RegistrationSettings

# The live server listens with socketserver's default backlog of 5 connections: fifty people
# posting at once (test_concurrency) would be turned away by the kernel before Django saw them.
# Set at collection time, before the session's live server starts listening.
ThreadedWSGIServer.request_queue_size = 128
# Each request the live server handles holds a PostgreSQL connection, and the test server allows
# 100 for everyone on this machine: the server works on 20 requests at a time and queues the
# rest, as a production server's worker pool does. The 50 clients still post at once.
_server_slots = threading.BoundedSemaphore(20)
_process_request_thread = ThreadedWSGIServer.process_request_thread


def _bounded_process_request_thread(self, request, client_address):
    with _server_slots:
        _process_request_thread(self, request, client_address)


ThreadedWSGIServer.process_request_thread = _bounded_process_request_thread


@pytest.fixture(autouse=True)
def event_managers_group(request):
    """The Event managers group that the app's migrations make. A transactional test that runs
    last (test_concurrency) leaves the database flushed, and a later run with --reuse-db starts
    from that empty state: make the group again then, as the migrations do."""
    if "db" not in request.fixturenames and "transactional_db" not in request.fixturenames:
        return
    from importlib import import_module

    from django.apps import apps
    from django.contrib.auth.models import Group

    if not Group.objects.filter(name="Event managers").exists():
        import_module("registrations.migrations.0002_event_managers_group").forwards(apps, None)
        import_module("registrations.migrations.0003_lecture_signups").event_managers_see_signups(
            apps, None)
    for name in ("Editors", "Moderators"):
        Group.objects.get_or_create(name=name)


@pytest.fixture
def home(db):
    return site_home()


@pytest.fixture
def course(home):
    index = lecture_factories.lecture_index(home)
    return factories.course(index)


@pytest.fixture
def run(course):
    return factories.run(course)


@pytest.fixture
def bank(home):
    from wagtail.models import Site

    settings = RegistrationSettings.for_site(Site.objects.get(is_default_site=True))
    settings.account_holder = "JCMI Network e.V."
    settings.bank_name = "Example Bank"
    settings.iban = "DE89370400440532013000"
    settings.bic = "COBADEFFXXX"
    settings.invoice_issuer = "JCMI Network e.V.\nExample Street 12, 89073 Ulm"
    settings.save()
    return settings


def form_data(run, **overrides):
    data = {
        "name": "Camille Durand",
        "email": "camille.durand@example.org",
        "organisation": "Médecins du Monde",
        "sector": "ngo_io",
        "fee_category": str(run.fee_categories.last().pk),
        "invoice_organisation": "Médecins du Monde",
        "invoice_address": "62 rue Marcadet\n75018 Paris",
        "vat_number": "FR40303265045",
        "needs": "Repas végétarien",
        "airport_pickup": "on",
        "accommodation": "on",
        "consent": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
