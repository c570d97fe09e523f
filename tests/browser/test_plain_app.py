"""A Dash app that is not in the registry joins the workspace under a readable name.

The shell names the apps it opens with ``?name=``. Any other app is named by ``dash_glue42`` after
``document.title`` at the moment it connects, which under Dash's default ``update_title`` is often
"Updating...": the compat seam names it after its served title instead (its path if it has none).

An app that loads none of our scripts keeps the name glue gave it, "Updating... (uid)" as often as not; every
screen then shows it as "unnamed Dash app (uid)" (pages/app_names.py and assets/app_names.js, the one rule).
"""

import re
import shutil

import pytest
from playwright.sync_api import expect

import ids
from harness.browser import CONNECT_TIMEOUT_MS, ROOT, LiveServer, Shell, callback_requests
from hosting.dash_compat import DASH_MAJOR
from tests.browser import plain_dash_app

NAME = plain_dash_app.TITLE


def serve_plain(tmp_path_factory, scripts):
    """The plain app in a gunicorn of its own, its assets folder holding only ``scripts`` (of ours)."""
    assets = tmp_path_factory.mktemp("plain-assets")
    for script in scripts:
        shutil.copy(ROOT / "assets" / script, assets)
    return LiveServer(
        tmp_path_factory.mktemp("plain") / "gunicorn.log",
        workers=1,
        app="tests.browser.plain_dash_app:create_server()",
        ready_path=plain_dash_app.PREFIX,
        PLAIN_ASSETS=str(assets),
    )


class Forward:
    """Playwright's route to the plain app's own server; while ``holding``, its callback requests wait."""

    def __init__(self, live_server, plain_server, holding=False):
        self.origin, self.target = live_server.url, plain_server.url
        self.holding = holding
        self.held = []

    def __call__(self, route):
        if self.holding and callback_requests(plain_dash_app.PREFIX).search(route.request.url):
            self.held.append(route)
        else:
            self.send(route)

    def send(self, route):
        route.fulfill(response=route.fetch(url=route.request.url.replace(self.origin, self.target, 1)))

    def release(self):
        """Stop holding, and send what was held."""
        self.holding = False
        while self.held:
            self.send(self.held.pop(0))


def embed_plain(browser, live_server, plain_server, hold_callbacks=False):
    """The shell with the plain app in one more iframe, served under the shell's origin as a user's app would be.

    With ``hold_callbacks``, the app's callback requests wait until the test releases them (the ``Forward``
    returned): Dash's title then reads "Updating..." while the app connects.
    """
    context = browser.new_context(viewport={"width": 1400, "height": 2400})
    forward = Forward(live_server, plain_server, hold_callbacks)
    context.route(f"{live_server.url}{plain_dash_app.PREFIX}**", forward)
    shell = Shell(context.new_page(), live_server.url).open()
    shell.page.evaluate(
        """(src) => {
            const frame = document.createElement("iframe");
            frame.id = "plain-app";
            frame.src = src;
            document.body.appendChild(frame);
        }""",
        plain_dash_app.PREFIX,
    )
    shell.wait_until(lambda: len(servers_of_sum(shell)) == 3, CONNECT_TIMEOUT_MS)
    return shell, forward


@pytest.fixture(scope="module")
def plain_server(tmp_path_factory):
    server = serve_plain(tmp_path_factory, ["dash_glue42_compat.js"])
    yield server
    server.stop()


@pytest.fixture(scope="module")
def shell(browser, live_server, plain_server):
    shell, _ = embed_plain(browser, live_server, plain_server)
    yield shell
    problems = shell.problems()
    shell.page.context.close()
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


@pytest.fixture
def plain_server_without_scripts(tmp_path_factory):
    server = serve_plain(tmp_path_factory, [])
    yield server
    server.stop()
    assert server.errors() == [], server.log_text()


@pytest.mark.browser
@pytest.mark.core
@pytest.mark.skipif(
    DASH_MAJOR >= 3,
    reason="on Dash 3 and later dash_glue42 registers no method without the compat script "
    "(assets/dash_glue42_compat.js), so an app with none of our scripts serves Sum on Dash 2.18 only",
)
def test_plai002_an_app_with_none_of_our_scripts_is_never_shown_as_updating(
    browser, live_server, plain_server_without_scripts
):
    """The bus calls it "Updating... (uid)": its first callbacks are still out when it connects (they were in
    each run without holding them too; the test holds them until it has connected, to be sure). The Caller's
    results and history and the Inspector's grid show "unnamed Dash app (uid)" instead: nothing but the display
    rule stands between the two."""
    shell, forward = embed_plain(browser, live_server, plain_server_without_scripts, hold_callbacks=True)
    try:
        [on_the_bus] = [name for name in servers_of_sum(shell) if name not in ("Sum Server 1", "Sum Server 2")]
        passing = re.fullmatch(r"Updating\.\.\. \(([^()]+)\)", on_the_bus)  # glue's uids hold - and _ too
        assert passing, on_the_bus  # what glue named it: Dash's passing title
        readable = f"unnamed Dash app ({passing.group(1)})"
        forward.release()  # its callbacks go through now; the name stays
        shell.sum(2, 3, target="all")
        results = shell.caller.locator(f"#{ids.SUM_RESULT} > div")
        expect(results).to_have_count(3, timeout=CONNECT_TIMEOUT_MS)
        lines = results.all_inner_texts()
        assert f"{readable}: Sum is 5" in lines, lines
        history = shell.caller.locator(f"#{ids.SUM_HISTORY}")
        expect(history).to_contain_text(f"{readable}: Sum is 5")
        inspector = shell.app("Inspector")
        rows = inspector.locator(f"#{ids.SERVERS_GRID} .ag-center-cols-container .ag-row")
        expect(rows.filter(has_text=readable).filter(has_text="Sum")).to_have_count(1, timeout=CONNECT_TIMEOUT_MS)
        for text in (lines, history.inner_text(), rows.all_inner_texts()):
            assert "Updating" not in str(text), text
        assert on_the_bus in servers_of_sum(shell)  # the bus still says so: only the display changed
        expect(shell.page.frame_locator("#plain-app").locator("h1")).to_have_text(NAME)
    finally:
        problems = shell.problems()
        shell.page.context.close()
    assert problems == []
