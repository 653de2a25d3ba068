"""gunicorn settings, from the environment. The access log carries no client address or user agent."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# Recycle workers now and then so a slow leak can never grow; jitter keeps them from restarting together.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "200"))
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
# LOG_FORMAT=plain only: time, request line, status, size, duration. Deliberately no %(h)s (address), no %(a)s (user
# agent) and %(U)s (the path) rather than %(r)s (which holds the query string).
access_log_format = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
errorlog = "-"

# --- Logging (issue 19) ---
# One JSON object per line for the access and error logs (LOG_FORMAT=json, the default), in the shape of the site's
# own lines, and the same redaction of addresses and query strings either way (operations/gunicorn_logging.py,
# docs/deployment.md).
logger_class = "operations.gunicorn_logging.SiteLogger"
