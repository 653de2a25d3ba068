"""Errors reported to a Sentry-protocol service (Sentry, or a self-hosted GlitchTip), with no personal data.

Off unless SENTRY_DSN is set (settings: "Error reporting"): without it this module is not even imported, no client
exists and nothing is sent anywhere. With it, an event carries the exception and its stack trace (code and line
numbers, no local variables), the view that failed (the transaction), the release (SENTRY_RELEASE) and the
environment, and never the visitor's address, user agent, cookies, headers, query string, request body or the
signed-in user.

The SDK is told to collect none of that (send_default_pii=False, no local variables, no request bodies, no
breadcrumbs, no sessions), and `scrub_event` then keeps only named fields of what it built, so a field a future SDK
version adds is dropped rather than sent. Text that can quote a request (exception messages, log messages) goes
through operations.redaction.
"""

from urllib.parse import urlsplit, urlunsplit

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration

from .redaction import path_without_query, redact

# What an event may carry: everything else the SDK puts in (user, request headers/cookies/body/query/env,
# breadcrumbs, extra, threads, spans ...) is dropped.
EVENT_FIELDS = {
    "event_id",
    "timestamp",
    "level",
    "platform",
    "logger",
    "transaction",
    "transaction_info",
    "release",
    "dist",
    "environment",
    "server_name",
    "sdk",
    "modules",
    "fingerprint",
    "exception",
    "logentry",
    "message",
    "contexts",
    "request",
}
CONTEXTS = {"runtime", "os", "trace"}
REQUEST_FIELDS = {"method", "url"}
FRAME_FIELDS = {
    "filename",
    "abs_path",
    "module",
    "function",
    "lineno",
    "colno",
    "in_app",
    "context_line",
    "pre_context",
    "post_context",
}


def start_error_reporting(dsn, release=None, environment="production"):
    sentry_sdk.init(
        dsn=dsn,
        release=release,
        environment=environment,
        integrations=[DjangoIntegration(transaction_style="function_name")],
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        max_breadcrumbs=0,
        before_send=scrub_event,
        # Errors only: no performance traces, profiles, logs or release-health sessions, and no tracing headers
        # added to the site's own requests to other services (S3, oEmbed providers).
        traces_sample_rate=None,
        auto_session_tracking=False,
        send_client_reports=False,
        enable_logs=False,
        propagate_traces=False,
        trace_propagation_targets=[],
        spotlight=False,
    )


def scrub_event(event, hint=None):
    """The event with only the fields listed above, its texts redacted. Also used as `before_send`."""
    event = {key: value for key, value in event.items() if key in EVENT_FIELDS}
    if "request" in event:
        request = {key: value for key, value in (event["request"] or {}).items() if key in REQUEST_FIELDS}
        if isinstance(request.get("url"), str):
            # The site's own address stays; the path is redacted like a log line, the query string dropped.
            url = urlsplit(request["url"])
            request["url"] = urlunsplit((url.scheme, url.netloc, redact(url.path), "", ""))
        event["request"] = request
    if "contexts" in event:
        event["contexts"] = {key: value for key, value in (event["contexts"] or {}).items() if key in CONTEXTS}
    for exception in (event.get("exception") or {}).get("values") or []:
        if isinstance(exception.get("value"), str):
            exception["value"] = redact(exception["value"])
        stacktrace = exception.get("stacktrace") or {}
        stacktrace["frames"] = [
            {key: value for key, value in frame.items() if key in FRAME_FIELDS}
            for frame in stacktrace.get("frames") or []
        ]
    logentry = event.get("logentry")
    if isinstance(logentry, dict):
        # The message with its parameters filled in, redacted; parameters are not sent on their own.
        formatted = logentry.get("formatted") or logentry.get("message") or ""
        event["logentry"] = {"message": redact(formatted), "formatted": redact(formatted)}
    if isinstance(event.get("message"), str):
        event["message"] = redact(event["message"])
    if isinstance(event.get("transaction"), str):
        event["transaction"] = redact(path_without_query(event["transaction"]))
    return event
