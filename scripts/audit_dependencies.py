"""`make audit`: check every locked dependency against a known-vulnerability database, with pip-audit.

    python scripts/audit_dependencies.py [--lock requirements-dev.lock] [--exceptions audit-exceptions.toml]
                                         [--service auto|pypi|osv] [--osv-url URL]

The development lock holds every runtime pin too (the same versions: tests/test_locks.py), so auditing it audits
both. Exit status: 0 when no known vulnerability is found except accepted ones; 1 when one is found, or when an
accepted exception is malformed or past its review date; 2 when no vulnerability service could be reached, so
nothing was checked. pip-audit on its own would report "could not be audited" for each package and still succeed;
here that is a failure, never a silent pass.

Accepted exceptions live in audit-exceptions.toml: the advisory id, the package, why it is accepted, and the date by
which someone looks at it again (README: "Known vulnerabilities").
"""

import argparse
import datetime
import json
import re
import subprocess
import sys
import tomllib
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYPI_RELEASE_JSON = "https://pypi.org/pypi/{name}/{version}/json"  # what pip-audit's "pypi" service asks
OSV_URL = "https://api.osv.dev/v1/query"  # what pip-audit's "osv" service asks
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)


class Problem(Exception):
    pass


def locked_pins(lock):
    pins = PIN.findall(lock.read_text())
    if not pins:
        raise Problem(f"{lock} pins nothing: is it a lock file?")
    return pins


def accepted_exceptions(path, today):
    """The advisory ids accepted in `path`, checked: each needs an id, a package, a reason and a review date."""
    if not path.exists():
        return {}
    entries = tomllib.loads(path.read_text()).get("exception", [])
    accepted, problems = {}, []
    for number, entry in enumerate(entries, start=1):
        label = f"{path.name}, exception {number} ({entry.get('id', 'no id')})"
        missing = [key for key in ("id", "package", "reason", "review_by") if not entry.get(key)]
        if missing:
            problems.append(f"{label}: missing {', '.join(missing)}")
            continue
        review_by = entry["review_by"]
        if not isinstance(review_by, datetime.date) or isinstance(review_by, datetime.datetime):
            problems.append(f"{label}: review_by must be a date, such as 2027-01-31 (no quotes)")
            continue
        if review_by < today:
            problems.append(
                f"{label}: its review date {review_by} has passed. Upgrade {entry['package']}, or renew the date "
                "with the reason it still holds."
            )
            continue
        accepted[entry["id"]] = entry
    if problems:
        raise Problem("\n".join(problems))
    return accepted


def answers(request, timeout=15):
    """(True, detail) if the URL answers 200, else (False, what happened instead)."""
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - fixed https URLs or --osv-url
            return response.status == 200, f"HTTP {response.status}"
    except urllib.error.HTTPError as error:
        return False, f"HTTP {error.code} {error.reason}"
    except urllib.error.URLError as error:
        return False, str(error.reason)
    except OSError as error:
        return False, str(error)


def probe_pypi(name, version):
    url = PYPI_RELEASE_JSON.format(name=name, version=version)
    ok, detail = answers(urllib.request.Request(url, headers={"Accept": "application/json"}))  # noqa: S310
    return ok, f"PyPI's JSON API: GET {url} -> {detail}"


def probe_osv(osv_url, name, version):
    query = json.dumps({"package": {"name": name, "ecosystem": "PyPI"}, "version": version}).encode()
    request = urllib.request.Request(osv_url, data=query, headers={"Content-Type": "application/json"})  # noqa: S310
    ok, detail = answers(request)
    return ok, f"OSV: POST {osv_url} -> {detail}"


def choose_service(service, osv_url, pins):
    """The pip-audit service to use, after checking it answers for a locked package; Problem if none does."""
    name, version = pins[0]
    tried = []
    if service in ("auto", "pypi"):
        ok, detail = probe_pypi(name, version)
        if ok:
            return "pypi"
        tried.append(detail)
    if service in ("auto", "osv"):
        ok, detail = probe_osv(osv_url, name, version)
        if ok:
            return "osv"
        tried.append(detail)
    raise ConnectionError(
        "No vulnerability service could be reached from this machine, so NO dependency was checked:\n  "
        + "\n  ".join(tried)
        + "\nThe known-vulnerability check needs one of them (docs/deployment.md, 'Supply chain')."
    )


def run_pip_audit(lock, service, osv_url, accepted):
    command = [
        str(Path(sys.executable).parent / "pip-audit"),
        "--requirement",
        str(lock),
        "--require-hashes",
        "--disable-pip",  # audit the locked set exactly as written: no resolution, no install
        "--strict",  # a package that cannot be looked up fails the audit
        "--vulnerability-service",
        service,
        "--progress-spinner",
        "off",
        "--desc",
        "on",
        "--aliases",
        "on",
    ]
    if service == "osv":
        command += ["--osv-url", osv_url]
    for advisory in accepted:
        command += ["--ignore-vuln", advisory]
    return subprocess.run(command, check=False).returncode  # noqa: S603 - our own venv's pip-audit


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lock", type=Path, default=ROOT / "requirements-dev.lock")
    parser.add_argument("--exceptions", type=Path, default=ROOT / "audit-exceptions.toml")
    parser.add_argument("--service", choices=["auto", "pypi", "osv"], default="auto")
    parser.add_argument("--osv-url", default=OSV_URL, help="an OSV-compatible API (a mirror, or a test stand-in)")
    args = parser.parse_args(argv)

    try:
        pins = locked_pins(args.lock)
        accepted = accepted_exceptions(args.exceptions, datetime.date.today())
        service = choose_service(args.service, args.osv_url, pins)
    except Problem as problem:
        print(f"make audit: FAILED\n{problem}", file=sys.stderr)
        return 1
    except ConnectionError as unreachable:
        print(f"make audit: FAILED\n{unreachable}", file=sys.stderr)
        return 2

    print(f"Auditing {len(pins)} pinned packages in {args.lock.name} against {service}.", flush=True)
    for advisory, entry in accepted.items():
        print(f"Accepted until {entry['review_by']}: {advisory} in {entry['package']}: {entry['reason']}", flush=True)
    status = run_pip_audit(args.lock, service, args.osv_url, accepted)
    if status != 0:
        print(
            "make audit: FAILED. Upgrade the package (README: 'Upgrading one package'), or record an accepted "
            "exception in audit-exceptions.toml.",
            file=sys.stderr,
        )
        return 1
    print(
        f"make audit: no known vulnerabilities in {len(pins)} packages"
        + (" except those accepted." if accepted else ".")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
