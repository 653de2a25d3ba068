"""Signing in to the Wagtail admin in a real browser: the one place that knows the steps.

When the admin gains a second factor, add its step here and every browser test and the screenshot script follow.
"""

from playwright.sync_api import expect


def log_in(page, base_url, username, password, admin_path="/admin/"):
    page.goto(f"{base_url}{admin_path}login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/login/" not in url)
    expect(page.locator("#wagtail")).to_be_visible()
