"""Logs a log shipper can read: one JSON object per line on standard error, each carrying the
id of the request it belongs to.

``RequestIdMiddleware`` gives every request an id (the one a trusted front proxy sent in
``X-Request-ID``, else a new one), returns it in the ``X-Request-ID`` response header and shows
it on the error pages, so a visitor's report, the proxy's access log and the traceback here can
be matched. ``RequestIdFilter`` puts it on every record logged while the request runs.
"""

import contextvars
import json
import logging
import re
import uuid
from datetime import UTC, datetime

REQUEST_ID_HEADER = "X-Request-ID"
# What we accept from upstream: short and plain, so it cannot forge log lines or headers.
_ACCEPTED_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
_request_id = contextvars.ContextVar("request_id", default="")

# Attributes every LogRecord has; anything else was passed in ``extra`` and is logged too.
_STANDARD_ATTRIBUTES = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message", "asctime", "request_id",
}


def current_request_id():
    return _request_id.get()


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        offered = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = offered if _ACCEPTED_ID.match(offered) else uuid.uuid4().hex
        request.request_id = request_id
        token = _request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _request_id.reset(token)
        response[REQUEST_ID_HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = _request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """One line per record: time, level, logger, message, request id, the traceback if any,
    and whatever the caller passed in ``extra`` (Django adds ``status_code``)."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", ""),
        }
        for name, value in vars(record).items():
            if name not in _STANDARD_ATTRIBUTES and not name.startswith("_"):
                entry[name] = value if isinstance(value, (str, int, float, bool)) else str(value)
        if record.exc_info:
            entry["exc_info"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack_info"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def logging_config(level="INFO"):
    """LOGGING for production: everything, Django's own loggers included, as JSON lines on
    standard error (no e-mail to ADMINS: the log is the one place to look)."""
    handler = {"class": "logging.StreamHandler", "stream": "ext://sys.stderr",
               "formatter": "json", "filters": ["request_id"]}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "cms.logs.RequestIdFilter"}},
        "formatters": {"json": {"()": "cms.logs.JsonFormatter"}},
        "handlers": {"stderr": handler},
        "root": {"handlers": ["stderr"], "level": level},
        "loggers": {
            # Django's default configuration mails errors to ADMINS and prints elsewhere; here
            # its records go to the root handler like everyone else's.
            "django": {"handlers": [], "level": level, "propagate": True},
            "django.server": {"handlers": [], "level": level, "propagate": True},
        },
    }
