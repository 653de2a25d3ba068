"""What leaves the site when something breaks: the error report and the log lines carry no personal data.

The site runs as in production (gunicorn, production settings) with SENTRY_DSN pointing at a local stand-in for an
error service (tests/error_endpoint.py). The failure is a real one, not a crash endpoint added for the test: the
database loses two tables after a staff member has signed in (as a half-applied migration or a bad restore would
leave it), so the page view and the admin sign-in fail where they read them. Each failing request carries
everything that must not leave: a query string, the client's address in forwarding headers, a user agent, cookies
(the staff member's real session), a made-up header, a referrer and, for the sign-in, a body with an email address
and a password.
"""

import json
import re
import socket
import sqlite3
import subprocess
import sys
from types import SimpleNamespace

import pytest
import requests
from django.db import connection
from django_otp.oath import totp

from tests.error_endpoint import ErrorEndpoint
from tests.servers import ROOT, free_port, production_env, run_manage, served_site_env, start_gunicorn, stop

# The app server here always runs on its own SQLite file, whatever database the suite uses: once is enough.
pytestmark = [
    pytest.mark.xdist_group(__name__),  # one xdist worker serves the module's site, once
    pytest.mark.skipif(
        connection.vendor == "postgresql",
        reason="uses its own SQLite database whatever the suite's: runs in `make test` (CI runs both)",
    ),
]

STAFF_EMAIL = "staff-member@example.org"
STAFF_PASSWORD = "a-long-staff-passphrase-19"  # noqa: S105
RELEASE = "hardcalls@19.0.0-test"
CSRF = "q7Wc2nS9kVx4Lr8Tb3Zf6Yh1Jd5Gm0Pa"  # any well-formed token the browser holds
VISITOR = {
    "query": "via=radio&name=secret-query-marker",
    "address": "203.0.113.77",
    "other_address": "198.51.100.23",
    "user_agent": "Mozilla/5.0 (SecretPhone; identifying-user-agent-marker)",
    "header": "secret-header-marker",
    "referrer": "https://referrer.example/secret-referrer-marker",
    "body_email": "visitor-secret@example.org",
    "body_password": "body-password-marker",
}


CLICK_ID = "gclid=EAIaIQobChMI-click-id-marker"
UA_LINE = b"User-Agent: " + VISITOR["user_agent"].encode() + b"\r\n"
BAD_REQUESTS = [
    # A request line longer than gunicorn's limit: "Invalid request from ip=...: Request Line is too large".
    b"GET /" + b"a" * 5000 + b"?" + CLICK_ID.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n" + UA_LINE + b"\r\n",
    # Bad bytes in a header's value, and in a header's name.
    b"GET /?" + CLICK_ID.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Bad: \x00\x01\r\n" + UA_LINE + b"\r\n",
    b"GET /?" + CLICK_ID.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nX B\xff: 1\r\n" + UA_LINE + b"\r\n",
    # A bad method, a bad version, too many headers.
    b"G\x01T /?" + CLICK_ID.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n" + UA_LINE + b"\r\n",
    b"GET /?" + CLICK_ID.encode() + b" HTTP/9.9\r\nHost: 127.0.0.1\r\n" + UA_LINE + b"\r\n",
    b"GET /?" + CLICK_ID.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n" + b"X-N: 1\r\n" * 150 + b"\r\n",
    # A long query string (an ad click id is ~100 characters) makes Django's cache warn with the full key.
    b"GET /robots.txt?"
    + CLICK_ID.encode()
    + b"&x="
    + b"q" * 300
    + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    + UA_LINE
    + b"\r\n",
]


def send_raw(port, request):
    with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
        raw.sendall(request)
        raw.recv(1024)


# A staff member with an authenticator app, made through the models as an administrator would; prints its key.
CREATE_STAFF = f"""
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice
user = get_user_model().objects.create_superuser("staff-member", "{STAFF_EMAIL}", "{STAFF_PASSWORD}")
print(TOTPDevice.objects.create(user=user, name="phone", confirmed=True).key)
"""


def sign_in(base, totp_key):
    """Password, then the code from the authenticator app, through the admin's own forms."""
    session = requests.Session()
    form = session.get(f"{base}/admin/login/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    response = session.post(
        f"{base}/admin/login/",
        data={"username": "staff-member", "password": STAFF_PASSWORD, "csrfmiddlewaretoken": token},
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code == 302, response.text[:1000]
    form = session.get(f"{base}/admin/2fa/auth", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    code = f"{totp(bytes.fromhex(totp_key)):06d}"
    response = session.post(
        f"{base}/admin/2fa/auth", data={"otp_token": code, "csrfmiddlewaretoken": token}, allow_redirects=False
    )
    assert response.status_code == 302, response.text[:1000]
    assert session.get(f"{base}/admin/", allow_redirects=False, timeout=30).status_code == 200
    return session


def identifying_headers():
    return {
        "User-Agent": VISITOR["user_agent"],
        "X-Forwarded-For": f"{VISITOR['address']}, {VISITOR['other_address']}",
        "X-Real-IP": VISITOR["address"],
        "Forwarded": f"for={VISITOR['address']}",
        "X-Campaign-Test": VISITOR["header"],
        "Referer": VISITOR["referrer"],
    }


@pytest.fixture(scope="module")
def incident(tmp_path_factory, make_run_template):
    folder = tmp_path_factory.mktemp("incident")
    database = folder / "site.sqlite3"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    site_env = {
        # The database as migrations leave it, and the static files `make run` collects (made once per run).
        **served_site_env(folder, make_run_template, demo=False),
        "GUNICORN_ACCESS_LOG": "-",
        "LOG_LEVEL": "INFO",
        "SENTRY_RELEASE": RELEASE,
        "SENTRY_ENVIRONMENT": "test",
    }
    env = production_env(port, **site_env)
    totp_key = run_manage(env, "shell", "-c", CREATE_STAFF).split()[-1]
    log_path = folder / "gunicorn.log"

    with ErrorEndpoint() as endpoint:
        server = start_gunicorn(port, log_path, SENTRY_DSN=endpoint.dsn, **site_env)
        try:
            staff = sign_in(base, totp_key)
            session_key = staff.cookies["sessionid"]
            with sqlite3.connect(database) as db:
                db.execute("DROP TABLE wagtailcore_site")
                db.execute("DROP TABLE auth_user")

            # 1. A signed-in staff member opens the home page, with everything that identifies a person.
            page = staff.get(f"{base}/?{VISITOR['query']}", headers=identifying_headers(), timeout=30)
            # 2. Someone signs in: the body holds an email address and a password.
            signing_in = requests.post(
                f"{base}/admin/login/?next=/admin/&{VISITOR['query']}",
                data={
                    "username": VISITOR["body_email"],
                    "password": VISITOR["body_password"],
                    "csrfmiddlewaretoken": CSRF,
                },
                headers=identifying_headers(),
                cookies={"csrftoken": CSRF},
                allow_redirects=False,
                timeout=30,
            )
            # 3. A malformed request, which gunicorn itself logs with the sender's address.
            with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
                raw.sendall(b"NOT A REQUEST LINE\r\n\r\n")
                raw.recv(1024)
            events = endpoint.wait_for_events(2)
            # 4. The requests gunicorn and Django warn about in their own words: each carries an ad click id and
            # a user agent, and gunicorn knows the sender's address.
            for request in BAD_REQUESTS:
                send_raw(port, request)
        finally:
            stop(server)
        envelopes = list(endpoint.envelopes)

    return SimpleNamespace(
        base=base,
        page=page,
        signing_in=signing_in,
        events=events,
        envelopes=envelopes,
        session_key=session_key,
        log=log_path.read_text(),
    )


def secrets_of(incident):
    return [
        VISITOR["query"],
        "secret-query-marker",
        "click-id-marker",
        "qqqqqqqqqq",
        VISITOR["address"],
        VISITOR["other_address"],
        "identifying-user-agent-marker",
        VISITOR["header"],
        "secret-referrer-marker",
        VISITOR["body_email"],
        VISITOR["body_password"],
        STAFF_EMAIL,
        STAFF_PASSWORD,
        incident.session_key,
        CSRF,
    ]


def test_the_failures_are_real_server_errors_with_the_call_to_action(incident):
    for response in (incident.page, incident.signing_in):
        assert response.status_code == 500
        assert 'href="tel:0800555111"' in response.text  # the 500 page, which needs no database


def test_the_error_report_carries_the_exception_the_view_and_the_release(incident):
    by_view = {event["transaction"]: event for event in incident.events}
    assert len(incident.events) == 2
    assert set(by_view) == {"wagtail.views.serve", "wagtail.admin.views.account.LoginView"}
    for event in incident.events:
        assert event["release"] == RELEASE
        assert event["environment"] == "test"
        exception = event["exception"]["values"][-1]
        assert exception["type"] == "OperationalError"
        assert "no such table" in exception["value"]
        frames = exception["stacktrace"]["frames"]
        assert len(frames) > 5
        assert any(frame.get("module", "").startswith("django.db") for frame in frames)
        assert all("vars" not in frame for frame in frames)  # no local variables: they can hold anything
        assert event["request"] == {"method": event["request"]["method"], "url": event["request"]["url"]}
    # The address of the page, without its query string.
    assert by_view["wagtail.views.serve"]["request"] == {"method": "GET", "url": f"{incident.base}/"}
    assert by_view["wagtail.admin.views.account.LoginView"]["request"] == {
        "method": "POST",
        "url": f"{incident.base}/admin/login/",
    }


def test_no_personal_data_reaches_the_error_service(incident):
    # Everything the service received, every byte of every envelope: events and anything else.
    received = b"\n".join(envelope.raw for envelope in incident.envelopes).decode()
    for secret in secrets_of(incident):
        assert secret not in received, secret
    for event in incident.events:
        assert "user" not in event
        assert "breadcrumbs" not in event
        assert set(event["request"]) <= {"method", "url"}  # no headers, cookies, query string, body or environ
    assert "ip_address" not in received
    assert "REMOTE_ADDR" not in received
    assert "HTTP_USER_AGENT" not in received and "User-Agent" not in received
    # Errors only: no sessions, client reports, traces or logs.
    assert {item_header["type"] for envelope in incident.envelopes for item_header, _ in envelope.items} == {"event"}


def log_lines(incident):
    return [line for line in incident.log.splitlines() if line.strip()]


def test_every_log_line_is_one_json_object(incident):
    lines = log_lines(incident)
    assert len(lines) > 5
    for line in lines:
        entry = json.loads(line)
        assert {"time", "level", "logger", "message"} <= set(entry), line
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", entry["time"])


def test_access_and_error_lines_name_the_path_status_and_duration(incident):
    entries = [json.loads(line) for line in log_lines(incident)]
    access = [entry for entry in entries if entry["logger"] == "gunicorn.access"]
    page = next(entry for entry in access if entry["path"] == "/" and entry["method"] == "GET")
    assert page["status"] == 500
    assert isinstance(page["duration_ms"], int | float)
    assert page["message"] == "GET / 500"
    # The staff member's sign-in (302), then the failed one (500).
    sign_ins = [entry for entry in access if entry["path"] == "/admin/login/" and entry["method"] == "POST"]
    assert [entry["status"] for entry in sign_ins] == [302, 500]

    errors = [entry for entry in entries if entry["logger"] == "django.request"]
    assert {(entry["path"], entry["status"]) for entry in errors} == {("/", 500), ("/admin/login/", 500)}
    for entry in errors:
        assert entry["level"] == "ERROR"
        assert entry["message"] == f"Internal Server Error: {entry['path']}"
        assert "OperationalError: no such table" in entry["exception"]

    # gunicorn's own warning about the malformed request names the sender as "ip=<address>": redacted.
    invalid = next(entry for entry in entries if entry["message"].startswith("Invalid request from"))
    assert invalid["logger"] == "gunicorn.error"
    assert invalid["message"].startswith("Invalid request from ip=[address]:")


def test_gunicorns_and_djangos_own_warnings_name_no_one(incident):
    entries = [json.loads(line) for line in log_lines(incident)]
    invalid = [entry["message"] for entry in entries if entry["message"].startswith("Invalid request from")]
    # The malformed request of step 3, then each of step 4's but the last (which gunicorn accepts).
    assert len(invalid) == 1 + len(BAD_REQUESTS) - 1
    for message in invalid:
        assert message.startswith("Invalid request from ip=[address]: ")
    assert any("Request Line is too large" in message for message in invalid)
    # The page cache's keys are digests, so Django's cache no longer warns with a visitor's query string; any
    # warning that does reach the log went through the redaction (test_python_warnings_go_through_the_redaction).
    assert not any("CacheKeyWarning" in entry["message"] for entry in entries)


def test_python_warnings_go_through_the_redaction():
    # A library's warning (Django's CacheKeyWarning quoted whole keys, query strings and all) is a JSON log line
    # with the query and the address redacted, not raw text on stderr. In a process of its own: pytest records
    # warnings itself, which would hide what production does.
    warn = (
        "import warnings, django; django.setup(); from django.core.cache.backends.base import CacheKeyWarning; "
        "warnings.warn('Cache key for /robots.txt?gclid=abc123 from 203.0.113.9 is too long', CacheKeyWarning)"
    )
    result = subprocess.run(
        [sys.executable, "-c", warn], cwd=ROOT, env=production_env(free_port()), capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    (line,) = [line for line in result.stderr.splitlines() if "CacheKeyWarning" in line]
    entry = json.loads(line)
    assert entry["logger"] == "py.warnings" and entry["level"] == "WARNING"
    assert "/robots.txt?[query]" in entry["message"] and "[address]" in entry["message"]
    assert "abc123" not in line and "203.0.113.9" not in line


def test_no_log_line_identifies_anyone(incident):
    # The requests came from 127.0.0.1: that address is nowhere, nor anything else about the senders.
    for secret in [*secrets_of(incident), "127.0.0.1"]:
        assert secret not in incident.log, secret


def test_without_a_dsn_nothing_is_initialised():
    check = (
        "import sys, django; django.setup(); import sentry_sdk; client = sentry_sdk.get_client(); "
        "print(client.is_active(), client.transport is None, 'operations.error_reporting' in sys.modules)"
    )
    env = production_env(free_port())
    assert "SENTRY_DSN" not in env
    output = subprocess.run(
        [sys.executable, "-c", check], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout
    assert output.split() == ["False", "True", "False"]

    # The same check with a DSN: the switch is the DSN, and nothing else.
    env["SENTRY_DSN"] = "http://key@127.0.0.1:9/1"
    output = subprocess.run(
        [sys.executable, "-c", check], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout
    assert output.split() == ["True", "False", "True"]
