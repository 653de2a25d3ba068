"""How long the partner kit takes to build, and what it weighs. Run by hand; figures go in docs/benchmarks.md.

    .venv/bin/python bench/partner_kit_build.py

Builds a throwaway demo site (SQLite and media in a temporary folder), marks Lillian's story as confirmed by her
family there (the demo has no confirmed story, so its kit would hold only the campaign poster), then times
`build_partner_kits` three ways: everything made, nothing changed, and after a new phone number.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main():
    folder = Path(tempfile.mkdtemp(prefix="kit-bench-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "campaign_site.settings.dev"
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'db.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(folder / "media")
    os.environ["LOG_LEVEL"] = "WARNING"
    os.environ["KIT_BUILD_IN_BACKGROUND"] = "false"  # the publish below builds before it returns
    import django

    django.setup()
    from django.core.management import call_command
    from wagtail.models import Site

    from pages.models import CampaignSettings
    from partners.kit import build_partner_kits
    from stories.models import StoryPage

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    story = StoryPage.objects.get(slug="lillian")
    story.placeholder_note = ""
    story.save_revision().publish()  # enqueues a build: the immediate backend runs it here
    for path in (folder / "media" / "partner-kit").rglob("*"):
        if path.is_file():
            path.unlink()  # time the first build from nothing

    def timed(label):
        started = time.perf_counter()
        made = build_partner_kits()
        print(f"{label}: {made} files made in {time.perf_counter() - started:.1f} s")

    timed("first build (3 kits: generic and two partners; one confirmed story)")
    timed("second build (nothing changed)")
    campaign_settings = CampaignSettings.for_site(Site.objects.get(is_default_site=True))
    campaign_settings.phone_display = "0800 555 112"
    campaign_settings.save()  # enqueues a build too: time the next one, which then has nothing left to do
    timed("after a new phone number (already rebuilt by the settings-saved task)")
    sizes = {}
    for path in (folder / "media" / "partner-kit").rglob("*"):
        if path.is_file():
            sizes.setdefault(path.parent.name, []).append(path.stat().st_size)
    for kind, found in sorted(sizes.items()):
        print(f"{kind}: {len(found)} files, largest {max(found) / 1e6:.2f} MB")
    print(f"(throwaway site in {folder})")


if __name__ == "__main__":
    main()
