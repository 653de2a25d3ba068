"""Counts the checks in the test suite, per function, to show a refactoring of tests/ kept every assertion.

A check is an `assert` statement, a `pytest.raises(...)`, a Playwright `expect(...)` or a call to a pytest-django
`django_assert_*` fixture. Functions are keyed by file and qualified name; fixtures and helpers count too.

    .venv/bin/python scripts/count_assertions.py                 # the working tree
    .venv/bin/python scripts/count_assertions.py --compare REV   # REV's tests/ against the working tree
"""

import argparse
import ast
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECK_CALLS = {"raises", "expect", "django_assert_num_queries", "django_assert_max_num_queries"}


def _checks_in(node):
    count = 0
    for child in ast.walk(node):
        if isinstance(child, ast.Assert):
            count += 1
        elif isinstance(child, ast.Call):
            func = child.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            count += name in CHECK_CALLS
    return count


def count_source(path, source):
    """{"file::Class.function": checks} for every function in one file (nested functions count in their parent)."""
    counts = {}

    def visit(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                counts[f"{path}::{prefix}{child.name}"] = _checks_in(child)
            elif isinstance(child, ast.ClassDef):
                visit(child, f"{prefix}{child.name}.")

    visit(ast.parse(source), "")
    return counts


def working_tree():
    counts = {}
    for path in sorted((ROOT / "tests").rglob("*.py")):
        counts.update(count_source(str(path.relative_to(ROOT)), path.read_text()))
    return counts


def git(*args):
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout  # noqa: S603, S607


def at_revision(rev):
    counts = {}
    for name in git("ls-tree", "-r", "--name-only", rev, "tests/").split():
        if name.endswith(".py"):
            counts.update(count_source(name, git("show", f"{rev}:{name}")))
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--compare", metavar="REV", help="compare REV's tests/ with the working tree")
    args = parser.parse_args()
    now = working_tree()
    if not args.compare:
        print(f"{sum(now.values())} checks in {len(now)} functions")
        return 0
    before = at_revision(args.compare)
    print(f"{args.compare}: {sum(before.values())} checks in {len(before)} functions")
    print(f"working tree: {sum(now.values())} checks in {len(now)} functions")
    fewer = {key: (before[key], now.get(key, 0)) for key in before if now.get(key, 0) < before[key]}
    more = {key: (before.get(key, 0), now[key]) for key in now if now[key] > before.get(key, 0)}
    for title, rows in (("fewer checks (or gone):", fewer), ("more checks (or new):", more)):
        if rows:
            print(title)
            for key, (old, new) in sorted(rows.items()):
                print(f"  {key}: {old} -> {new}")
    # A check moved between functions is fine if the totals per name did not drop.
    by_name_before = Counter()
    by_name_now = Counter()
    for key, value in before.items():
        by_name_before[key.rsplit("::", 1)[1]] += value
    for key, value in now.items():
        by_name_now[key.rsplit("::", 1)[1]] += value
    dropped = {name: (old, by_name_now[name]) for name, old in by_name_before.items() if by_name_now[name] < old}
    if dropped:
        print("functions (by name, any file) with fewer checks than before:")
        for name, (old, new) in sorted(dropped.items()):
            print(f"  {name}: {old} -> {new}")
    return 1 if dropped else 0


if __name__ == "__main__":
    sys.exit(main())
