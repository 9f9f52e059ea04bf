"""Production settings, as the benchmark serves them with gunicorn on a loopback port.

Only what cannot hold on plain HTTP on 127.0.0.1 differs from production; and one middleware
reports each request's SQL queries and server time in response headers, for the harness to read.
Never use these settings for a public server.
"""

from cms import env

if not env.SECRET_KEY or not env.ALLOWED_HOSTS:
    raise RuntimeError("benchmarks/run.py sets SECRET_KEY and ALLOWED_HOSTS; run the harness.")

from cms.settings.production import *  # noqa: E402,F401,F403

# Plain HTTP on the loopback interface: no redirect to HTTPS, no secure-only cookies.
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

# Outermost, so that it times everything Django does for a request (cache hits included).
MIDDLEWARE = ["benchmarks.middleware.RequestCostMiddleware", *MIDDLEWARE]  # noqa: F405

# The harness writes static files of a page's size beside the collected ones (same server,
# same run), and reads the collected ones from here.
STATIC_ROOT = BASE_DIR / "benchmarks" / "results" / "static"  # noqa: F405
MEDIA_ROOT = BASE_DIR / "benchmarks" / "results" / "media"  # noqa: F405
STORAGES["default"] = {  # noqa: F405
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": str(MEDIA_ROOT)},
}

# The immediate backend keeps background work (search indexing, e-mail) inside the seeding
# command rather than waiting for a worker that the benchmark does not run.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# The harness is one client on 127.0.0.1 sending thousands of requests a minute: the per-address
# limits that protect the public site would answer it with 429s, and it would time those.
RATELIMIT_ENABLE = False
