"""Stream publishers for the browser tests, and the inspector's Streams card as a test drives it.

A publisher is ``pages/stream_publisher.html``: the vendor's plain-JavaScript client (``@glue42/web``) with
one stream. The app does not serve it: Playwright answers a same-origin address of the live server from the
file (``/_tests/…``), and the test puts it in an iframe of the shell page, so it joins the shell's platform
the way the embedded apps do.
"""

import itertools
import json
import mimetypes
import re
from pathlib import Path
from urllib.parse import urlencode, urlparse

from playwright.sync_api import expect

import ids
from harness.browser import CONNECT_TIMEOUT_MS

PAGES = Path(__file__).resolve().parent / "pages"
PREFIX = "/_tests/"
WAIT_MS = 10_000  # generous: the machine may be loaded
_numbers = itertools.count(1)


def unique(name):
    """A stream or app name of this test alone: the inspector keeps running between tests."""
    return f"{name}-{next(_numbers)}"


def serve_test_pages(context, base_url):
    """Answer ``<base_url>/_tests/<file>`` from ``pages/`` (no CSP header: the test page is not the app)."""

    def fulfil(route):
        relative = urlparse(route.request.url).path[len(PREFIX) :]
        path = (PAGES / relative).resolve()
        if PAGES not in path.parents or not path.is_file():
            route.fulfill(status=404, body="not found")
            return
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        route.fulfill(status=200, body=path.read_bytes(), headers={"content-type": kind})

    context.route(f"{base_url}{PREFIX}**", fulfil)


class Publishers:
    """Publisher iframes in the shell page; ``remove_all`` takes them away again."""

    def __init__(self, shell, base_url):
        self.shell = shell
        self.base_url = base_url
        self.added = {}  # iframe id -> application name
        serve_test_pages(shell.page.context, base_url)

    def add(self, stream, app, accepts=None, hold=False):
        """A publisher of ``stream`` named ``app``, once its stream is published; returns its Frame.

        With ``hold``, each subscription request waits until ``acceptHeld()`` is evaluated in the Frame.
        """
        key = f"test-publisher-{next(_numbers)}"
        query = {
            "stream": stream,
            "app": app,
            **({"accepts": accepts} if accepts else {}),
            **({"hold": "1"} if hold else {}),
        }
        url = f"{self.base_url}{PREFIX}stream_publisher.html?{urlencode(query)}"
        self.shell.page.evaluate(
            """([key, url, app]) => {
                const frame = document.createElement("iframe");
                frame.id = key;
                frame.title = `Stream publisher ${app}`;
                frame.src = url;
                frame.width = "20";
                frame.height = "20";
                document.body.appendChild(frame);
            }""",
            [key, url, app],
        )
        self.added[key] = app
        frame = self.frame(key)
        frame.wait_for_function("() => window.publisher && window.publisher.isReady", timeout=CONNECT_TIMEOUT_MS)
        assert frame.evaluate("() => window.publisher.error") is None
        return frame

    def frame(self, key):
        handle = self.shell.page.locator(f"#{key}").element_handle(timeout=WAIT_MS)
        return handle.content_frame()

    def key_of(self, app):
        return next(key for key, name in self.added.items() if name == app)

    def remove(self, app):
        """Take the publisher's iframe out of the page; returns once the platform no longer lists it."""
        key = self.key_of(app)
        self.shell.page.evaluate("(key) => document.getElementById(key).remove()", key)
        del self.added[key]
        self.shell.wait_until(lambda: app not in self.platform_apps(), WAIT_MS)

    def remove_all(self):
        """Take every publisher away; returns once the Inspector's servers grid no longer lists them either.

        That grid is as tall as its rows, so a row that went later would move every card below it under the
        next test's clicks.
        """
        apps = list(self.added.values())
        for app in apps:
            self.remove(app)
        rows = inspector(self.shell).locator(f"#{ids.SERVERS_GRID} .ag-row")
        for app in apps:
            expect(rows.filter(has_text=app)).to_have_count(0, timeout=WAIT_MS)

    def platform_apps(self):
        return self.shell.page.evaluate(
            "() => window.glue42dash.glueInstance.interop.servers().map((s) => s.application)"
        )


# --- the inspector's Streams card ---------------------------------------------------------------------


def inspector(shell):
    return shell.app("Inspector")


def subscriptions(shell):
    """What the inspector's page holds: each subscription's request, state, servers and item counts."""
    return shell.frame("Inspector").evaluate("() => window.ioConnectStreams.subscriptions()")


def fill_form(shell, stream, args=None, target="best", instances=()):
    page = inspector(shell)
    picker = page.locator(f"#{ids.STREAM_METHOD}")
    args_box = page.locator(f"#{ids.STREAM_ARGS}")
    if stream is not None and picker.input_value() != stream:
        expect(picker.locator(f'option[value="{stream}"]')).to_be_attached(timeout=WAIT_MS)
        # Picking a stream prefills its arguments: wait for that before typing, or a late prefill wins.
        args_box.fill("")
        picker.select_option(stream)
        expect(args_box).not_to_have_value("", timeout=WAIT_MS)
    if args is not None:
        args_box.fill(args)
    page.locator(f"#{ids.STREAM_TARGET}").get_by_text(target, exact=True).click()
    for name in instances:
        page.locator(f"#{ids.STREAM_INSTANCES}").get_by_text(name, exact=False).click()


def subscribe(shell, stream, args=None, target="best", instances=()):
    """Fill the form, click Subscribe, and return the id of the subscription it made."""
    before = {sub["id"] for sub in subscriptions(shell)}
    fill_form(shell, stream, args, target, instances)
    inspector(shell).locator(f"#{ids.STREAM_BUTTON}").click()
    found = []

    def made():
        found[:] = [sub["id"] for sub in subscriptions(shell) if sub["id"] not in before]
        return bool(found)

    shell.wait_until(made, WAIT_MS)
    return found[0]


def card(shell, subscription):
    return inspector(shell).locator(f'[data-subscription="{subscription}"]')


def state_of(shell, subscription):
    return card(shell, subscription).locator("[role=status]")


def wait_open(shell, subscription):
    """Until the page records the subscription as open, then until its card says so.

    Waiting on the record first tells the two apart when it fails: a subscribe that glue never settled, or a
    settled one that the card does not show.
    """

    def recorded():
        return next((sub for sub in subscriptions(shell) if sub["id"] == subscription), None)

    try:
        shell.wait_until(lambda: (recorded() or {}).get("state") == "open", WAIT_MS)
    except AssertionError:
        raise AssertionError(f"not open within {WAIT_MS} ms; the page records {recorded()}") from None
    try:
        expect(state_of(shell, subscription)).to_have_text(re.compile(r"^open to 1 server"), timeout=WAIT_MS)
    except AssertionError as error:
        raise AssertionError(f"{error}\nDash holds: {dash_view(shell, subscription)}") from None


def dash_view(shell, subscription):
    """What the inspector's Dash store holds for a subscription, and the callbacks it has not finished."""
    return shell.frame("Inspector").evaluate(
        """([stateId, key]) => {
            const props = (id) => (window.dash_component_api.getLayout(id) || {}).props || {};
            const held = ((props(stateId).data || {}).subscriptions || []).find((s) => s.id === key);
            return {state: held && held.state};
        }""",
        [ids.STREAM_STATE, subscription],
    ) | {"callbacks": unfinished_callbacks(shell)}


def unfinished_callbacks(shell):
    """The outputs of the callbacks in each of the inspector's Dash queues: what a stuck form waits on."""
    return shell.frame("Inspector").evaluate(
        """() => {
            const store = (window.dash_stores || [])[0];
            if (!store) { return "no Dash store"; }
            const callbacks = store.getState().callbacks;
            const queues = {};
            for (const name of ["requested", "prioritized", "blocked", "executing", "watched", "executed"]) {
                queues[name] = (callbacks[name] || []).map((cb) => cb.callback.output);
            }
            return queues;
        }"""
    )


def items(shell, subscription):
    return card(shell, subscription).locator(".stream-item")


def item_texts(shell, subscription):
    """``[(server label, JSON text)]`` of the items shown, newest first."""
    rows = items(shell, subscription).evaluate_all(
        """items => items.map(item => [item.querySelector(".stream-server").textContent,
                                       item.querySelector(".stream-text").textContent])"""
    )
    return [(label, text) for label, text in rows]


def colour_of(item):
    """The colour class (``stream-server-N``) of one shown item."""
    return next(c for c in item.get_attribute("class").split() if c.startswith("stream-server-"))


def wait_for_items(shell, subscription, count):
    shell.wait_until(lambda: items(shell, subscription).count() >= count, WAIT_MS)
    return item_texts(shell, subscription)


def push(frame, data):
    frame.evaluate("(data) => window.publisher.push(data)", data)


def requests(frame):
    return frame.evaluate("() => window.publisher.requests")


def subscribers(frame):
    return frame.evaluate("() => window.publisher.subscribers()")


def compact(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
