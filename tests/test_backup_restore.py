"""Back up all content and media, restore into a fresh database (a separate SQLite file, in a separate process),
and get the same site back."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from tests.editorial import new_draft_story, staff_user
from tests.servers import copy_database

pytestmark = pytest.mark.django_db
REPO = Path(__file__).resolve().parents[1]


def snapshot():
    """What must survive a restore: every page with its content, revisions, history, people and media."""
    from django.contrib.auth import get_user_model
    from wagtail.images.models import Image
    from wagtail.models import Page, PageLogEntry, Site, Workflow

    from pages.models import CampaignSettings

    pages = []
    for page in Page.objects.order_by("path").specific():
        pages.append(
            {
                "id": page.pk,
                "type": type(page).__name__,
                "url_path": page.url_path,
                "title": page.title,
                "live": page.live,
                "has_unpublished_changes": page.has_unpublished_changes,
                "latest_revision": page.get_latest_revision().content if page.get_latest_revision() else None,
                "summary": getattr(page, "summary", None),
                "portrait": getattr(page, "portrait_id", None),
                "revisions": page.revisions.count(),
                "workflow": page.get_workflow().name if page.get_workflow() else None,
            }
        )
    return {
        "pages": pages,
        "site": list(Site.objects.values_list("hostname", "root_page_id", "is_default_site")),
        "settings": list(CampaignSettings.objects.values("phone_display", "phone_tel")),
        "images": sorted(Image.objects.values_list("id", "title", "file")),
        "users": sorted(get_user_model().objects.values_list("username", "groups__name")),
        "history": PageLogEntry.objects.count(),
        "workflows": sorted(Workflow.objects.values_list("name", flat=True)),
    }


def run(*args, env):
    return subprocess.run(
        [sys.executable, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def test_backup_then_restore_into_a_fresh_database_gives_the_same_site(demo_site, tmp_path, make_run_template):
    staff_user("eddie", "Editors")
    new_draft_story(slug="draft-only", summary="A draft that was never published.")
    backup_dir = tmp_path / "backup"
    call_command("backup_site", str(backup_dir), stdout=open(os.devnull, "w"))  # noqa: SIM115
    before = json.loads(json.dumps(snapshot(), default=str))

    fresh_media = tmp_path / "fresh-media"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "campaign_site.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}",
        "MEDIA_ROOT": str(fresh_media),
    }
    # `manage.py migrate && manage.py restore_site DIR` (docs/publishing-a-story.md): the fresh database is a copy of
    # what `migrate` made once for this test run (tests/servers.py).
    copy_database(make_run_template.migrated, tmp_path / "fresh.sqlite3")
    result = run("manage.py", "restore_site", str(backup_dir), env=env)
    assert result.returncode == 0, result.stderr
    result = run(
        "-c",
        "import django, json; django.setup(); from tests.test_backup_restore import snapshot; "
        "print(json.dumps(snapshot(), default=str))",
        env=env,
    )
    assert result.returncode == 0, result.stderr
    after = json.loads(result.stdout.strip().splitlines()[-1])

    assert after == before
    assert "draft-only" in {page["url_path"].rstrip("/").rsplit("/", 1)[-1] for page in after["pages"]}
    for _id, _title, name in before["images"]:
        with default_storage.open(name, "rb") as original:
            assert (fresh_media / name).read_bytes() == original.read()

    # A second restore would wipe what is there now: refused unless asked for explicitly.
    again = run("manage.py", "restore_site", str(backup_dir), env=env)
    assert again.returncode != 0
    assert "already holds content" in again.stderr


def test_a_damaged_backup_is_refused_before_anything_changes(demo_site, tmp_path):
    from wagtail.models import Page

    call_command("backup_site", str(tmp_path / "backup"), stdout=open(os.devnull, "w"))  # noqa: SIM115
    damaged = next((tmp_path / "backup" / "media").rglob("*.jpg"))
    damaged.write_bytes(b"not the picture")
    pages = Page.objects.count()
    with pytest.raises(CommandError, match="does not match its checksum"):
        call_command("restore_site", str(tmp_path / "backup"), "--replace")
    assert Page.objects.count() == pages


def test_backing_up_into_a_folder_in_use_is_refused(db, tmp_path):
    (tmp_path / "something.txt").write_text("keep me")
    with pytest.raises(CommandError, match="not empty"):
        call_command("backup_site", str(tmp_path))
