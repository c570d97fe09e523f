"""The Workspace and the guide, loaded as a reader would open them, log nothing: no error, no warning, no uncaught
exception.

Every guide topic is checked the same way where it is opened with its live apps (a11y005). The standalone apps
are in ``test_standalone.py`` (they log nothing either), and navigating between the pages in ``test_guide.py``.
The 404 page is left out: Chromium itself logs the 404 status of the document.
"""

import pytest
from playwright.sync_api import expect

import ids
from guide.topics import GUIDE_PATH
from harness.browser import CONNECT_TIMEOUT_MS, Shell
from pages.shell import WORKSPACE_PATH

# The Workspace, the guide's index, and the topic with every kind of app, on both Dash lines (`core`). Every topic is
# opened with its live apps in a11y005 (test_accessibility.py), which checks the console too.
PAGES = (WORKSPACE_PATH, GUIDE_PATH, f"{GUIDE_PATH}/inspector")


@pytest.fixture(scope="module")
def context(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    yield context
    context.close()


@pytest.mark.core
@pytest.mark.parametrize("path", PAGES)
def test_cons001_a_page_and_its_apps_log_nothing(context, live_server, path):
    page = context.new_page()
    shell = Shell(page, live_server.url)
    page.goto(live_server.url + path)
    expect(page.locator("[data-page]")).to_be_visible()
    names = page.locator("iframe[data-name]").evaluate_all("frames => frames.map(f => f.dataset.name)")
    assert names or path == GUIDE_PATH  # the guide's index is the one page without apps
    shell.wait_connected(*names)
    for name in names:  # each app has rendered its page under its name, its first callbacks answered
        expect(shell.app(name).locator(f"#{ids.INSTANCE_NAME}")).to_have_text(name, timeout=CONNECT_TIMEOUT_MS)
    problems = shell.problems()
    page.close()
    assert problems == []
