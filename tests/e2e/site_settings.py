"""Settings for the site the browser journeys run against: the test settings, with a database
and media folder of the journey run's own (given by the fixture that starts the server)."""

import os

import dj_database_url

from cms.settings.test import *  # noqa: F401,F403

# Test infrastructure, not the project: the e2e fixture passes these to the server it starts.
DATABASES = {"default": dj_database_url.parse(os.environ["E2E_DATABASE_URL"])}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A throwaway database: no need to wait for the disk on every migration.
    DATABASES["default"]["OPTIONS"] = {"init_command": "PRAGMA synchronous=OFF;"}
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
