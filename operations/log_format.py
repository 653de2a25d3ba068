"""Log lines a machine can read: one JSON object per line, with nothing that identifies a visitor.

Used by Django's LOGGING (settings: "Logging") for our own and every library's log lines, and by gunicorn's access
and error logs (operations/gunicorn_logging.py), so all of them share one shape:

    {"time": "2026-12-02T19:49:04.123Z", "level": "ERROR", "logger": "django.request",
     "message": "Internal Server Error: /stories/", "path": "/stories/", "status": 500, "exception": "Traceback ..."}

`path`, `status`, `duration_ms` (and `method`, `bytes` on access lines) appear when the line is about a request.
Fields are chosen one by one: a record's other attributes (the request object, headers, the client's address) are
never written. Message and traceback text goes through operations.redaction, which removes addresses, query strings
and email addresses that a library may have put in its message. Plain stdlib: gunicorn's master loads it too.
"""

import json
import logging
import logging.config
from datetime import UTC, datetime

from .redaction import path_without_query, redact


def configure_logging(config):
    """Django's LOGGING_CONFIG: the dictionary config, and Python's warnings sent through it.

    Without this a warning (Django's CacheKeyWarning names the whole cache key, query string and all) is printed
    raw to stderr, past every formatter and so past the redaction. Django 5.2 does not capture them itself.
    """
    logging.config.dictConfig(config)
    logging.captureWarnings(True)


class JSONFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC)
            .isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
        }
        entry.update(request_fields(record))
        if record.exc_info:
            entry["exception"] = redact(self.formatException(record.exc_info))
        elif record.exc_text:
            entry["exception"] = redact(record.exc_text)
        if record.stack_info:
            entry["stack"] = redact(self.formatStack(record.stack_info))
        return json.dumps(entry, ensure_ascii=False, default=str)


class PlainFormatter(logging.Formatter):
    """The human-readable alternative (LOG_FORMAT=plain), under the same redaction."""

    def format(self, record):
        return redact(super().format(record))


def request_fields(record):
    """Path (without its query), status and duration of the request a record is about, when it is about one.

    gunicorn's access lines carry them as attributes (operations/gunicorn_logging.py); Django's django.request and
    django.security lines carry the request object and `status_code`, of which only the path is read.
    """
    fields = {}
    path = getattr(record, "path", None)
    request = getattr(record, "request", None)
    if path is None:
        path = getattr(request, "path", None)
    if isinstance(path, str):
        fields["path"] = redact(path_without_query(path))
    method = getattr(record, "method", None) or getattr(request, "method", None)
    if isinstance(method, str):
        fields["method"] = method
    status = getattr(record, "status_code", None) or getattr(record, "status", None)
    if isinstance(status, int):
        fields["status"] = status
    for attribute, key in (("duration_ms", "duration_ms"), ("response_bytes", "bytes")):
        value = getattr(record, attribute, None)
        if value is not None:
            fields[key] = value
    return fields
