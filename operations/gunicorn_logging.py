"""gunicorn's access and error logs in the shape of the site's own (operations/log_format.py).

Selected in campaign_site/gunicorn.conf.py (`logger_class`). With LOG_FORMAT=json (the default) every line is a JSON
object; an access line holds the method, the path without its query string, the status, the size and the duration,
and nothing about the client: no address, no user agent, no referrer, no headers. Either way the error log goes
through the same redaction as the site's lines (gunicorn writes "Invalid request from ip=<address>").
"""

import os

from gunicorn.glogging import Logger

from .log_format import JSONFormatter, PlainFormatter


def json_logs():
    return os.environ.get("LOG_FORMAT", "json").strip().lower() != "plain"


class SiteLogger(Logger):
    def setup(self, cfg):
        super().setup(cfg)
        # The handlers gunicorn made (stream or file, reopened on USR1) keep working; only their format changes.
        for handler in self.error_log.handlers:
            handler.setFormatter(JSONFormatter() if json_logs() else PlainFormatter(self.error_fmt, self.datefmt))
        if json_logs():
            for handler in self.access_log.handlers:
                handler.setFormatter(JSONFormatter())

    def access(self, resp, req, environ, request_time):
        if not json_logs():
            # access_log_format in gunicorn.conf.py names only fields without personal data.
            return super().access(resp, req, environ, request_time)
        if not self.cfg.accesslog:
            return
        status = resp.status.split(None, 1)[0] if isinstance(resp.status, str) else resp.status
        status = int(status) if str(status).isdigit() else status
        method = environ.get("REQUEST_METHOD", "-")
        path = environ.get("PATH_INFO", "")  # the path alone: the query string is QUERY_STRING, never read here
        fields = {
            "method": method,
            "path": path,
            "status": status,
            "duration_ms": round(request_time.total_seconds() * 1000, 1),
            "response_bytes": getattr(resp, "sent", None),
        }
        self.access_log.info("%s %s %s", method, path, status, extra=fields)
