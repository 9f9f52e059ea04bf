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
