"""Debian's Chromium driven by Playwright (no browser download: `executable_path`).

The browser tests never skip: without Chromium they fail and say how to get it (`make test`
installs it; CI runs as root on a fresh Debian machine).
"""

from __future__ import annotations

import os
import shutil

import pytest

CANDIDATES = ("chromium", "chromium-browser")


def chromium_path() -> str:
    """The system Chromium's path; pytest.fail with the remedy when there is none."""
    configured = os.environ.get("CHROMIUM")
    if configured and os.access(configured, os.X_OK):
        return configured
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("Chromium not found on PATH: `make test` installs Debian's chromium "
                "(apt-get install chromium), or set CHROMIUM=/path/to/chromium", pytrace=False)


def launch(playwright):
    """A headless Chromium; --no-sandbox because CI runs as root."""
    return playwright.chromium.launch(executable_path=chromium_path(), headless=True,
                                      args=["--no-sandbox", "--disable-dev-shm-usage"])


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole test session (each test opens its own context)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()
