"""The compatibility script is needed: the same scenario fails without it on Dash 3+."""

import pytest
from playwright.sync_api import expect

import ids
from harness.browser import LiveServer, Shell
from hosting.dash_compat import GLUE42_NEEDS_COMPAT


@pytest.fixture(scope="module")
def server_without_compat(tmp_path_factory):
    server = LiveServer(tmp_path_factory.mktemp("nocompat") / "gunicorn.log", IOCONNECT_DASH_GLUE42_COMPAT="false")
    yield server
    server.stop()


@pytest.mark.core
@pytest.mark.skipif(not GLUE42_NEEDS_COMPAT, reason="dash_glue42 works unpatched on Dash 2")
def test_comp001_without_the_compat_script_sum_is_never_registered(browser, server_without_compat):
    context = browser.new_context()
    shell = Shell(context.new_page(), server_without_compat.url)
    shell.page.goto(server_without_compat.url + "/")
    # Glue itself connects: the caller renders its controls once glue is ready...
    expect(shell.caller.locator(f"#{ids.SUM_BUTTON}")).to_be_visible(timeout=20_000)
    caller = shell.page.locator('iframe[data-name="Caller"]').element_handle().content_frame()
    outcome = caller.evaluate(
        """async () => {
            try {
                const glue = window.glue42dash.glueInstance;
                await glue.interop.invoke("Sum", {a: 37, b: 5}, "best", {waitTimeoutMs: 1500});
                return "answered";
            } catch (error) {
                return error.message;
            }
        }"""
    )
    # ...but MethodRegister crashed on the missing loading_state, so no server offers Sum.
    assert outcome.startswith('Can not find a method matching "Sum"'), outcome
    assert any("prop_name" in text for kind, text in shell.console if kind in ("error", "pageerror"))
    context.close()
