"""Apps opened on their own tab, outside the platform: a clear state, not an endless spinner."""

import pytest
from playwright.sync_api import expect

import ids


@pytest.mark.core
@pytest.mark.parametrize("prefix", ["/server/", "/caller/", "/inspector/"])
def test_stal001_standalone_tab_says_how_to_connect_and_logs_nothing(browser, live_server, prefix):
    context = browser.new_context()
    page = context.new_page()
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(live_server.url + prefix)
    notice = page.locator(f"#{ids.NOT_CONNECTED}")
    expect(notice).to_be_visible(timeout=3_000)
    expect(notice).to_contain_text("Not connected to io.Connect")
    expect(notice.get_by_role("link", name="/")).to_have_attribute("href", "/")
    expect(page.locator(f"#{ids.CONNECTING}")).to_be_hidden()
    # Glue is not even started where it can never connect (it would log an error when it gave up).
    assert page.evaluate("window.ioConnectNotConnected") == "opened on its own: no platform to connect to"
    assert page.evaluate("Boolean(window.glue42dash && window.glue42dash.glueInstance)") is False
    assert problems == []
    context.close()


def test_stal002_embedded_apps_never_show_the_notice(shell):
    for name in ("Sum Server 1", "Caller"):
        expect(shell.app(name).locator(f"#{ids.INSTANCE_NAME}")).to_have_text(name)
        assert shell.app(name).locator(f"#{ids.NOT_CONNECTED}").count() == 0
