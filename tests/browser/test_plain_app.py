"""A Dash app that is not in the registry joins the workspace under a readable name.

The shell names the apps it opens with ``?name=``. Any other app is named by ``dash_glue42`` after
``document.title`` at the moment it connects, which under Dash's default ``update_title`` is often
"Updating...": the compat seam names it after its served title instead (its path if it has none).
"""

import re
import shutil

import pytest
from playwright.sync_api import expect

import ids
from harness.browser import CONNECT_TIMEOUT_MS, ROOT, LiveServer, Shell
from tests.browser import plain_dash_app

NAME = plain_dash_app.TITLE


@pytest.fixture(scope="module")
def plain_server(tmp_path_factory):
    assets = tmp_path_factory.mktemp("plain-assets")
    shutil.copy(ROOT / "assets" / "dash_glue42_compat.js", assets)
    server = LiveServer(
        tmp_path_factory.mktemp("plain") / "gunicorn.log",
        workers=1,
        app="tests.browser.plain_dash_app:create_server()",
        ready_path=plain_dash_app.PREFIX,
        PLAIN_ASSETS=str(assets),
    )
    yield server
    server.stop()


@pytest.fixture(scope="module")
def shell(browser, live_server, plain_server):
    """The shell with the plain app in one more iframe, served under the shell's origin as a user's app would be."""
    context = browser.new_context(viewport={"width": 1400, "height": 2400})
    prefix = plain_dash_app.PREFIX

    def forward(route):
        route.fulfill(response=route.fetch(url=route.request.url.replace(live_server.url, plain_server.url, 1)))

    context.route(f"{live_server.url}{prefix}**", forward)
    shell = Shell(context.new_page(), live_server.url).open()
    shell.page.evaluate(
        """(src) => {
            const frame = document.createElement("iframe");
            frame.id = "plain-app";
            frame.src = src;
            document.body.appendChild(frame);
        }""",
        prefix,
    )
    shell.wait_until(lambda: len(servers_of_sum(shell)) == 3, CONNECT_TIMEOUT_MS)
    yield shell
    problems = shell.problems()
    context.close()
    assert problems == []


def servers_of_sum(shell):
    return shell.page.evaluate(
        """() => window.glue42dash.glueInstance.interop.servers()
            .filter((s) => s.getMethods().some((m) => m.name === "Sum")).map((s) => s.application)"""
    )


@pytest.mark.core
def test_plai001_the_caller_and_the_inspector_name_an_app_after_its_title(shell):
    assert sorted(servers_of_sum(shell)) == [NAME, "Sum Server 1", "Sum Server 2"]
    shell.sum(2, 3, target="all")
    results = shell.caller.locator(f"#{ids.SUM_RESULT} > div")
    expect(results).to_have_count(3, timeout=CONNECT_TIMEOUT_MS)
    assert f"{NAME}: Sum is 5" in results.all_inner_texts()
    inspector = shell.app("Inspector")
    rows = inspector.locator(f"#{ids.SERVERS_GRID} .ag-center-cols-container .ag-row")
    expect(rows.filter(has_text=NAME).filter(has_text="Sum")).to_have_count(1, timeout=CONNECT_TIMEOUT_MS)
    # The name stays readable whatever Dash does to the title meanwhile (after a callback, say).
    plain = shell.page.frame_locator("#plain-app")
    expect(plain.locator("h1")).to_have_text(NAME)
    assert not any(re.search(r"Updating|\(\w+\)$", name) for name in servers_of_sum(shell))
