"""Playwright driving Debian's Chromium (/usr/bin/chromium), launched by path.

In CI (CI=true) a missing browser is a failure, never a skip.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


def require_chromium() -> None:
    """Skip without Debian's Chromium, except in CI (CI=true), where a missing browser fails."""
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is missing at /usr/bin/chromium: .ci/run must install Debian's chromium.")
        pytest.skip("Chromium is not installed (apt-get install chromium).")


@pytest.fixture
def page(live_server):
    """A fresh browser page; the live server's URL is `page.base_url`."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 720})
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.base_url = live_server.url
        # The pages run under a strict CSP: any violation (inline script or style) fails the test.
        # Wait with expect(...) or wait_for_selector, not wait_for_function (it needs eval).
        violations = []
        page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
        yield page
        assert violations == [], violations
        context.close()
        browser.close()


def sign_in(page, username: str, password: str) -> None:
    """Sign in through the login page."""
    page.goto(f"{page.base_url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{page.base_url}/")
