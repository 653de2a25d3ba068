"""Two app-server processes on one PostgreSQL and one Redis: a publish through one is visible at once through the
other, the shared page cache included. The servers are real gunicorn processes with the production settings."""

import os
import re
import uuid

import pytest
import requests
from django.contrib.auth import get_user_model
from django.db import connection
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.servers import collect_static, database_url, free_port, start_gunicorn, stop

TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/9")
PASSWORD = "scale-out-editor-passphrase"  # noqa: S105
NEW_LINE = "Published through server A, read through server B"

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="app servers share the database over the network: runs in `make test-postgres` (CI does both)",
    ),
]


@pytest.fixture
def two_servers(demo_site, tmp_path):
    static_root = tmp_path / "static"
    collect_static(static_root)
    shared = {
        "DATABASE_URL": database_url(connection.settings_dict),
        "REDIS_URL": TEST_REDIS_URL,
        "CACHE_KEY_PREFIX": f"scale-out-{uuid.uuid4().hex[:8]}",
        "STATIC_ROOT": static_root,
        "MEDIA_ROOT": tmp_path / "media",
        "DB_CONN_MAX_AGE": "0",
    }
    ports = free_port(), free_port()
    processes = []
    try:
        for name, port in zip("ab", ports, strict=True):
            processes.append(start_gunicorn(port, tmp_path / f"{name}.log", **shared))
        yield [f"http://127.0.0.1:{port}" for port in ports]
    finally:
        for process in processes:
            stop(process)
        connection.close()


def get(url):
    return requests.get(url, timeout=30)


def sign_in_with_second_factor(base):
    user = get_user_model().objects.create_superuser("editor", "", PASSWORD)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    session = requests.Session()
    login = session.get(f"{base}/admin/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(1)
    signed_in = session.post(
        f"{base}/admin/login/",
        data={"username": "editor", "password": PASSWORD, "csrfmiddlewaretoken": token},
        allow_redirects=False,
    )
    assert signed_in.status_code == 302, signed_in.text[:2000]
    code = f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"
    auth = session.get(f"{base}/admin/2fa/auth")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', auth.text).group(1)
    verified = session.post(
        f"{base}/admin/2fa/auth", data={"otp_token": code, "csrfmiddlewaretoken": token}, allow_redirects=False
    )
    assert verified.status_code == 302, verified.text[:2000]
    home = session.get(f"{base}/admin/", allow_redirects=False)
    assert home.status_code == 200, home.headers.get("Location")
    return session


def bulk_action(session, base, action, page):
    url = f"{base}/admin/bulk/wagtailcore/page/{action}/?id={page.pk}"
    form = session.get(url)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    response = session.post(url, data={"csrfmiddlewaretoken": token}, allow_redirects=False)
    assert response.status_code == 302, response.text[:500]


def test_publish_through_one_server_is_visible_at_once_through_the_other(two_servers, settings):
    # The servers run the production hashers; the test settings' fast one would not be understood there.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    from stories.models import StoryPage

    server_a, server_b = two_servers
    story = StoryPage.objects.get(slug="lillian")
    story_url = f"{server_b}{story.url}"

    # Server B has the story, the index and home in the shared cache.
    for url in (story_url, f"{server_b}/stories/", f"{server_b}/"):
        get(url)
        cached = get(url)
        assert cached.headers["X-Page-Cache"] == "hit", url
        assert NEW_LINE not in cached.text

    # An editor changes the story (a draft), then publishes it through server A's admin.
    story.summary = NEW_LINE
    story.save_revision()
    editor = sign_in_with_second_factor(server_a)
    bulk_action(editor, server_a, "publish", story)

    for url in (story_url, f"{server_b}/stories/", f"{server_b}/"):
        response = get(url)
        assert response.status_code == 200
        assert response.headers["X-Page-Cache"] == "miss", url
        assert NEW_LINE in response.text, url

    # Unpublishing through A takes the story off B at once.
    bulk_action(editor, server_a, "unpublish", story)
    assert get(story_url).status_code == 404
    assert NEW_LINE not in get(f"{server_b}/stories/").text
