import io
import os
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase, override_settings
from django.utils import translation


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
    """The media folder of data kept for a module (``full_demo``), which its tests share."""
    return tmp_path_factory.mktemp("media")


# Fixtures that keep data for a whole module (kept_for_the_module), with its files.
MODULE_DATA_FIXTURES = ("full_demo", "mission_demo")


@pytest.fixture(autouse=True)
def _media_in_tmp(request, settings, tmp_path):
    """Uploaded files from a test never land in the developer's media folders. Each test has its
    own folder, unless it reads data kept for its module, whose files are in the module's."""
    if any(name in request.fixturenames for name in MODULE_DATA_FIXTURES):
        root = request.getfixturevalue("module_media")
    else:
        root = tmp_path
    settings.MEDIA_ROOT = root / "media"
    settings.STORAGES = {**settings.STORAGES, **media_storages(root)}


@pytest.fixture(autouse=True)
def _fresh_caches():
    """The cache outlives each test's rolled-back transaction: Wagtail's site root paths, the
    renditions and the menus cached by one test must not leak into the next, or a test passes
    alone and fails in the suite (a page whose URL is None, a query count that depends on order)."""
    from cms import cache as cache_breaker
    from cms import page_cache

    # What a test that cut Redis off leaves in the process: the breaker's pause and the
    # invalidations kept for later (cms/cache.py, cms/page_cache.py).
    cache_breaker.reset()
    page_cache._unwritten_generations.clear()
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _site_language():
    """Each test starts in the site's language: code that activates a reader's language (an
    e-mail in German, say) and a test that forgets to undo it must not change the next test's."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


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


def xdist_worker_number():
    """0 for the first pytest-xdist worker (or without xdist), 1 for the second, and so on."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    return int(worker[2:]) if worker[2:].isdigit() else 0


# Redis serves databases 0 to 15 unless its configuration says otherwise.
REDIS_DATABASES = 16


def redis_test_url():
    """The real Redis database of this test process: REDIS_TEST_URL's (default 5), plus the
    xdist worker's number, so that two workers never flush each other's keys."""
    base = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/5")
    server, _sep, number = base.rpartition("/")
    database = int(number or 0) + xdist_worker_number()
    if database >= REDIS_DATABASES:
        # Said here, once, rather than as "DB index is out of range" in every cache test.
        raise pytest.UsageError(
            f"REDIS_TEST_URL={base} leaves no Redis database for worker {xdist_worker_number()}: "
            f"pick a lower database number, or fewer workers (-n)."
        )
    return f"{server}/{database}"


# A transactional test (live server, threads on PostgreSQL) ends by flushing the database, which
# takes with it what the migrations made (groups, locales, the root page). Django's runner and
# pytest-django run such tests last for that reason; spread over workers by file (pytest-xdist),
# they would run before other files' tests. So they carry the ``transactional`` mark, and
# `make test` runs them on their own, after the parallel run of the rest.


def _is_transactional(item):
    marker = item.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction") or marker.args[:1] == (True,)):
        return True
    return bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


def pytest_collection_modifyitems(config, items):
    for item in items:
        if _is_transactional(item):
            item.add_marker(pytest.mark.transactional)
