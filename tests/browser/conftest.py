"""Real-browser fixtures: Debian's Chromium driven by Playwright against pytest-django's live server."""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium"}


@pytest.fixture
def site(live_server, demo_site):
    """The demo site served by a live server; returns its base URL.

    Each live-server test ends with a flush; `demo_site` writes the demo's rows back from the session's capture
    (tests/conftest.py), pointing at media drawn once per session.
    """
    return live_server.url


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


class RequestLog:
    """Records every request a page makes, to prove nothing leaves our origin."""

    def __init__(self, page):
        self.urls = []
        page.on("request", lambda request: self.urls.append(request.url))

    def origins(self):
        return {urlsplit(url).netloc for url in self.urls if not url.startswith(("data:", "blob:"))}


# Screenshots are for people reviewing a change (`make test SCREENSHOTS=1`); a full-page one costs a second of the
# browser's time, and no assertion reads them.
SCREENSHOTS = os.environ.get("SCREENSHOTS", "") not in ("", "0")


def screenshot(page, name):
    if not SCREENSHOTS:
        return
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
