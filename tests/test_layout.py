"""The layout keeps one direction: each of our apps imports only from the apps listed before it in INSTALLED_APPS
(pages, languages, films, stories, sharing, partners, insights, editorial, operations, demo), and no module imports
itself back round a cycle. Read from the source, so a new import is checked the day it is written."""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PACKAGES = ("campaign_site",)  # above every app: settings, URLs, WSGI


def our_apps():
    return [app for app in settings.INSTALLED_APPS if "." not in app and (ROOT / app / "apps.py").exists()]


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path, packages):
    """Project modules `path` imports, at any depth (functions included), resolved to module names."""
    tree = ast.parse(path.read_text(), filename=str(path))
    this = module_name(path)
    package = this if path.name == "__init__.py" else this.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module
            names = [prefix] + [f"{prefix}.{alias.name}" for alias in node.names]
        else:
            continue
        found.update(name for name in names if name.split(".")[0] in packages)
    return found


def project_modules(packages):
    modules = {}
    for package in packages:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" not in path.parts:
                modules[module_name(path)] = path
    return modules


def test_each_app_imports_only_from_the_apps_before_it():
    apps = our_apps()
    assert apps[:4] == ["pages", "languages", "films", "stories"], apps
    packages = (*apps, *PROJECT_PACKAGES)
    upward = []
    for name, path in project_modules(packages).items():
        own = name.split(".")[0]
        if own in PROJECT_PACKAGES:
            continue
        allowed = set(apps[: apps.index(own) + 1])
        for imported in imports_of(path, packages):
            if imported.split(".")[0] not in allowed:
                upward.append(f"{name} imports {imported}")
    assert upward == []


def test_no_import_cycle_between_project_modules():
    apps = our_apps()
    packages = (*apps, *PROJECT_PACKAGES)
    modules = project_modules(packages)
    # An import of `a.b.c` where `a.b.c` is a name in module `a.b` is an edge to `a.b`.
    graph = {}
    for name, path in modules.items():
        edges = set()
        for imported in imports_of(path, packages):
            while imported and imported not in modules:
                imported = imported.rpartition(".")[0]
            if imported and imported != name:
                edges.add(imported)
        graph[name] = edges

    cycles = []
    state = {}

    def visit(node, trail):
        state[node] = "open"
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                cycles.append(" -> ".join(trail[trail.index(target) :] + [target]))
            elif target not in state:
                visit(target, [*trail, target])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert cycles == []


def test_the_checks_read_real_imports():
    """The two tests above would pass on an empty graph: prove they see absolute and relative imports."""
    assert {"stories.blocks", "stories.blocks.StoryStreamBlock"} <= imports_of(
        ROOT / "stories" / "models.py", ("stories",)
    )
    assert {"pages.blocks", "pages.blocks.BaseStreamBlock"} <= imports_of(ROOT / "partners" / "models.py", ("pages",))
    assert "sharing.toolkit" in imports_of(ROOT / "partners" / "models.py", ("sharing",))
