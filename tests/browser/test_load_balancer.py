"""Two gunicorn instances behind nginx with deploy/nginx.conf, as docs/deployment.md shows it.

Round robin spreads the callbacks of one page over both instances; when one
stops, nginx retries its requests (POSTs included) on the other, and the page
in use never notices; once restarted, it gets requests again. The instances
trust nginx as one proxy hop (IOCONNECT_PROXY_HOPS=1), so their access logs show
the client's address.
"""

import http.client
import os
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from playwright.sync_api import expect

import ids
from harness.browser import ROOT, LiveServer, Shell, free_port, wait_until_answering

NGINX_CONF = ROOT / "deploy" / "nginx.conf"
ENSURE = ROOT / "scripts" / "ensure-debian-package.sh"
SEARCH_PATH = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/sbin"])
QUICK_MS = 10_000  # an upper bound for one answer on a loaded machine, not a pause
CALLBACK_LINE = re.compile(r'gunicorn\.access: \S+ "POST /(?:\w+/)?_dash-update-component[? ]')
# hosting/logging_config.py's ACCESS_LOG_FORMAT: the client first, then the request line.
GET_LINE = re.compile(r'gunicorn\.access: (?P<client>\S+) "GET (?P<path>\S+) ')
BEHIND_NGINX = {"IOCONNECT_PROXY_HOPS": "1"}
# deploy/nginx.conf's log_format "upstreams".
ACCESS_LINE = re.compile(
    r'^(?P<msec>\d+\.\d+) (?P<client>\S+) "(?P<method>\S+) (?P<path>\S+) [^"]*" (?P<status>\d+) \d+ '
    r"upstream=(?P<upstreams>.+) upstream_status=(?P<statuses>.+) (?P<seconds>\d+\.\d+)$"
)

pytestmark = pytest.mark.servers  # deployment: Dash 4 only, beside the browser stage (scripts/test.sh)


@pytest.fixture(scope="module")
def nginx_binary():
    """Debian's nginx, installed by the script `make setup` runs when it is missing."""
    env = {**os.environ, "PATH": SEARCH_PATH}
    installed = subprocess.run(
        [str(ENSURE), "nginx", "nginx", "the load-balancer test"], env=env, capture_output=True, text=True
    )
    path = shutil.which("nginx", path=SEARCH_PATH)
    if installed.returncode != 0 or path is None:
        pytest.fail(f"The load-balancer test needs nginx, and it could not be installed:\n{installed.stderr}")
    return path


class Nginx:
    """deploy/nginx.conf with its placeholders filled in, run in the foreground from its own prefix directory."""

    def __init__(self, binary, prefix, upstreams):
        self.prefix = prefix
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = NGINX_CONF.read_text()
        values = {"{{LISTEN_PORT}}": str(self.port), "{{UPSTREAM_A}}": upstreams[0], "{{UPSTREAM_B}}": upstreams[1]}
        for placeholder, value in values.items():
            config = config.replace(placeholder, value)
        assert "{{" not in config, "deploy/nginx.conf has a placeholder this test does not fill in"
        (prefix / "nginx.conf").write_text(config)
        self.output = open(prefix / "nginx.out", "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [binary, "-c", str(prefix / "nginx.conf"), "-p", f"{prefix}/", "-g", "daemon off;"],
            stdout=self.output,
            stderr=subprocess.STDOUT,
        )
        self._wait_until_up()

    def _wait_until_up(self):
        wait_until_answering(
            self.process, self.url + "/healthz", lambda: f"nginx: {self.read('nginx.out')}{self.read('error.log')}"
        )

    def read(self, name):
        path = self.prefix / name
        return path.read_text() if path.exists() else ""

    def requests(self):
        """The access log as dicts; ``upstreams`` and ``statuses`` list every server tried, in order."""
        entries = []
        for line in self.read("access.log").splitlines():
            match = ACCESS_LINE.match(line)
            assert match, f"not in deploy/nginx.conf's log format: {line}"
            entry = match.groupdict()
            entry["upstreams"] = entry["upstreams"].split(", ")
            entry["statuses"] = entry["statuses"].split(", ")
            entry["started"] = float(entry["msec"]) - float(entry["seconds"])
            entries.append(entry)
        return entries

    def errors(self):
        return [
            line for line in self.read("error.log").splitlines() if re.search(r"\[(error|crit|alert|emerg)\]", line)
        ]

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.output.close()


def callbacks(server):
    """The callback requests an instance has logged."""
    return sum(1 for line in Path(server.log_path).read_text().splitlines() if CALLBACK_LINE.search(line))


def address(server):
    return f"127.0.0.1:{server.port}"


@pytest.fixture
def balanced(request, tmp_path, nginx_binary):
    """Two instances (one worker each) and nginx in front of them: (nginx, [instance A, instance B])."""
    instances = []

    def no_tracebacks():  # the last finalizer: once nginx and both instances have stopped
        for instance in instances:
            assert instance.errors() == [], Path(instance.log_path).read_text()

    request.addfinalizer(no_tracebacks)
    for name in ("a", "b"):
        instance = LiveServer(tmp_path / f"gunicorn-{name}.log", workers=1, **BEHIND_NGINX)
        request.addfinalizer(instance.stop)  # a second stop() of a stopped instance is harmless
        instances.append(instance)
    prefix = tmp_path / "nginx"
    prefix.mkdir()
    nginx = Nginx(nginx_binary, prefix, [address(i) for i in instances])
    request.addfinalizer(nginx.stop)
    return nginx, instances


@pytest.fixture
def shell_via_nginx(browser, balanced):
    context = browser.new_context()
    nginx, _ = balanced
    yield Shell(context.new_page(), nginx.url).open()
    context.close()


def result_lines(shell):
    return shell.caller.locator(f"#{ids.SUM_RESULT} > div")


def send_message(shell, text):
    """SendMessage to the best server: the caller reports it delivered, and one server shows the text."""
    shell.caller.locator(f"#{ids.MESSAGE_INPUT}").fill(text)
    shell.caller.locator(f"#{ids.SEND_MESSAGE_BUTTON}").click()
    expect(shell.caller.locator(f"#{ids.SEND_MESSAGE_RESULT}")).to_contain_text(
        "Message delivered to", timeout=QUICK_MS
    )
    shown = [shell.app(name).locator(f"#{ids.MESSAGE}") for name in ("Sum Server 1", "Sum Server 2")]
    shell.wait_until(lambda: text in [message.inner_text() for message in shown], timeout_ms=QUICK_MS)


def test_lbal001_callbacks_of_one_page_go_to_both_instances(balanced, shell_via_nginx):
    nginx, instances = balanced
    shell = shell_via_nginx
    before = [callbacks(i) for i in instances]
    shell.sum(37, 5)
    expect(result_lines(shell)).to_have_text(["Sum is 42"], timeout=QUICK_MS)
    send_message(shell, "through nginx")
    # Each instance logs a request just after answering it.
    shell.wait_until(lambda: all(callbacks(i) > n for i, n in zip(instances, before, strict=True)), QUICK_MS)

    served = {entry["upstreams"][-1] for entry in nginx.requests()}
    assert served == {address(i) for i in instances}
    assert [e for e in nginx.requests() if int(e["status"]) >= 400] == []
    assert nginx.errors() == []
    assert shell.problems() == []


def test_lbal002_when_an_instance_stops_the_other_answers_and_the_page_goes_on(balanced, shell_via_nginx):
    nginx, (survivor, stopped) = balanced
    shell = shell_via_nginx
    # Loading the page ran callbacks on both instances: the one to stop was in use.
    shell.wait_until(lambda: callbacks(survivor) > 0 and callbacks(stopped) > 0, QUICK_MS)
    marker = "() => { window.__lbal_marker = 'the page before the stop'; }"
    shell.page.evaluate(marker)
    shell.frame("Caller").evaluate(marker)

    stopped.stop()  # SIGTERM, then wait for gunicorn to exit
    stopped_at = time.time()
    stopped_log = Path(stopped.log_path).read_text()
    before = callbacks(survivor)

    for n in range(6):
        shell.sum(37, 5 + n)
        expect(result_lines(shell)).to_have_text([f"Sum is {42 + n}"], timeout=QUICK_MS)
    send_message(shell, "after the stop")
    shell.wait_until(lambda: callbacks(survivor) >= before + 7, QUICK_MS)  # a callback each at least

    # The page was not reloaded: neither the shell nor the caller's iframe.
    for context in (shell.page, shell.frame("Caller")):
        assert context.evaluate("window.__lbal_marker") == "the page before the stop"
    assert Path(stopped.log_path).read_text() == stopped_log  # the stopped instance got nothing more
    after = [e for e in nginx.requests() if e["started"] >= stopped_at]
    assert [e for e in after if e["upstreams"][-1] != address(survivor) or int(e["status"]) >= 400] == []
    # nginx still tried the stopped instance in its turn (max_fails=0), was refused, and retried the request,
    # callback POSTs included, on the survivor.
    retried = [e for e in after if e["upstreams"] == [address(stopped), address(survivor)]]
    assert all(e["statuses"][0] == "502" for e in retried), retried
    assert any(e["method"] == "POST" and "_dash-update-component" in e["path"] for e in retried), after
    assert all(address(stopped) in line for line in nginx.errors()), nginx.errors()
    assert shell.problems() == []


def post_callback(url):
    """A POST to a callback endpoint, malformed on purpose: the app answers 400 at once, nginx's failures are 502."""
    request = urllib.request.Request(
        url + "/caller/_dash-update-component",
        data=b'{"output": "none", "inputs": []}',
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_lbal003_no_post_fails_while_an_instance_stops_and_it_is_used_again_once_restarted(request, tmp_path, balanced):
    """POSTs sent while an instance shuts down: some reach it on a kept-alive connection or its listening
    socket just before it closes, and fail after nginx sent them; non_idempotent has nginx retry those too."""
    nginx, (_, restarted) = balanced
    with ThreadPoolExecutor(8) as pool:
        assert set(pool.map(post_callback, [nginx.url] * 16)) == {400}  # keep-alive connections to both
        restarted.process.terminate()
        during = []
        while True:
            during += pool.map(post_callback, [nginx.url] * 8)
            if restarted.process.poll() is not None:
                break
    restarted.stop()
    assert set(during) == {400}, Counter(during)

    again = LiveServer(tmp_path / "gunicorn-b-again.log", workers=1, port=restarted.port, **BEHIND_NGINX)
    request.addfinalizer(again.stop)
    deadline = time.monotonic() + 5  # max_fails=0: nginx tries it in its turn, so it is back at once
    while callbacks(again) == 0:
        assert time.monotonic() < deadline, "nginx sent nothing to the restarted instance"
        assert post_callback(nginx.url) == 400
    assert again.errors() == []
    assert all(address(restarted) in line for line in nginx.errors()), nginx.errors()


def get_from(url, source, path, headers):
    """GET ``path`` on a connection from the local address ``source``, and return the status."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30, source_address=(source, 0))
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def test_lbal004_the_access_logs_show_the_clients_address_not_nginxs(balanced):
    """The client connects from 127.0.0.2 (every 127.x address is this machine), nginx connects to the instances
    from 127.0.0.1; the client's own X-Forwarded-For, left of nginx's entry, is not trusted."""
    nginx, instances = balanced
    client = "127.0.0.2"
    paths = [f"/healthz?probe=lbal004-{n}" for n in range(4)]  # round robin: some to each instance
    for path in paths:
        assert get_from(nginx.url, client, path, {"X-Forwarded-For": "198.51.100.66"}) == 200

    def logged():
        lines = [line for i in instances for line in Path(i.log_path).read_text().splitlines()]
        return {m["path"]: m["client"] for m in map(GET_LINE.search, lines) if m and "probe=lbal004" in m["path"]}

    def logged_by_nginx():
        return {e["path"]: e["client"] for e in nginx.requests() if "lbal004" in e["path"]}

    # Each instance, and nginx, logs a request just after answering it.
    wait_until_logged = time.monotonic() + QUICK_MS / 1000
    while len(logged()) < len(paths) or len(logged_by_nginx()) < len(paths):
        assert time.monotonic() < wait_until_logged, (logged(), logged_by_nginx())
        time.sleep(0.05)
    assert logged() == dict.fromkeys(paths, client)
    assert logged_by_nginx() == dict.fromkeys(paths, client)
