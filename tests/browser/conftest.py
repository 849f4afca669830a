"""Browser tests: Debian's Chromium, driven by Playwright, against the site under gunicorn.

The site runs in its own process on a throwaway database (a SQLite file, or a fresh
PostgreSQL database when DATABASE_URL points at PostgreSQL), built once per session
with `migrate` and `load_demo`, exactly as a deployment would be.
"""

import pytest
from playwright.sync_api import sync_playwright

from .helpers import SiteServer, chromium_path, launch_args, throwaway_database

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def site_server(tmp_path_factory):
    with throwaway_database(tmp_path_factory.mktemp("site")) as env:
        server = SiteServer(env)
        server.prepare()
        server.start()
        try:
            yield server
        finally:
            server.stop()


@pytest.fixture(scope="session")
def base_url(site_server):
    return site_server.url


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=launch_args()
        )
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    context = browser.new_context(locale="it-IT")
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()
