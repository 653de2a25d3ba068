"""The lock files are what every install reads (Makefile, Dockerfile): check they can be trusted as written.

Every package pinned to one version with at least one hash; every direct pin of requirements*.txt locked at that
version; the development lock pins the runtime lock's packages at the same versions; nothing in them names this
machine (a local index, a find-links folder, a file path).
"""

import re

import pytest

from tests.servers import ROOT

# "name==version \" then one or more "    --hash=sha256:<64 hex>" lines.
ENTRY = re.compile(
    r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>\S+) \\\n"
    r"(?P<hashes>(?:    --hash=sha256:[0-9a-f]{64}(?: \\)?\n)+)",
    re.M,
)
DIRECT_PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==(?P<version>\S+)", re.M)


def canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def entries(lock):
    text = (ROOT / lock).read_text()
    found = {canonical(match["name"]): match["version"] for match in ENTRY.finditer(text)}
    requirement_lines = [line for line in text.splitlines() if line and not line.startswith((" ", "#"))]
    assert len(requirement_lines) == len(found), "a line that is not a hashed pin: " + str(
        [line for line in requirement_lines if canonical(line.split("==")[0]) not in found]
    )
    return found


@pytest.mark.parametrize("lock", ["requirements.lock", "requirements-dev.lock"])
def test_every_locked_package_has_one_version_and_hashes(lock):
    assert len(entries(lock)) > 40


@pytest.mark.parametrize(
    ("source", "lock"), [("requirements.txt", "requirements.lock"), ("requirements-dev.txt", "requirements-dev.lock")]
)
def test_every_direct_pin_is_locked_at_its_version(source, lock):
    locked = entries(lock)
    for match in DIRECT_PIN.finditer((ROOT / source).read_text()):
        assert locked.get(canonical(match["name"])) == match["version"], match["name"]


def test_the_development_lock_agrees_with_the_runtime_lock():
    runtime, development = entries("requirements.lock"), entries("requirements-dev.lock")
    assert {name: development.get(name) for name in runtime} == runtime


@pytest.mark.parametrize("lock", ["requirements.lock", "requirements-dev.lock"])
def test_the_locks_name_nothing_of_this_machine(lock):
    text = (ROOT / lock).read_text()
    for marker in (
        "--index-url",
        "--extra-index-url",
        "--find-links",
        "--trusted-host",
        "file://",
        "/opt/",
        "/tmp/",
        "/work/",
    ):
        assert marker not in text, marker
    assert "#    make lock\n" in text  # written by `make lock`, not by hand
