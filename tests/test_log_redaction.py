"""The one redaction every log line and error report goes through, and the JSON line Django's records become.

The end-to-end run (tests/test_error_reports_and_logs.py) covers a real gunicorn on 127.0.0.1; these cover the forms
a message can take that a loopback test cannot produce: IPv6 peers, addresses inside library messages, query strings
in warnings. Django's own log records are made by Django, from real requests.
"""

import json
import logging

import pytest
from django.http import HttpResponseServerError
from django.test import RequestFactory
from django.utils.log import log_response

from operations.log_format import JSONFormatter
from operations.redaction import redact


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # gunicorn's warning for a malformed request, from IPv4, IPv6 and IPv4-mapped peers
        (
            "Invalid request from ip=203.0.113.9: Invalid HTTP request line: 'x'",
            "Invalid request from ip=[address]: Invalid HTTP request line: 'x'",
        ),
        (
            "Invalid request from ip=2001:db8::17: Invalid HTTP Version",
            "Invalid request from ip=[address]: Invalid HTTP Version",
        ),
        ("Invalid request from ip=::ffff:198.51.100.4: bad", "Invalid request from ip=[address]: bad"),
        # addresses a library quotes in its own words
        ("Connection to 10.0.3.7 timed out", "Connection to [address] timed out"),
        ("peer fe80::1%eth0 reset", "peer [address] reset"),
        ("from 2001:0db8:0000:0000:0000:ff00:0042:8329", "from [address]"),
        # query strings after a path or an address, as Django's warnings and redirects quote them
        ("Not Found: /stories/lillian/?via=radio&ref=abc", "Not Found: /stories/lillian/?[query]"),
        (
            "Redirecting to https://hardcalls.example.org/x/?next=/admin/#top",
            "Redirecting to https://hardcalls.example.org/x/?[query]#top",
        ),
        ("Key (email)=(someone@example.org) already exists.", "Key (email)=([email]) already exists."),
        # what must survive: times, versions, prose, regular expressions
        (
            "Worker booted at 12:30:45 (Django 5.2.19, Python 3.11.7)",
            "Worker booted at 12:30:45 (Django 5.2.19, Python 3.11.7)",
        ),
        ("Are you sure? The page was not saved.", "Are you sure? The page was not saved."),
        (r"pattern ^((?:[\w\-]+/)*)$ matched", r"pattern ^((?:[\w\-]+/)*)$ matched"),
    ],
)
def test_redact(message, expected):
    assert redact(message) == expected


def django_request_lines(emit):
    """The JSON lines the site's formatter makes of what django.request logs while `emit` runs."""
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        emit()
    finally:
        logger.removeHandler(handler)
    return [JSONFormatter().format(record) for record in records]


def test_a_django_request_line_names_the_path_without_query_and_nothing_about_the_client():
    request = RequestFactory().get(
        "/stories/lillian/",
        {"via": "radio", "name": "secret-query-marker"},
        REMOTE_ADDR="203.0.113.9",
        HTTP_USER_AGENT="identifying-user-agent-marker",
        HTTP_X_FORWARDED_FOR="198.51.100.4",
        HTTP_COOKIE="sessionid=secret-cookie-marker",
    )

    def emit():
        # As Django logs a failed request (django.utils.log.log_response), quoting the full path for the test's sake,
        # then a traceback whose message quotes it too.
        log_response(
            "Internal Server Error: %s", request.get_full_path(), response=HttpResponseServerError(), request=request
        )
        try:
            raise ValueError(f"failed for {request.get_full_path()}")
        except ValueError:
            logging.getLogger("django.request").exception("Failed", extra={"request": request, "status_code": 500})

    lines = django_request_lines(emit)
    first, second = (json.loads(line) for line in lines)
    assert first == {
        "time": first["time"],
        "level": "ERROR",
        "logger": "django.request",
        "message": "Internal Server Error: /stories/lillian/?[query]",
        "path": "/stories/lillian/",
        "method": "GET",
        "status": 500,
    }
    assert second["path"] == "/stories/lillian/"
    assert "ValueError: failed for /stories/lillian/?[query]" in second["exception"]
    for line in lines:
        for secret in (
            "secret-query-marker",
            "203.0.113.9",
            "198.51.100.4",
            "identifying-user-agent-marker",
            "secret-cookie",
        ):
            assert secret not in line
