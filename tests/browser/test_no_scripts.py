"""The lesson stands alone: the Caller and the Sum Server work without any of this project's scripts.

``no_scripts_app`` mounts their layouts and ``register()`` functions unchanged
on plain ``dash.Dash`` apps with an empty assets folder, under the vendor's
plain platform page: no compat script, no activity seam, no shell, no
``?name=``. Both servers are then "Sum Server", so the Caller must tell them
apart by instance. Nothing adds to a result here (the activity seam's
``sent`` is absent), so what the Caller shows must come from the
``InvocationResult`` that dash_glue42 hands its result callbacks; and each
app's instance badge is filled by its ``register()``'s inline clientside
callback, with no asset to hold the code.

Dash 2.18 only: on Dash 3 and later dash_glue42's ``MethodRegister`` crashes
without the compat script (``test_compat.py``).
"""

import pytest
from playwright.sync_api import expect

import ids
from harness.browser import CONNECT_TIMEOUT_MS, LiveServer, console_text, wait_until
from hosting.dash_compat import DASH_MAJOR
from tests.browser import no_scripts_app

pytestmark = [
    pytest.mark.browser,
    pytest.mark.core,
    pytest.mark.skipif(
        DASH_MAJOR >= 3,
        reason="on Dash 3 and later dash_glue42 needs the compat script (assets/dash_glue42_compat.js), "
        "so the lesson without our scripts runs on Dash 2.18 only",
    ),
]

CALLER, *SERVERS = (frame_id for frame_id, _ in no_scripts_app.FRAMES)  # the platform page's iframes
RESULT_TIMEOUT_MS = 10_000

# In a frame: the Sum servers its glue sees, as {application, instance}.
SUM_SERVERS = """() => window.glue42dash.glueInstance.interop.servers()
    .filter((s) => s.getMethods().some((m) => m.name === "Sum"))
    .map((s) => ({application: s.application, instance: s.instance}))"""


@pytest.fixture(scope="module")
def no_scripts_server(tmp_path_factory):
    server = LiveServer(
        tmp_path_factory.mktemp("no-scripts") / "gunicorn.log",
        workers=1,
        app="tests.browser.no_scripts_app:create_server()",
        NO_SCRIPTS_ASSETS=str(tmp_path_factory.mktemp("empty-assets")),
    )
    yield server
    server.stop()
    assert server.errors() == [], server.log_text()


class Platform:
    """The plain platform page, its three iframes, and every console line any frame logged."""

    def __init__(self, page, url):
        self.page = page
        self.console = []
        page.on("console", lambda message: self.console.append((message.type, console_text(message))))
        page.on("pageerror", lambda error: self.console.append(("pageerror", str(error))))
        page.goto(url + "/")

    def app(self, frame_id):
        return self.page.frame_locator(f"#{frame_id}")

    def frame(self, frame_id):
        return self.page.locator(f"#{frame_id}").element_handle().content_frame()

    @property
    def caller(self):
        return self.app(CALLER)

    def wait_until(self, condition, timeout_ms=RESULT_TIMEOUT_MS):
        wait_until(self.page, condition, timeout_ms)

    def sum_servers(self):
        """The Sum servers the Caller's glue sees."""
        return self.frame(CALLER).evaluate(SUM_SERVERS)

    def instance(self, frame_id):
        """The interop instance id of the app in ``frame_id``."""
        return self.frame(frame_id).evaluate("() => window.glue42dash.glueInstance.interop.instance.instance")

    def history_length(self):
        return len([line for line in self.caller.locator(f"#{ids.SUM_HISTORY}").inner_text().splitlines() if line])

    def sum(self, a, b, target):
        """Fill the inputs, pick the target, click Sum, as a person would; the lines of the result it renders.

        The Caller's history gets a line per Sum result it renders, so one more line says this result is on
        screen, whatever its text (two results in a row may read the same).
        """
        before = self.history_length()
        self.caller.locator(f"#{ids.NUMBER_A}").fill(str(a))
        self.caller.locator(f"#{ids.NUMBER_B}").fill(str(b))
        self.caller.locator(f"#{ids.TARGET}").get_by_text(target, exact=True).click()
        self.caller.locator(f"#{ids.SUM_BUTTON}").click()
        self.wait_until(lambda: self.history_length() > before)
        return self.caller.locator(f"#{ids.SUM_RESULT} > div").all_inner_texts()

    def handled(self, frame_id, *texts):
        """The lines of a server's handled list that contain every one of ``texts``."""
        lines = self.app(frame_id).locator(f"#{ids.HANDLED_LIST}").inner_text().splitlines()
        return [line for line in lines if all(text in line for text in texts)]

    def assert_no_problems(self):
        """No frame has logged an error or a warning, nor thrown an uncaught exception."""
        problems = [entry for entry in self.console if entry[0] in ("error", "warning", "pageerror")]
        assert not problems, "\n".join(f"{kind}: {text}" for kind, text in problems)


@pytest.fixture(scope="module")
def platform(browser, no_scripts_server):
    """The platform page with the Caller and both Sum Servers connected, each showing its name."""
    context = browser.new_context(viewport={"width": 1200, "height": 2400})
    platform = Platform(context.new_page(), no_scripts_server.url)
    for frame_id, name in ((CALLER, "Caller"), *((server, "Sum Server") for server in SERVERS)):
        # The instance badge is filled by a clientside callback of register(): proof it works without assets.
        expect(platform.app(frame_id).locator(f"#{ids.INSTANCE_NAME}")).to_have_text(name, timeout=CONNECT_TIMEOUT_MS)
    platform.wait_until(lambda: len(platform.sum_servers()) == 2, CONNECT_TIMEOUT_MS)
    yield platform
    context.close()


def server_instances(platform):
    return {frame_id: platform.instance(frame_id) for frame_id in SERVERS}


def test_nosc001_no_script_of_ours_is_in_any_page(platform):
    """What the test stands on: every page is Dash's and dash_glue42's alone, and both servers share a name."""
    for frame_id in (CALLER, *SERVERS):
        sources = platform.frame(frame_id).evaluate("() => [...document.scripts].map((s) => s.src).filter(Boolean)")
        assert not [src for src in sources if "/assets/" in src], sources
    assert [s["application"] for s in platform.sum_servers()] == ["Sum Server", "Sum Server"]
    platform.assert_no_problems()


def test_nosc002_best_sums(platform):
    assert platform.sum(37, 5, "best") == ["Sum is 42"]
    platform.assert_no_problems()


def test_nosc003_the_documented_error_for_bad_arguments(platform):
    assert platform.sum("abc", 5, "best") == ["The arguments must be numbers!"]
    platform.assert_no_problems()


def test_nosc004_target_all_gives_a_line_per_server_each_naming_its_instance(platform):
    instances = server_instances(platform)
    lines = platform.sum(37, 5, "all")
    assert len(lines) == 2, f"expected one line per answering server {sorted(instances.values())}, got {lines}"
    for frame_id, instance in instances.items():
        mine = [line for line in lines if instance in line]
        assert len(mine) == 1 and "Sum Server" in mine[0] and "Sum is 42" in mine[0], (frame_id, instance, lines)
    platform.assert_no_problems()


def test_nosc005_skipmine_reaches_both_servers_but_not_the_serving_caller(platform):
    platform.caller.get_by_label("Serve Sum from this caller too").check()
    caller_instance = platform.instance(CALLER)
    platform.wait_until(lambda: len(platform.sum_servers()) == 3, CONNECT_TIMEOUT_MS)
    assert caller_instance in [s["instance"] for s in platform.sum_servers()]
    instances = server_instances(platform)

    lines = platform.sum(19, 23, "skipMine")

    assert len(lines) == 2, f"expected a line from each Sum Server {sorted(instances.values())}, got {lines}"
    for instance in instances.values():
        assert len([line for line in lines if instance in line and "Sum is 42" in line]) == 1, (instance, lines)
    assert not [line for line in lines if "Caller" in line or caller_instance in line], lines
    for frame_id in SERVERS:  # each server ran it once, for the Caller (the only one to send 19 and 23)
        # The arguments as the line writes them: "19" and "23" alone also match a time such as 19:23:49.
        assert len(platform.handled(frame_id, "Sum from Caller with {'a': '19', 'b': '23'}")) == 1, frame_id
    platform.assert_no_problems()


def test_nosc006_sendmessage_to_all_reaches_both_servers_and_names_them(platform):
    instances = server_instances(platform)
    message = "No scripts of ours: nosc006"
    platform.caller.locator(f"#{ids.MESSAGE_INPUT}").fill(message)
    platform.caller.locator(f"#{ids.TARGET}").get_by_text("all", exact=True).click()
    platform.caller.locator(f"#{ids.SEND_MESSAGE_BUTTON}").click()

    for frame_id in SERVERS:
        expect(platform.app(frame_id).locator(f"#{ids.MESSAGE}")).to_have_text(message, timeout=RESULT_TIMEOUT_MS)
    result = platform.caller.locator(f"#{ids.SEND_MESSAGE_RESULT}")
    expect(result).not_to_be_empty(timeout=RESULT_TIMEOUT_MS)
    text = result.inner_text()
    assert all(instance in text for instance in instances.values()), (sorted(instances.values()), text)
    platform.assert_no_problems()
