"""`make audit` (scripts/audit_dependencies.py): real pip-audit over the real development lock.

The vulnerability database is a local stand-in speaking OSV's API (pip-audit's --osv-url), which knows one advisory
for the locked `six`: the check must fail on it, pass when it is accepted with a reason and a future review date,
fail again once that date has passed, and fail, saying so, when no service answers at all.
"""

import json
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.servers import ROOT, free_port

ADVISORY = "TEST-2026-0019"
ALIAS = "CVE-2026-99919"


def locked_version(name):
    for line in (ROOT / "requirements-dev.lock").read_text().splitlines():
        if line.startswith(f"{name}=="):
            return line.split("==")[1].split()[0]
    raise AssertionError(f"{name} is not in the lock")


@pytest.fixture(scope="module")
def osv():
    six = locked_version("six")
    queries = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - the http.server API
            query = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            queries.append(query)
            answer = {}
            if query["package"]["name"] == "six" and query["version"] == six:
                answer = {
                    "vulns": [
                        {
                            "id": ADVISORY,
                            "aliases": [ALIAS],
                            "summary": "A made-up advisory for the test",
                            "affected": [
                                {
                                    "package": {"name": "six", "ecosystem": "PyPI"},
                                    "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "99"}]}],
                                }
                            ],
                        }
                    ]
                }
            body = json.dumps(answer).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1/query", queries
    server.shutdown()
    server.server_close()


def audit(osv_url, exceptions):
    return subprocess.run(
        [
            sys.executable,
            "scripts/audit_dependencies.py",
            "--service=osv",
            f"--osv-url={osv_url}",
            f"--exceptions={exceptions}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def exception_entry(advisory, review_by):
    return (
        f'[[exception]]\nid = "{advisory}"\npackage = "six"\n'
        f'reason = "Test: the affected code path is not used"\nreview_by = {review_by}\n'
    )


def test_a_known_vulnerability_fails_the_audit_and_every_locked_package_is_checked(osv, tmp_path):
    url, queries = osv
    queries.clear()
    result = audit(url, tmp_path / "none.toml")
    assert result.returncode == 1, result.stdout + result.stderr
    reported = next(line for line in result.stdout.splitlines() if line.startswith("six "))
    assert ADVISORY in reported or ALIAS in reported
    locked = {
        line.split("==")[0].lower()
        for line in (ROOT / "requirements-dev.lock").read_text().splitlines()
        if "==" in line
    }
    asked = {query["package"]["name"] for query in queries}
    assert locked <= asked | {name.replace("_", "-") for name in asked}
    assert {"django", "wagtail", "django-otp", "sentry-sdk"} <= asked


def test_an_accepted_exception_with_a_future_review_date_passes(osv, tmp_path):
    url, _ = osv
    exceptions = tmp_path / "audit-exceptions.toml"
    exceptions.write_text(exception_entry(ADVISORY, "2999-01-31"))
    result = audit(url, exceptions)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Accepted until 2999-01-31: {ADVISORY} in six" in result.stdout
    assert "no known vulnerabilities" in result.stdout

    # Accepting it under its alias works too.
    exceptions.write_text(exception_entry(ALIAS, "2999-01-31"))
    assert audit(url, exceptions).returncode == 0


def test_an_exception_past_its_review_date_fails(osv, tmp_path):
    url, _ = osv
    exceptions = tmp_path / "audit-exceptions.toml"
    exceptions.write_text(exception_entry(ADVISORY, "2020-01-31"))
    result = audit(url, exceptions)
    assert result.returncode == 1
    assert "its review date 2020-01-31 has passed" in result.stderr


def test_an_exception_without_a_reason_fails(osv, tmp_path):
    url, _ = osv
    exceptions = tmp_path / "audit-exceptions.toml"
    exceptions.write_text(f'[[exception]]\nid = "{ADVISORY}"\npackage = "six"\nreview_by = 2999-01-31\n')
    result = audit(url, exceptions)
    assert result.returncode == 1
    assert "missing reason" in result.stderr


def test_no_reachable_service_fails_loudly(tmp_path):
    result = audit(f"http://127.0.0.1:{free_port()}/v1/query", tmp_path / "none.toml")
    assert result.returncode == 2
    assert "NO dependency was checked" in result.stderr


def test_the_repository_exceptions_file_is_valid():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import datetime

        from audit_dependencies import accepted_exceptions

        accepted_exceptions(ROOT / "audit-exceptions.toml", datetime.date.today())
    finally:
        sys.path.remove(str(ROOT / "scripts"))
