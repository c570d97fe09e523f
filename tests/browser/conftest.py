"""Browser fixtures: gunicorn as deployed and Debian's Chromium through Playwright.

Nothing is mocked: the shell runs the real Glue42 web platform, the apps
connect to it from their iframes, and interop goes through its gateway.
"""

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from harness.browser import CHROMIUM_FLAGS, LiveServer, Shell, chromium_path


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    server = LiveServer(tmp_path_factory.mktemp("gunicorn") / "gunicorn.log")
    yield server
    server.stop()
    assert server.errors() == [], Path(server.log_path).read_text()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def shell(browser, live_server):
    context = browser.new_context()
    page = context.new_page()
    yield Shell(page, live_server.url).open()
    context.close()
