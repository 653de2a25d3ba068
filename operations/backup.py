"""Export all content and media to a folder, and load such a folder into an empty, migrated database.

A backup folder holds `data.json` (every row worth keeping, with its id, content types and permissions
included so every reference stays exact), `media/` (every file the data refers to, read through the storage
API, so S3 and local media both work) and `manifest.json` (counts and checksums). Left out because they are
rebuilt or transient: sessions, image renditions, the search index and the reference index.
Restore into a database migrated by the same release of the code as made the backup.
"""

import hashlib
import json
import tempfile
from pathlib import Path

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal
from django.db import DEFAULT_DB_ALIAS, connection, models, transaction
from django.utils import timezone

EXCLUDED_MODELS = [
    "sessions",
    "admin.logentry",
    "wagtailimages.rendition",
    "wagtailsearch",
    "wagtailcore.referenceindex",
    "wagtailadmin.editingsession",
]
# Apps whose rows are security state of the running site, not content (e.g. login lock-outs).
EXCLUDED_APPS_IF_INSTALLED = ["axes", "otp_static", "otp_totp"]


def excluded_labels():
    installed = {config.label for config in apps.get_app_configs()}
    labels = [label for label in EXCLUDED_MODELS if label.split(".")[0] in installed]
    return labels + [label for label in EXCLUDED_APPS_IF_INSTALLED if label in installed]


def _is_excluded(model, labels):
    return model._meta.app_label in labels or model._meta.label_lower in labels


def media_names():
    """Every file name that a kept row refers to."""
    labels = excluded_labels()
    names = set()
    for model in apps.get_models():
        if _is_excluded(model, labels) or model._meta.proxy:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                names.update(model._default_manager.exclude(**{field.name: ""}).values_list(field.name, flat=True))
    names.discard(None)
    return sorted(names)


def sha256(fileobj):
    digest = hashlib.sha256()
    for chunk in iter(lambda: fileobj.read(1024 * 1024), b""):
        digest.update(chunk)
    return digest.hexdigest()


def backup(out_dir):
    """Write a backup into `out_dir` (created; must be empty). Returns the manifest."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if any(out.iterdir()):
        raise ValueError(f"{out} is not empty; back up into a new folder.")
    call_command("dumpdata", exclude=excluded_labels(), indent=1, output=str(out / "data.json"), verbosity=0)
    files = {}
    missing = []
    for name in media_names():
        if not default_storage.exists(name):
            missing.append(name)
            continue
        target = out / "media" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with default_storage.open(name, "rb") as source, open(target, "wb") as copy:
            for chunk in iter(lambda: source.read(1024 * 1024), b""):
                copy.write(chunk)
        with open(target, "rb") as copied:
            files[name] = sha256(copied)
    manifest = {
        "created": timezone.now().isoformat(),
        "objects": len(json.loads((out / "data.json").read_text())),
        "files": files,
        "missing_files": missing,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1))
    return manifest


def database_has_content():
    """True if anything beyond what `migrate` creates is present (Wagtail's welcome page, our roles)."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Page

    return get_user_model().objects.exists() or Page.objects.filter(depth__gt=2).exists()


def _clear_search_index():
    """`flush` skips the SQLite full-text table (it is unmanaged); stale rows there would clash on reindexing."""
    existing = set(connection.introspection.table_names())
    for model in apps.get_app_config("wagtailsearch").get_models():
        if model._meta.db_table in existing:
            model._base_manager.all()._raw_delete(connection.alias)


def _load_in_order(data_file):
    """Content types first: building some rows (Wagtail tasks and pages whose parent row holds the content type)
    looks their content type up, and would create one with a clashing id if it were not loaded yet."""
    rows = json.loads(Path(data_file).read_text())
    first = [row for row in rows if row["model"] == "contenttypes.contenttype"]
    rest = [row for row in rows if row["model"] != "contenttypes.contenttype"]
    with tempfile.TemporaryDirectory() as folder:
        for name, part in (("contenttypes.json", first), ("content.json", rest)):
            path = Path(folder) / name
            path.write_text(json.dumps(part))
            call_command("loaddata", str(path), verbosity=0)


def restore(in_dir, replace=False):
    """Load a backup folder. The database must be migrated and hold no content unless `replace` is set."""
    source = Path(in_dir)
    manifest = json.loads((source / "manifest.json").read_text())
    for name, digest in manifest["files"].items():
        with open(source / "media" / name, "rb") as fileobj:
            if sha256(fileobj) != digest:
                raise ValueError(f"media/{name} does not match its checksum: the backup is damaged.")
    if database_has_content() and not replace:
        raise ValueError("The database already holds content. Restore into an empty database, or pass --replace.")
    with transaction.atomic():
        # Empties every table (what `migrate` created too: the welcome page, groups, workflow, and the content
        # types and permissions numbered its own way) so that every row comes back with the id it had.
        call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
        ContentType.objects.all().delete()
        _clear_search_index()
        _load_in_order(source / "data.json")
        # Content types and permissions of models newer than the backup.
        emit_post_migrate_signal(verbosity=0, interactive=False, db=DEFAULT_DB_ALIAS)
    for name in manifest["files"]:
        if default_storage.exists(name):
            default_storage.delete(name)
        with open(source / "media" / name, "rb") as fileobj:
            saved = default_storage.save(name, File(fileobj))
        if saved != name:
            raise ValueError(f"Storage saved media/{name} as {saved}.")
    call_command("rebuild_references_index", verbosity=0)
    call_command("update_index", verbosity=0)
    return manifest
