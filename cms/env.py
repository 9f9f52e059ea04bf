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


def _seconds(name, default):
    value = os.environ.get(name, "").strip()
    return float(value) if value else default


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

# Every wait on another service is bounded, here and only here (seconds). A dependency that
# accepts connections and never answers must cost a request at most these, never minutes: with
# the cache hung a page still renders (without it) in well under 3 s, and a request that needs
# the database answers 503 within 5 s. The README's "Timeouts" section lists them.
DATABASE_CONNECT_TIMEOUT = _seconds("DATABASE_CONNECT_TIMEOUT", 3)  # libpq's minimum is 2
# Server-side: the longest a single SQL statement may run before PostgreSQL cancels it (0: no
# limit, e.g. for a migration that builds an index on a large table).
DATABASE_STATEMENT_TIMEOUT = _seconds("DATABASE_STATEMENT_TIMEOUT", 30)
REDIS_CONNECT_TIMEOUT = _seconds("REDIS_CONNECT_TIMEOUT", 0.5)
REDIS_TIMEOUT = _seconds("REDIS_TIMEOUT", 0.5)
# After a failure the cache is left alone this long, so each request pays one timeout at most
# rather than one per cache call (cms/cache.py).
REDIS_RETRY_AFTER = _seconds("REDIS_RETRY_AFTER", 5)
S3_CONNECT_TIMEOUT = _seconds("S3_CONNECT_TIMEOUT", 2)
S3_READ_TIMEOUT = _seconds("S3_READ_TIMEOUT", 2)
ELASTICSEARCH_TIMEOUT = _seconds("ELASTICSEARCH_TIMEOUT", 3)
# E-mail is sent by the background worker, never in a request: a slow server may take longer.
EMAIL_TIMEOUT = _seconds("EMAIL_TIMEOUT", 10)

EMAIL_URL = os.environ.get("EMAIL_URL", "")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "JCMI Network <no-reply@jcmi.example>")
EDITORS_EMAIL = os.environ.get("EDITORS_EMAIL", "editors@jcmi.example")

AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
AWS_PRIVATE_STORAGE_BUCKET_NAME = os.environ.get("AWS_PRIVATE_STORAGE_BUCKET_NAME", "")
AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None

# Sessions (seconds): the longest a log-in lasts, and a staff session's longest pause.
SESSION_ABSOLUTE_TIMEOUT = _seconds("SESSION_ABSOLUTE_TIMEOUT", 12 * 60 * 60)
STAFF_SESSION_IDLE_TIMEOUT = _seconds("STAFF_SESSION_IDLE_TIMEOUT", 30 * 60)

LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO").upper()

# Crossref deposits (publications.deposits): its test system unless the production one is named.
CROSSREF_SERVER = os.environ.get("CROSSREF_SERVER", "https://test.crossref.org").rstrip("/")
CROSSREF_LOGIN = os.environ.get("CROSSREF_LOGIN", "")
CROSSREF_PASSWORD = os.environ.get("CROSSREF_PASSWORD", "")
CROSSREF_DEPOSIT_ON_PUBLISH = _bool("CROSSREF_DEPOSIT_ON_PUBLISH", False)

DEEPL_API_KEY = os.environ.get("DEEPL_API_KEY", "")
FRONTEND_CACHE_URL = os.environ.get("FRONTEND_CACHE_URL", "")
# Pages compressed by the app (gzip) for browsers that accept it. Turn off (COMPRESS_HTML=0) when
# a proxy or CDN in front compresses them already; static files are compressed either way.
COMPRESS_HTML = _bool("COMPRESS_HTML", True)


def database_config(default_sqlite_path, conn_max_age=60):
    """``conn_max_age``: seconds a PostgreSQL connection is kept for reuse. Development passes 0:
    runserver serves each request in a new thread, and a kept connection per thread piles up
    until PostgreSQL refuses new clients."""
    if DATABASE_URL:
        # Health checks: a connection kept from before a database restart is replaced before
        # use, not found broken by the next visitor's query.
        config = dj_database_url.parse(DATABASE_URL, conn_max_age=conn_max_age,
                                       conn_health_checks=True)
        if config["ENGINE"] == "django.db.backends.postgresql":
            options = config.setdefault("OPTIONS", {})
            options.setdefault("connect_timeout", max(2, round(DATABASE_CONNECT_TIMEOUT)))
            # A server that vanishes mid-query (its host gone, the network cut) is given up on
            # when what was sent stays unacknowledged this long, not after the kernel's minutes.
            options.setdefault("tcp_user_timeout", int(DATABASE_STATEMENT_TIMEOUT * 1000))
            options.setdefault("keepalives", 1)
            options.setdefault("keepalives_idle", 30)
            statement_timeout = f"-c statement_timeout={int(DATABASE_STATEMENT_TIMEOUT * 1000)}"
            options["options"] = " ".join(filter(None, [options.get("options"), statement_timeout]))
        return config
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(default_sqlite_path)}


def email_config():
    """Django e-mail settings from EMAIL_URL (smtp://user:pass@host:587/?tls=True), or None."""
    if not EMAIL_URL:
        return None
    return dj_email_url.parse(EMAIL_URL)
