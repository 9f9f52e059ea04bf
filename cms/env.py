"""Every setting that comes from the environment is read here, and only here.

Settings modules import from this module; nothing else in the project reads ``os.environ``.
"""

import os

import dj_database_url
import dj_email_url


def _bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = _bool("DEBUG", False)
# Development settings debug unless DEBUG=0 says otherwise (to see the friendly error pages).
DEV_DEBUG = _bool("DEBUG", True)
ALLOWED_HOSTS = _list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = _list("CSRF_TRUSTED_ORIGINS")
BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000").rstrip("/")

# How many reverse proxies (load balancer, CDN) stand in front of the app and append to
# X-Forwarded-For. 0: the client is REMOTE_ADDR. Rate limits and login lock-out key on it.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0") or 0)

DATABASE_URL = os.environ.get("DATABASE_URL", "")
REDIS_URL = os.environ.get("REDIS_URL", "")
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "jcmi_")

EMAIL_URL = os.environ.get("EMAIL_URL", "")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "JCMI Network <no-reply@jcmi.example>")
EDITORS_EMAIL = os.environ.get("EDITORS_EMAIL", "editors@jcmi.example")

AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
AWS_PRIVATE_STORAGE_BUCKET_NAME = os.environ.get("AWS_PRIVATE_STORAGE_BUCKET_NAME", "")
AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None

# Crossref deposits (publications.deposits): its test system unless the production one is named.
CROSSREF_SERVER = os.environ.get("CROSSREF_SERVER", "https://test.crossref.org").rstrip("/")
CROSSREF_LOGIN = os.environ.get("CROSSREF_LOGIN", "")
CROSSREF_PASSWORD = os.environ.get("CROSSREF_PASSWORD", "")
CROSSREF_DEPOSIT_ON_PUBLISH = _bool("CROSSREF_DEPOSIT_ON_PUBLISH", False)

DEEPL_API_KEY = os.environ.get("DEEPL_API_KEY", "")
FRONTEND_CACHE_URL = os.environ.get("FRONTEND_CACHE_URL", "")


def database_config(default_sqlite_path):
    if DATABASE_URL:
        return dj_database_url.parse(DATABASE_URL, conn_max_age=60)
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(default_sqlite_path)}


def email_config():
    """Django e-mail settings from EMAIL_URL (smtp://user:pass@host:587/?tls=True), or None."""
    if not EMAIL_URL:
        return None
    return dj_email_url.parse(EMAIL_URL)
