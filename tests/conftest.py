import io
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase, override_settings


def media_storages(root):
    """Public and private media in folders under ``root``."""
    return {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                    "OPTIONS": {"location": str(root / "media")}},
        "private": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                    "OPTIONS": {"location": str(root / "private"), "base_url": None}},
    }


@pytest.fixture(scope="module")
def module_media(tmp_path_factory):
    """One media folder per test module, so that data kept for a module (``full_demo``) finds
    its files in every test of it."""
    return tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, module_media):
    """Uploaded files from a test never land in the developer's media folders."""
    settings.MEDIA_ROOT = module_media / "media"
    settings.STORAGES = {**settings.STORAGES, **media_storages(module_media)}


@pytest.fixture(autouse=True)
def _fresh_caches():
    """The cache outlives each test's rolled-back transaction: Wagtail's site root paths, the
    renditions and the menus cached by one test must not leak into the next, or a test passes
    alone and fails in the suite (a page whose URL is None, a query count that depends on order)."""
    for cache in caches.all():
        cache.clear()


@contextmanager
def kept_for_the_module(django_db_blocker, media_root, build):
    """Data made once for a test module, inside a transaction rolled back when the module ends.

    Each test's own ``db`` transaction then nests inside it (a savepoint) and rolls back to it, so
    every test starts from the same data without building it again: the demo takes 10 to 30 s to
    load, and used to be loaded for every test that reads it. Only for modules whose tests use
    ``db`` (not ``transactional_db`` or ``live_server``, which flush the database). Its files go
    to the module's media folder (``module_media``), where its tests look for them.
    """
    storages = {**settings.STORAGES, **media_storages(media_root)}
    with override_settings(MEDIA_ROOT=media_root / "media", STORAGES=storages), \
            django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            # wagtail-localize publishes translations and django-tasks queues work on commit,
            # which never comes here: run those callbacks once ``build`` is done.
            with TestCase.captureOnCommitCallbacks(execute=True):
                result = build()
            yield result
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(scope="module")
def full_demo(django_db_setup, django_db_blocker, module_media):
    """Everything ``load_demo`` makes, once per module (see ``kept_for_the_module``)."""
    def build():
        out = io.StringIO()
        call_command("load_demo", stdout=out)
        return out.getvalue()

    with kept_for_the_module(django_db_blocker, module_media, build) as output:
        yield output


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """`make test` runs the suite on every core (pytest-xdist, ``--dist loadgroup``). Each test
    file stays on one worker, so what it keeps for the module (``full_demo``) is built once; the
    browser journeys share one worker, and so the one site they start."""
    for item in items:
        path = item.nodeid.split("::", 1)[0]
        group = "e2e" if path.startswith("tests/e2e/") else path
        item.add_marker(pytest.mark.xdist_group(group))
