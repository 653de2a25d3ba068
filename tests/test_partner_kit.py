"""The partner kit, tried as a partner would: download from the toolkit, print, scan, follow; and as comms staff
would: confirm a story, change the number, change a summary.

Printing and scanning use real tools: pdftoppm (poppler-utils) renders the PDF, zbarimg (zbar-tools) decodes the
QR code and pdftotext reads the words (`make test-kit-deps` installs them from Debian).
"""

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.test import Client
from PIL import Image, ImageChops, ImageStat
from wagtail.models import Site

from pages.models import CampaignSettings
from partners.kit import build_partner_kits, partner_kit
from partners.models import Partner
from sharing import clips
from sharing.kit import PREFIX as KIT_FOLDER
from stories.models import StoryPage
from tests.insights_helpers import beacon, counts, fresh_insights  # noqa: F401
from tests.test_s3_storage import s3_media, s3_server  # noqa: F401

# One xdist worker runs the module, so the kit is drawn once (kit_site).
pytestmark = pytest.mark.xdist_group(__name__)
SITE = "https://hardcalls.example.org"
CODE = "example-borough"


@pytest.fixture(autouse=True)
def printing_and_scanning_tools():
    missing = [tool for tool in ("pdftoppm", "pdftotext", "pdfinfo", "zbarimg") if not shutil.which(tool)]
    assert not missing, f"{missing} missing: run `make test-kit-deps`"


def confirm(story, **changes):
    """What comms staff do once the family has agreed the story: clear the placeholder note, publish."""
    story.placeholder_note = ""
    for name, value in changes.items():
        setattr(story, name, value)
    story.save_revision().publish()


@pytest.fixture(scope="module")
def files_made_earlier(tmp_path_factory):
    """The kit files the first `kit_site` of this module made (see there)."""
    return tmp_path_factory.mktemp("kit-files") / KIT_FOLDER


@pytest.fixture
def kit_site(settings, demo_site, media_root, files_made_earlier, django_capture_on_commit_callbacks):
    """The demo site with Lillian's story confirmed by her family; the kit built by the publish task.

    Every kit file is named by a digest of what it is made from, and the build makes only the files missing from
    storage (as a second build in production does). So after the first test of the module, the files it made are in
    storage already and the publish task's build finds them: same inputs, same names, same bytes."""
    settings.SITE_URL = SITE
    if files_made_earlier.exists():
        shutil.copytree(files_made_earlier, media_root / KIT_FOLDER, dirs_exist_ok=True)
    story = StoryPage.objects.get(slug="lillian")
    with django_capture_on_commit_callbacks(execute=True):
        confirm(story)
    if not files_made_earlier.exists():
        shutil.copytree(media_root / KIT_FOLDER, files_made_earlier)
    return story


def get(client, url):
    response = client.get(url.removeprefix(SITE))
    assert response.status_code == 200, url
    return response


def download(client, url):
    response = get(client, url)
    return b"".join(response.streaming_content) if response.streaming else response.content


def toolkit_links(client):
    html = get(client, "/partner-toolkit/").content.decode()
    return html, {name: href for href, name in re.findall(r'<a href="([^"]+)" download="([^"]+)"', html)}


def qr_codes(pdf_bytes, tmp_path):
    pdf = tmp_path / "poster.pdf"
    pdf.write_bytes(pdf_bytes)
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(tmp_path / "printed")], check=True)
    pages = sorted(tmp_path.glob("printed*.png"))
    assert len(pages) == 1  # one page
    out = subprocess.run(["zbarimg", "-q", "--raw", str(pages[0])], capture_output=True, text=True, check=True)
    return out.stdout.split()


def pdf_text(pdf_bytes, tmp_path, name="text.pdf"):
    path = tmp_path / name
    path.write_bytes(pdf_bytes)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.django_db
def test_a_printed_poster_scans_to_the_story_and_the_visit_counts_for_the_partner(kit_site, tmp_path):
    client = Client()
    html, links = toolkit_links(client)
    poster = download(client, links[f"poster-lillian-a4-{CODE}.pdf"])
    assert poster.startswith(b"%PDF")
    text = pdf_text(poster, tmp_path)
    assert "Lillian and Quamari" in text and "0800 555 111" in text
    # The poster carries the story's own line, whatever the fact register has it say.
    assert kit_site.summary and kit_site.summary in " ".join(text.split())

    scanned = qr_codes(poster, tmp_path)
    assert scanned == [f"{SITE}/lillian?via={CODE}"]

    # Scanning opens the short address, which leads to the story still carrying the code.
    landing = client.get(scanned[0].removeprefix(SITE), follow=True)
    assert landing.redirect_chain[-1][0] == f"/stories/lillian/?via={CODE}"
    page = landing.content.decode()
    assert "Lillian and Quamari" in page and 'href="tel:0800555111"' in page
    assert landing.cookies == {}
    # The site's script sends the view with the page id from <body> and the channel from ?via=.
    page_id = int(re.search(r'data-page-id="(\d+)"', page).group(1))
    assert page_id == kit_site.pk
    assert beacon(client, {"e": "page_view", "p": page_id, "c": CODE}).status_code == 204
    assert counts()[(page_id, "page_view", CODE)] == 1


@pytest.mark.django_db
def test_the_generic_poster_carries_no_code_and_a3_is_a3(kit_site, tmp_path):
    kit = partner_kit(None)
    a4, a3 = kit.stories[0].posters
    assert qr_codes(default_storage.open(a4.name).read(), tmp_path) == [f"{SITE}/lillian"]
    info = subprocess.run(["pdfinfo", default_storage.path(a3.name)], capture_output=True, text=True).stdout
    assert "841.89 x 1190.55 pts (A3)" in info
    campaign = kit.campaign_posters[0]
    assert qr_codes(default_storage.open(campaign.name).read(), tmp_path / "..") == [f"{SITE}/"]


@pytest.mark.django_db
def test_stories_the_family_has_not_confirmed_are_not_offered(settings, demo_site, django_capture_on_commit_callbacks):
    settings.SITE_URL = SITE
    assert not any(story.confirmed_by_family for story in StoryPage.objects.all())
    with django_capture_on_commit_callbacks(execute=True):
        build_partner_kits()
    html, links = toolkit_links(Client())
    assert not any(name.startswith("poster-lillian") or "-square-" in name for name in links)
    assert f"poster-campaign-a4-{CODE}.pdf" in links and "poster-campaign-a4.pdf" in links
    assert "once a family has confirmed their story" in html


@pytest.mark.django_db
def test_every_social_asset_has_its_size_alt_text_and_post_text(kit_site):
    client = Client()
    html, links = toolkit_links(client)
    story_kit = partner_kit(Partner.objects.get(code=CODE)).stories[0]
    sizes = {(f.width, f.height) for f in story_kit.social}
    assert sizes == {(1080, 1080), (1080, 1350), (1080, 1920), (1200, 630)}
    for asset in story_kit.social:
        image = Image.open(io.BytesIO(download(client, links[asset.filename])))
        assert image.size == (asset.width, asset.height), asset.filename
        assert "Lillian" in asset.alt and "0800 555 111" in asset.alt
        if asset.width != 1200:
            assert asset.alt.startswith(kit_site.portrait_alt)
        assert asset.alt in html.replace("&#x27;", "'").replace("&quot;", '"')
        assert "#HardCallsSaveLives" in asset.post_text and "0800 555 111" in asset.post_text
        assert asset.post_text.endswith(f"{SITE}/lillian?via={CODE}")


def _frame(path, second, tmp_path):
    png = tmp_path / f"frame-{Path(path).stem}-{second}.png"
    subprocess.run(
        [clips.ffmpeg_exe(), "-y", "-loglevel", "error", "-ss", str(second), "-i", str(path), "-frames:v", "1", png],
        check=True,
    )
    return Image.open(png).convert("RGB")


def changed_share(first, second):
    """The share of pixels whose brightness differs by more than 64 of 255 (video compression noise stays below)."""
    difference = ImageChops.difference(first, second).convert("L").point(lambda value: 255 if value > 64 else 0)
    return ImageStat.Stat(difference).mean[0] / 255


def _probe(path):
    out = subprocess.run([clips.ffmpeg_exe(), "-hide_banner", "-i", str(path)], capture_output=True, text=True)
    return out.stderr


@pytest.mark.django_db
def test_the_clip_is_an_mp4_with_captions_in_its_frames_within_the_platform_limits(kit_site, settings, tmp_path):
    clip, poster_frame = partner_kit(None).stories[0].clip
    path = Path(default_storage.path(clip.name))
    assert path.read_bytes()[4:8] == b"ftyp"
    info = _probe(path)
    assert "Video: h264" in info and "1080x1080" in info and "yuv420p" in info
    # docs/partners.md, platform limits: the shortest running time (X, 140 s) and the smallest size (WhatsApp).
    assert 3 <= clips.film_seconds(path) <= settings.KIT_CLIP_MAX_SECONDS <= 140
    assert path.stat().st_size < 16 * 1000 * 1000  # WhatsApp's limit for a video
    assert Image.open(default_storage.path(poster_frame.name)).size == (1080, 1080)

    # The same film encoded without captions: the frames differ in the caption band and nowhere in the film.
    film = kit_site.film
    cta = {"phone_display": "0800 555 111", "anonymity_line": "100% anonymous. Always.", "hashtag": "#x"}
    bare = tmp_path / "bare.mp4"
    clips.encode_clip(default_storage.path(film.video.name), "WEBVTT\n", cta, bare, tmp_path / "bare.jpg")
    film_top, film_height, band_top = clips.frame_layout(1080)
    for second in (1, 3):
        with_captions, without = _frame(path, second, tmp_path), _frame(bare, second, tmp_path)
        band = (0, band_top, 1080, 1080)
        picture = (0, film_top, 1080, film_top + film_height)
        # Share of pixels clearly changed: white caption text on the dark band, nothing in the film itself.
        assert changed_share(with_captions.crop(band), without.crop(band)) > 0.01, second
        assert changed_share(with_captions.crop(picture), without.crop(picture)) < 0.002, second


@pytest.mark.django_db
def test_one_zip_per_partner_holds_everything_and_the_brief(kit_site, tmp_path):
    client = Client()
    html, links = toolkit_links(client)
    archive = zipfile.ZipFile(io.BytesIO(download(client, links[f"hard-calls-save-lives-kit-{CODE}.zip"])))
    names = set(archive.namelist())
    assert {
        f"poster-campaign-a4-{CODE}.pdf",
        f"poster-lillian-a3-{CODE}.pdf",
        "lillian-square-1080x1080.jpg",
        "lillian-story-1080x1920.jpg",
        "lillian-share-card-1200x630.jpg",
        "lillian-clip-captioned.mp4",
        f"partner-brief-{CODE}.pdf",
        "README.txt",
    } <= names
    readme = archive.read("README.txt").decode()
    assert "Alt text:" in readme and f"/lillian?via={CODE}" in readme
    brief = " ".join(pdf_text(archive.read(f"partner-brief-{CODE}.pdf"), tmp_path).split())
    assert "0800 555 111" in brief and "Never promise a reward." in brief
    assert "Never promise confidentiality" in brief and "Never identify a family beyond what they agreed" in brief
    assert "Example borough partner (placeholder)" in brief


@pytest.mark.django_db
def test_a_new_number_or_summary_makes_new_posters(kit_site, tmp_path, django_capture_on_commit_callbacks):
    client = Client()
    _, before = toolkit_links(client)
    old_poster = before[f"poster-lillian-a4-{CODE}.pdf"]

    campaign_settings = CampaignSettings.for_site(Site.objects.get(is_default_site=True))
    campaign_settings.phone_display = "0800 000 999"
    with django_capture_on_commit_callbacks(execute=True):
        campaign_settings.save()
    _, after_number = toolkit_links(client)
    new_poster = after_number[f"poster-lillian-a4-{CODE}.pdf"]
    assert new_poster != old_poster
    text = pdf_text(download(client, new_poster), tmp_path)
    assert "0800 000 999" in text and "0800 555 111" not in text
    assert "0800 000 999" in pdf_text(download(client, after_number[f"partner-brief-{CODE}.pdf"]), tmp_path, "b.pdf")

    story = StoryPage.objects.get(pk=kit_site.pk)
    with django_capture_on_commit_callbacks(execute=True):
        confirm(story, summary="Quamari was stabbed and killed. Lillian had to phone her aunt.")
    _, after_summary = toolkit_links(client)
    newest = after_summary[f"poster-lillian-a4-{CODE}.pdf"]
    assert newest not in (old_poster, new_poster)
    assert "Lillian had to phone her aunt." in " ".join(pdf_text(download(client, newest), tmp_path, "c.pdf").split())


@pytest.mark.django_db
def test_a_partner_link_opens_its_kit_without_an_account_until_revoked(kit_site):
    from evaluation.models import PartnerLink

    partner = Partner.objects.get(code=CODE)
    link = PartnerLink.objects.create(partner=partner)
    client = Client()
    response = client.get(f"/partner-figures/{link.token}/kit/")
    assert response.status_code == 200 and response.cookies == {}
    html = response.content.decode()
    assert f"Your partner kit: {partner.name}" in html and 'href="tel:0800555111"' in html
    assert f'download="hard-calls-save-lives-kit-{CODE}.zip"' in html
    assert f'download="poster-lillian-a4-{CODE}.pdf"' in html
    assert "noindex" in response["X-Robots-Tag"]
    link.revoke()
    assert client.get(f"/partner-figures/{link.token}/kit/").status_code == 410
    assert client.get("/partner-figures/not-signed/kit/").status_code == 404


@pytest.mark.django_db
def test_the_kit_is_kept_in_s3_when_media_are(settings, demo_site, s3_media, tmp_path):  # noqa: F811
    """No story is confirmed in the demo: the campaign posters, briefs and zips go to the bucket (the story files
    use the same storage calls, and their portraits and films would have to be in the bucket first)."""
    import urllib.request

    settings.SITE_URL = SITE
    assert default_storage.__class__.__name__ == "S3Storage"
    assert build_partner_kits() > 0
    kit = partner_kit(Partner.objects.get(code=CODE))
    assert all(kit_file.ready for kit_file in [*kit.files(), kit.zip])
    assert kit.zip.url.startswith(f"{s3_media}/")
    with urllib.request.urlopen(kit.zip.url) as response:  # noqa: S310 - the local S3 server
        archive = zipfile.ZipFile(io.BytesIO(response.read()))
    poster = archive.read(f"poster-campaign-a4-{CODE}.pdf")
    assert qr_codes(poster, tmp_path) == [f"{SITE}/?via={CODE}"]
    assert build_partner_kits() == 0  # nothing changed, nothing made again


@pytest.mark.django_db(transaction=True)
def test_outside_tests_the_build_runs_in_its_own_thread_after_the_publish(settings, demo_site):
    """The editor's publish request returns before the kit is made; the build's thread makes it."""
    import threading

    settings.SITE_URL = SITE
    settings.KIT_BUILD_IN_BACKGROUND = True
    story = StoryPage.objects.get(slug="lillian")
    story.placeholder_note = ""
    story.save_revision().publish()  # autocommit: the on-commit hook starts the thread at once
    builds = [thread for thread in threading.enumerate() if thread.name == "partner-kit-build"]
    assert builds, "no build thread was started"
    for thread in builds:
        thread.join(timeout=600)
    kit = partner_kit(Partner.objects.get(code=CODE))
    assert kit.stories[0].story.pk == story.pk
    assert all(kit_file.ready for kit_file in [*kit.files(), kit.zip])


def test_a_story_with_its_longest_words_still_fits_the_poster(tmp_path):
    """Title, summary and hard call at their longest: the words end above the call-to-action band, on one page,
    every word there, and the QR code still scans."""
    from sharing import posters

    def longest(field, word):
        limit = StoryPage._meta.get_field(field).max_length
        return ((word + " ") * limit)[: limit - 4] + " END"

    cta = {"phone_display": "0800 555 111", "anonymity_line": "100% anonymous. Always.", "hashtag": "#x"}
    image = io.BytesIO()
    Image.new("RGB", (800, 1000), (74, 92, 120)).save(image, "JPEG")
    content = posters.PosterContent(
        longest("title", "Title"),
        (longest("summary", "summary"), longest("hard_call", "call"), posters.CAMPAIGN_LINE),
        f"{SITE}/lillian?via={CODE}",
        "hardcalls.example.org/lillian",
        image.getvalue(),
    )
    for paper in ("A4", "A3"):
        assert posters._poster(content, cta, paper, *posters.FIT_STEPS[-1])[1], paper
        pdf = posters.poster_pdf(content, cta, paper)
        text = pdf_text(pdf, tmp_path, f"{paper}.pdf")
        assert text.count("END") == 3 and "0800 555 111" in text and "harder calls" in " ".join(text.split())
        folder = tmp_path / paper
        folder.mkdir()
        assert qr_codes(pdf, folder) == [f"{SITE}/lillian?via={CODE}"]
