"""Settings for the site the browser journeys run against: the test settings, with a database,
media folders and a mail folder of the journey run's own (given by the fixture that starts the
server), and the page cache on, as in production."""

import os

import dj_database_url

from cms.settings.test import *  # noqa: F401,F403

# Test infrastructure, not the project: the e2e fixture passes these to the server it starts.
DATABASES = {"default": dj_database_url.parse(os.environ["E2E_DATABASE_URL"])}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A throwaway database: no need to wait for the disk on every migration.
    # Writers take the lock when their transaction begins (Django 5.1+): a transaction that
    # reads and then writes while another request writes would otherwise fail at once with
    # "database is locked" instead of waiting (runserver serves the browser's requests at once).
    DATABASES["default"]["OPTIONS"] = {"init_command": "PRAGMA synchronous=OFF;",
                                       "transaction_mode": "IMMEDIATE", "timeout": 20}
MEDIA_ROOT = os.environ["E2E_MEDIA_ROOT"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": MEDIA_ROOT},
    },
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": os.environ["E2E_PRIVATE_MEDIA_ROOT"], "base_url": None},
    },
}
# Uploaded media are served by the app itself, as in development (DEBUG stays off).
ROOT_URLCONF = "tests.e2e.urls"
# The address the site gives in the e-mails it sends (reviewer invitations, decisions).
WAGTAILADMIN_BASE_URL = os.environ.get("E2E_SITE_URL", WAGTAILADMIN_BASE_URL)  # noqa: F405
# Every e-mail the site sends lands as a file in the run's mail folder, where a journey reads
# it as its recipient would (the link that verifies a new account, a reviewer's invitation).
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["E2E_EMAIL_DIR"]
# Production-like: anonymous visitors get whole pages from the page cache (cms/page_cache.py;
# the cache is the test settings' local memory, which the single server process owns), so a
# journey that publishes a page and then reads it as a visitor checks the cache's invalidation.
# (A change made through `manage.py shell` in another process does not reach this cache: the
# journeys change pages through the site only.)
PAGE_CACHE_ENABLED = True
# Login lock-out (django-axes) and rate limits stay off, on purpose: the journeys log the demo
# accounts in many times and register, submit and search from one address (127.0.0.1) within
# seconds, which is what those defences exist to stop, so they would cut a journey off at a
# point that depends on the order of the tests. tests/security switches both on and checks them.
AXES_ENABLED = False
RATELIMIT_ENABLE = False
