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


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test, so a fixture can tell that its test failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def workspace(browser, live_server):
    """One shell page for the session's ``shell`` tests; ``Shell.reset`` readies it for each."""
    context = browser.new_context()
    shell = Shell(context.new_page(), live_server.url).open()
    yield shell
    context.close()


@pytest.fixture
def shell(request, workspace):
    """The shell with its default apps connected, a new Caller, and no routes or console lines of other tests."""
    yield workspace.reset()
    reports = [getattr(request.node, f"report_{when}", None) for when in ("setup", "call")]
    if any(report and report.failed for report in reports):
        workspace.open()  # what a failed test left behind (held requests, say) is no start for the next one
