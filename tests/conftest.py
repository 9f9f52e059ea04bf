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


# Demos that tests only read, each loaded once and shared by every test that reads it (see
# SharedDemo): the name of the fixture, and how to build it.
def _build_full_demo():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def _build_mission_demo():
    """Only the mission-page demo (home.demo): the other apps' demos test themselves."""
    from django.core.management.base import BaseCommand

    from home import demo

    command = BaseCommand(stdout=io.StringIO())
    demo.load(command)
    return command.stdout.getvalue()


SHARED_DEMO_BUILDERS = {"full_demo": _build_full_demo, "mission_demo": _build_mission_demo}


@pytest.fixture(autouse=True)
def _media_in_tmp(request, settings, tmp_path):
    """Uploaded files from a test never land in the developer's media folders. Each test has its
    own folder, unless it reads a shared demo, whose files are in the demo's folder."""
    demo, wanted = SharedDemo.active, _shared_demo_of(request.node)
    if wanted and (demo is None or demo.name != wanted):
        # Its module's fixture ran for an earlier test, and the demo was rolled back since.
        raise pytest.UsageError(f"{request.node.nodeid}: the {wanted} is no longer loaded; "
                                "its tests must run one after another")
    root = demo.media_root if wanted else tmp_path
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
    every test starts from the same data without building it again. Only for modules whose tests
    use ``db`` (not ``transactional_db`` or ``live_server``, which flush the database). Its files
    go to ``media_root``. SharedDemo keeps a demo this way for as long as consecutive tests read it.
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


class SharedDemo:
    """A demo loaded once for every consecutive test that reads it, then rolled back.

    Loading the whole demo takes 30 to 60 s; a dozen modules read it, and a dozen more read the
    mission demo. Their tests are put next to each other (``pytest_collection_modifyitems``, and
    one pytest-xdist group each), the demo is loaded when the first of them starts (through its
    module-scoped fixture, so before the test's own ``db`` savepoint) and rolled back when the next
    test does not read it (``pytest_runtest_teardown``). No other test ever sees it:
    ``pytest_runtest_setup`` refuses to run one while a demo is loaded.
    """

    active = None

    def __init__(self, name, django_db_blocker, media_root):
        self.name = name
        self.media_root = media_root
        self._kept = kept_for_the_module(django_db_blocker, media_root,
                                         SHARED_DEMO_BUILDERS[name])

    @classmethod
    def get(cls, name, django_db_blocker, tmp_path_factory):
        if cls.active is not None and cls.active.name != name:
            cls.release()
        if cls.active is None:
            demo = cls(name, django_db_blocker, tmp_path_factory.mktemp(name))
            demo.output = demo._kept.__enter__()
            cls.active = demo
        return cls.active.output

    @classmethod
    def release(cls):
        demo, cls.active = cls.active, None
        if demo is not None:
            demo._kept.__exit__(None, None, None)


@pytest.fixture(scope="module")
def full_demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """Everything ``load_demo`` makes (see SharedDemo); returns the command's output."""
    return SharedDemo.get("full_demo", django_db_blocker, tmp_path_factory)


@pytest.fixture(scope="module")
def mission_demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The mission pages in en/fr/de/ar, snippets, settings and the demo users (see SharedDemo)."""
    return SharedDemo.get("mission_demo", django_db_blocker, tmp_path_factory)


def _shared_demo_of(item):
    names = [name for name in SHARED_DEMO_BUILDERS if name in getattr(item, "fixturenames", ())]
    return names[0] if names else None


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    demo = SharedDemo.active
    if demo is not None and _shared_demo_of(item) != demo.name:
        # Cannot happen in the order pytest_collection_modifyitems gives; said if it ever does.
        raise pytest.UsageError(f"{item.nodeid} would see the {demo.name} of the tests before it")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    yield
    demo = SharedDemo.active
    if demo is not None and (nextitem is None or _shared_demo_of(nextitem) != demo.name):
        SharedDemo.release()


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


def _xdist_group(item):
    """The tests that must run in one process, one after another: the browser journeys share one
    site (a server with the demo, built once), and the readers of each shared demo share it. Any
    other test runs with the rest of its module (as ``--dist loadfile`` would)."""
    if item.nodeid.startswith("tests/e2e/") and "site" in getattr(item, "fixturenames", ()):
        return "browser-site"  # the e2e `site` fixture (other folders have fixtures so named)
    return _shared_demo_of(item) or item.nodeid.split("::")[0]


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config, items):
    # Before every other plugin: the marks (pytest-xdist's loadgroup reads the groups as it
    # collects, in a plain hook of its own). After them: the order (pytest-django sorts the
    # database tests first, which would split the groups this order keeps together).
    for item in items:
        if _is_transactional(item):
            item.add_marker(pytest.mark.transactional)
        item.add_marker(pytest.mark.xdist_group(_xdist_group(item)))
    result = yield
    # The longest groups first (the browser journeys, then the demos' readers), so that each
    # worker starts on one of them and the short modules fill the gaps; then the modules, the
    # largest first. `make test` runs with `--dist loadgroup --no-loadscope-reorder`, so each
    # group goes to one worker whole, in this order.
    groups = {}
    for item in items:
        groups.setdefault(_xdist_group(item), []).append(item)
    first = ["browser-site", *SHARED_DEMO_BUILDERS]
    ordered = [groups.pop(name) for name in first if name in groups]
    ordered += sorted(groups.values(), key=len, reverse=True)
    items[:] = [item for group in ordered for item in group]
    return result
