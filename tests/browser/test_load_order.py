"""The Inspector and Sum Server 2 load last: the Caller and Sum Server 1 connect first, and the first Sum is
not held back.

In one page, same-origin iframes run their scripts on one main thread; loading the Inspector or a second
server beside the others made the first Sum wait for their scripts (bench/first_sum.py measures it).
assets/shell.js records when the platform first listed each app, and each app's own document says when it
started.
"""

from playwright.sync_api import expect

import ids
from harness.browser import CONNECT_TIMEOUT_MS, Shell

FIRST = ("Caller", "Sum Server 1")
LAST = ("Sum Server 2", "Inspector")


def started_at(shell, name):
    """When the app's document began loading, on the clock every document of the page shares."""
    return shell.frame(name).evaluate("() => performance.timeOrigin")


def test_lola001_the_inspector_and_sum_server_2_start_loading_once_the_first_apps_are_connected(browser, live_server):
    # Tall enough for the Inspector's log: it renders the log only while it is on screen.
    context = browser.new_context(viewport={"width": 1400, "height": 2400})
    try:
        shell = Shell(context.new_page(), live_server.url)
        shell.page.goto(live_server.url + "/")
        shell.wait_connected(*FIRST)
        shell.sum(20, 22)  # at once, as the benchmark does: the others may still be loading
        expect(shell.caller.locator(f"#{ids.SUM_RESULT}")).to_have_text("Sum is 42", timeout=CONNECT_TIMEOUT_MS)
        shell.wait_connected(*LAST)
        connected = shell.page.evaluate("() => window.ioConnectShell.connectedAt")
        for name in LAST:
            assert started_at(shell, name) >= max(connected[first] for first in FIRST), name
        assert all(started_at(shell, name) < connected[name] for name in FIRST)
        # Whatever it missed while loading is in its log all the same: each app keeps its own in a shared context.
        shell.wait_for_log_row(lambda row: row["args"] == '{"a":"20","b":"22"}', CONNECT_TIMEOUT_MS)
        assert shell.problems() == []
    finally:
        context.close()


def test_lola002_when_the_servers_never_connect_the_inspector_loads_all_the_same(browser, live_server):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    context.route(f"{live_server.url}/server/**", lambda route: route.abort())
    try:
        shell = Shell(context.new_page(), live_server.url)
        shell.page.goto(live_server.url + "/")
        shell.wait_connected("Caller", "Inspector")  # it shows what is there, and that the servers are not
        connected = shell.page.evaluate("() => window.ioConnectShell.connectedAt")
        assert "Sum Server 1" not in connected and "Sum Server 2" not in connected
        expect(shell.card("Sum Server 1").locator(".badge")).to_have_text("connecting…")
    finally:
        context.close()
