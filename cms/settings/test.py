from cms import env

from .base import *  # noqa: F401,F403

DEBUG = False
SECRET_KEY = "test-only-key-0123456789abcdefghijklmnopqrstuvwxyz"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
}
WAGTAILADMIN_BASE_URL = "http://testserver"
if not env.REDIS_URL:
    CACHES = {  # noqa: F405 -- each test process gets its own memory cache
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "renditions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "r"},
    }
# Serve static files straight from the app folders; no collectstatic needed here.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Tests change content without publishing; the page-cache tests switch the cache on themselves.
PAGE_CACHE_ENABLED = False
# A page type that stands in for other apps' pages in the search tests.
INSTALLED_APPS = INSTALLED_APPS + ["tests.search.testapp"]  # noqa: F405
# Login lock-out and rate limits count across tests in one process (the cache outlives each
# test's transaction), so a suite that logs in or posts a form often would trip them by chance.
# tests/security switches them on where they are the subject of the test.
AXES_ENABLED = False
RATELIMIT_ENABLE = False
# Without Redis the cache is per process, which django-ratelimit rightly warns about; a single
# development or test process counts correctly all the same. Production keeps the check.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
