"""A real browser for the tests: Playwright driving Debian's Chromium (/usr/bin/chromium).

The browser is never downloaded: the test command installs Debian's chromium package. If it cannot
start, the tests fail with the reason; they are never skipped.
"""

import os
import shutil
import tempfile

import pytest
from playwright.sync_api import sync_playwright

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# around it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_PATH = os.environ.get("PRAKSISNET_CHROMIUM", "/usr/bin/chromium")
# Flags that keep Chromium from reaching for the network at start-up (this machine has none).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM_PATH):
        pytest.fail(
            f"Chromium was not found at {CHROMIUM_PATH}. Install Debian's chromium package "
            "(the README's test command does) or set PRAKSISNET_CHROMIUM."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM_PATH, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


#: The two widths the public pages are checked at: a laptop and a phone.
WIDTHS = {"desktop": 1280, "phone": 390}


@pytest.fixture(params=list(WIDTHS), ids=list(WIDTHS))
def sized_page(browser, request):
    """A page at a laptop's width and again at a phone's; .width says which."""
    width = WIDTHS[request.param]
    context = browser.new_context(locale="da-DK", viewport={"width": width, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.width = width
    yield page
    context.close()


def page_scrolls_sideways(page):
    """Whether the whole page is wider than the window (a phone reader must scroll sideways)."""
    return page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth")


def login(page, live_server, username, password):
    """Log in through the Wagtail admin's login form, as a person would."""
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")


@pytest.fixture
def downloads_dir():
    with tempfile.TemporaryDirectory(prefix="praksisnet-downloads-") as path:
        yield path
