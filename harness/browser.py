"""The app as deployed (gunicorn, free port) and the shell page with its apps, in Debian's Chromium.

Nothing is mocked: the shell runs the real Glue42 web platform, the apps
connect to it from their iframes, and interop goes through its gateway.
"""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import expect

import ids

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
CONNECT_TIMEOUT_MS = 20_000


def callback_requests(prefix):
    """A pattern for Playwright's ``route`` matching the callback requests of the app at ``prefix`` (``/server/``).

    Dash 4 adds a query string (``?endId=…``); Dash 2 does not.
    """
    return re.compile(rf"{re.escape(prefix)}_dash-update-component(\?|$)")


def chromium_path():
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        raise RuntimeError(f"No Chromium at {path}: run `make test` (it installs Debian's chromium) or set CHROMIUM.")
    return path


def wait_until(page, condition, timeout_ms=5_000, step_ms=50):
    """Poll ``condition`` while letting ``page``'s browser run (never time.sleep: it stalls Playwright)."""
    waited = 0
    while not condition():
        if waited >= timeout_ms:
            raise AssertionError(f"condition not met within {timeout_ms} ms")
        page.wait_for_timeout(step_ms)
        waited += step_ms


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_answering(process, url, log, timeout=30):
    """Until ``url`` answers 200; ``log()`` says what the program wrote when it exits or never answers."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"exited: {log()}")
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"did not answer in {timeout} s: {log()}")


class LiveServer:
    """``gunicorn run:server`` (or another ``app``) with the project's gunicorn.conf.py, as the Procfile runs it."""

    def __init__(self, log_path, workers=2, port=None, root=ROOT, app="run:server", ready_path="/", **env):
        self.port = port or free_port()
        self.ready_path = ready_path
        self.root = root
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        environment = {
            **os.environ,
            "HOST": "127.0.0.1",
            "PORT": str(self.port),
            "WEB_CONCURRENCY": str(workers),
            **env,
        }
        self.log = open(log_path, "w")  # noqa: SIM115 - closed in stop()
        self.argv = self.command(app)
        self.process = subprocess.Popen(
            self.argv,
            cwd=root,
            env=environment,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self._wait_until_up()

    @staticmethod
    def command(app):
        """The server's argv: a subclass starts another server the same way (bench.first_sum.DevServer)."""
        return [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", app]

    def _wait_until_up(self):
        wait_until_answering(
            self.process, self.url + self.ready_path, lambda: f"{' '.join(self.argv[1:])}: {self.log_text()}"
        )

    def log_text(self):
        return Path(self.log_path).read_text()

    def errors(self):
        return [line for line in self.log_text().splitlines() if "Traceback" in line]

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()


def console_text(message):
    """A console message, with the page it came from when it is an error (the shell and its iframes share a log)."""
    if message.type != "error":
        return message.text
    return f"{message.text} [{message.location.get('url', '?')}]"


def args_of(record):
    """A record's arguments, or None when the seam clipped them (``ids.LOG_TEXT_LIMIT``): they are no JSON then."""
    try:
        return json.loads(record["args"] or "null")
    except ValueError:
        return None


class Shell:
    """The platform shell page and the apps in its iframes."""

    def __init__(self, page, url):
        self.page = page
        self.url = url
        self.console = []
        page.on("console", lambda message: self.console.append((message.type, console_text(message))))
        page.on("pageerror", lambda error: self.console.append(("pageerror", str(error))))

    DEFAULT_APPS = ("Sum Server 1", "Sum Server 2", "Caller", "Inspector")

    def open(self):
        """The shell with every app it embeds by default connected and rendered.

        The shell's badge turns "connected" when the platform sees an app; the
        app renders its page a moment later (once its own glue is ready), so
        wait for that too: each shows its interop name when it has.
        """
        self.page.goto(self.url + "/")
        self.wait_connected(*self.DEFAULT_APPS)
        for name in self.DEFAULT_APPS:
            expect(self.app(name).locator(f"#{ids.INSTANCE_NAME}")).to_have_text(name, timeout=CONNECT_TIMEOUT_MS)
        return self

    # In the shell page: which instances the platform lists as serving Sum, and as the Caller.
    PLATFORM_VIEW = """() => {
        const servers = window.glue42dash.glueInstance.interop.servers();
        return {
            sum: servers.filter((s) => s.getMethods().some((m) => m.name === "Sum")).map((s) => s.application).sort(),
            callers: servers.filter((s) => s.application === "Caller").map((s) => "Caller " + s.instance),
        };
    }"""

    def reset(self):
        """The shell as ``open()`` leaves it, for the next test, in a sixth of the time (0.5 s against 3 s).

        Opening the shell starts the platform and four apps (about 3 s, most
        of it running dash_glue42's bundle five times). Between tests only
        the Caller is reloaded: its inputs, results, history, timeouts and
        Sum switch are the test's own. The servers and the Inspector keep
        running, so tests tell their own handled invocations by the
        arguments or text they sent (``handled_with``). A test that changed
        which apps run or left the Workspace gets the whole shell again.
        """
        self.page.context.unroute_all(behavior="ignoreErrors")
        names = self.page.locator("iframe[data-name]").evaluate_all("frames => frames.map(f => f.dataset.name)")
        if urlparse(self.page.url).path != "/" or sorted(names) != sorted(self.DEFAULT_APPS):
            self.open()
        else:
            caller = self.frame("Caller")
            caller.goto(caller.url)
            self.wait_connected("Caller")
            expect(self.caller.locator(f"#{ids.INSTANCE_NAME}")).to_have_text("Caller", timeout=CONNECT_TIMEOUT_MS)
            # The platform has let go of the old Caller instance and of any Sum it served.
            instance = caller.evaluate("() => window.glue42dash.glueInstance.interop.instance.instance")
            expected = {"sum": ["Sum Server 1", "Sum Server 2"], "callers": [f"Caller {instance}"]}
            self.wait_until(lambda: self.page.evaluate(self.PLATFORM_VIEW) == expected, CONNECT_TIMEOUT_MS)
        self.console.clear()
        return self

    # --- what an app's activity seam recorded (assets/dash_glue42_activity.js) --------------------------

    def activity(self, name, kind=None, args=None):
        """The interop records app ``name`` keeps (its log window): ``kind`` "invoked" or "handled", and only
        those whose arguments are ``args`` (a dict), when given. Pending ones included."""
        records = self.frame(name).evaluate("() => window.ioConnectActivity.records()")
        return [r for r in records if (kind is None or r["kind"] == kind) and (args is None or args_of(r) == args)]

    def wait_settled(self, name, count, args=None, timeout_ms=5_000):
        """Until app ``name`` has ``count`` settled invocations (with ``args``); returns them."""
        self.wait_until(
            lambda: len([r for r in self.activity(name, "invoked", args) if not r["pending"]]) >= count, timeout_ms
        )
        return [r for r in self.activity(name, "invoked", args) if not r["pending"]]

    def wait_handlers_done(self, servers=("Sum Server 1", "Sum Server 2"), timeout_ms=5_000):
        """Until no handler callback of ``servers`` is still running an invocation (void ones included)."""
        self.wait_until(
            lambda: not any(r["pending"] for name in servers for r in self.activity(name, "handled")), timeout_ms
        )

    def handled_with(self, text, servers=("Sum Server 1", "Sum Server 2")):
        """How many handled-invocation entries of ``servers`` contain ``text`` (each entry names its arguments)."""
        lists = [self.lines(self.app(name).locator(f"#{ids.HANDLED_LIST}")) for name in servers]
        return sum(text in line for lines in lists for line in lines)

    # --- the Inspector's log grid (pages/inspector_log.py) ---------------------------------------------

    # The rows the grid shows, after its filters and sort, from the grid's API: AG Grid draws only the rows in
    # view, so the page holds no element for most of them.
    LOG_ROWS = """(id) => {
        let api = null;
        try {
            api = window.dash_ag_grid.getApi(id);
        } catch (error) {
            return [];  // "no grid found, or grid is not initialized yet"
        }
        const rows = [];
        api.forEachNodeAfterFilterAndSort((node) => rows.push(node.data));
        return rows;
    }"""

    def log_rows(self):
        """The Inspector's log rows as the grid shows them (filtered and sorted): a dict of cells each."""
        return self.frame("Inspector").evaluate(self.LOG_ROWS, ids.LOG_GRID)

    def wait_for_log_row(self, match, timeout_ms=10_000):
        """Until the Inspector's log grid shows a row for which ``match(row)`` is true; that row. The grid
        draws new rows only while it is on screen, so it is scrolled into view first."""
        self.app("Inspector").locator(f"#{ids.LOG_GRID}").scroll_into_view_if_needed()
        found = []
        self.wait_until(lambda: found.extend(r for r in self.log_rows() if match(r)) or found, timeout_ms)
        return found[0]

    def follow_topic(self, topic, timeout_ms=5_000):
        """Open a guide topic from the guide's menu, in this page: (its body once its title shows, the names of
        the apps it embeds, as many as the topic lists)."""
        self.page.locator(".guide-nav").get_by_role("link", name=topic.label, exact=True).click()
        body = self.page.locator(f'[data-page="topic:{topic.slug}"]')
        expect(body.locator("h1")).to_have_text(topic.title, timeout=timeout_ms)
        names = body.locator("iframe[data-name]").evaluate_all("frames => frames.map(f => f.dataset.name)")
        assert len(names) == sum(count for _, count in topic.apps), (topic.slug, names)
        return body, names

    def card(self, name):
        return self.page.locator(".card", has=self.page.locator(f'iframe[data-name="{name}"]'))

    def wait_connected(self, *names):
        """Until the platform lists each app and the app's own glue is ready (the platform sees it first)."""
        for name in names:
            expect(self.card(name).locator(".badge")).to_have_text("connected", timeout=CONNECT_TIMEOUT_MS)
            self.frame(name).wait_for_function(
                "() => Boolean(window.glue42dash && window.glue42dash.glueInstance)", timeout=CONNECT_TIMEOUT_MS
            )

    def app(self, name):
        """A FrameLocator for an embedded app: its locators auto-wait."""
        return self.page.frame_locator(f'iframe[data-name="{name}"]')

    def frame(self, name):
        """The Frame object of an embedded app, for evaluating JavaScript in it."""
        return self.page.locator(f'iframe[data-name="{name}"]').element_handle().content_frame()

    def add(self, app_name):
        self.page.get_by_role("button", name=f"Add {app_name}").click()

    @property
    def caller(self):
        return self.app("Caller")

    def choose_target(self, target):
        self.caller.locator(f"#{ids.TARGET}").get_by_text(target, exact=True).click()

    def sum(self, a, b, target=None):
        if target:
            self.choose_target(target)
        self.caller.locator("#number-a").fill(str(a))
        self.caller.locator("#number-b").fill(str(b))
        self.caller.locator("#sum-numbers-btn").click()

    @staticmethod
    def lines(locator):
        """The non-empty text lines of a log element (histories are plain text, a line each)."""
        return [line for line in locator.inner_text().splitlines() if line.strip()]

    def wait_for_lines(self, locator, count, timeout_ms=5_000):
        self.wait_until(lambda: len(self.lines(locator)) >= count, timeout_ms)
        return self.lines(locator)

    def wait_until(self, condition, timeout_ms=5_000, step_ms=50):
        wait_until(self.page, condition, timeout_ms, step_ms)

    def problems(self):
        """Console errors and warnings: the apps must run without any."""
        return [entry for entry in self.console if entry[0] in ("error", "warning", "pageerror")]
