from cms import env

from .base import *  # noqa: F401,F403

DEBUG = env.DEV_DEBUG
SECRET_KEY = env.SECRET_KEY or "dev-only-key-not-for-production-use-0123456789abcdef"
ALLOWED_HOSTS = env.ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]
# A new connection per request: runserver's request threads would each keep one open otherwise.
DATABASES = {"default": env.database_config(BASE_DIR / "db.sqlite3", conn_max_age=0)}  # noqa: F405
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
# Serve static files straight from the app folders; no collectstatic needed here.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Without Redis the cache is per process, which django-ratelimit rightly warns about; a single
# development or test process counts correctly all the same. Production keeps the check.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
