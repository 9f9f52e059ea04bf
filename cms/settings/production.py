from django.core.exceptions import ImproperlyConfigured

from cms import env
from cms.logs import logging_config

from .base import *  # noqa: F401,F403

DEBUG = False
if not env.SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
if not env.ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production.")

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# Every record (unhandled exceptions with their traceback included) as one JSON line on standard
# error, with the request's id: see cms/logs.py.
LOGGING = logging_config(env.LOG_LEVEL)
