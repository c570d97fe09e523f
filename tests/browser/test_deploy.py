"""Deployment as documented: gunicorn with several workers, one log format, a graceful SIGTERM and HUP."""

import http.client
import re
import signal
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from playwright.sync_api import expect

import ids
from harness.browser import LiveServer, Shell

LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} [A-Z]+ \[\d+\] [\w.]+: ")
HEALTH_REQUEST = re.compile(r"^\S+ \S+ \w+ \[(\d+)\] gunicorn\.access: .*\"GET /healthz\?round=(\d+)")
CALLBACK_REQUEST = re.compile(r"^\S+ \S+ \w+ \[(\d+)\] gunicorn\.access: .*\"POST /server/_dash-update-component")

pytestmark = pytest.mark.servers  # deployment: Dash 4 only, beside the browser stage (scripts/test.sh)


@pytest.fixture(scope="module")
def three_workers(tmp_path_factory):
    # No keep-alive: every request is accepted anew, by whichever worker is free.
    server = LiveServer(tmp_path_factory.mktemp("workers") / "gunicorn.log", workers=3, GUNICORN_KEEPALIVE="0")
    yield server
    server.stop()


def test_depl001_interop_works_when_callbacks_land_on_different_workers(browser, three_workers):
    context = browser.new_context()
    shell = Shell(context.new_page(), three_workers.url).open()
    shell.choose_target("all")
    for n in range(1, 7):
        shell.sum(n, 100)
        lines = shell.caller.locator(f"#{ids.SUM_RESULT} > div")
        expect(lines).to_have_text([re.compile(rf"Sum Server \d: Sum is {n + 100}$")] * 2, timeout=5_000)
    context.close()
    log = Path(three_workers.log_path).read_text().splitlines()
    handler_workers = {m.group(1) for m in map(CALLBACK_REQUEST.match, log) if m}
    assert len(handler_workers) >= 2, handler_workers  # the Sum handler ran on more than one worker


def test_depl002_one_log_format_with_request_lines(three_workers):
    """Its own request first: the test must not depend on depl001 having run (``-m "not browser"`` skips it)."""
    with urllib.request.urlopen(three_workers.url + "/healthz?round=depl002", timeout=5) as response:
        assert response.status == 200
    log_path = Path(three_workers.log_path)
    deadline = time.monotonic() + 10
    while "/healthz?round=depl002" not in log_path.read_text() and time.monotonic() < deadline:
        time.sleep(0.05)  # the worker writes its access line just after the response
    lines = [line for line in log_path.read_text().splitlines() if line.strip()]
    assert any("gunicorn.access" in line and "/healthz?round=depl002" in line for line in lines)
    odd = [line for line in lines if not LOG_LINE.match(line)]
    assert odd == []


def test_depl003_sigterm_shuts_down_gracefully(tmp_path):
    server = LiveServer(tmp_path / "gunicorn.log", workers=2)
    server.process.send_signal(signal.SIGTERM)
    assert server.process.wait(timeout=30) == 0
    server.log.close()
    assert "Shutting down" in Path(server.log_path).read_text()


def test_depl004_connections_opened_together_are_spread_over_the_workers(tmp_path):
    """Keep-alive connections that open at once (a proxy's pool, a load test) use every worker.

    With one listening socket shared by the workers, one worker often accepted
    all of them and the other core stayed idle; ``reuse_port`` gives each
    worker its own socket and the kernel spreads the connections.
    """
    server = LiveServer(tmp_path / "gunicorn.log", workers=2)
    try:
        for round_number in range(3):
            connections = [http.client.HTTPConnection("127.0.0.1", server.port, timeout=10) for _ in range(16)]
            for connection in connections:
                connection.connect()
            for connection in connections:
                connection.request("GET", f"/healthz?round={round_number}")
                assert connection.getresponse().read()
            for connection in connections:
                connection.close()
    finally:
        server.stop()
    workers_by_round = {}
    for match in filter(None, map(HEALTH_REQUEST.match, Path(server.log_path).read_text().splitlines())):
        workers_by_round.setdefault(match.group(2), set()).add(match.group(1))
    assert sorted(workers_by_round) == ["0", "1", "2"]
    assert all(len(workers) == 2 for workers in workers_by_round.values()), workers_by_round


def fresh_request(port, path):
    """One request on a connection of its own: the status, or the error that ended it."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        return connection.getresponse().status
    except OSError as error:
        return repr(error)
    finally:
        connection.close()


def test_depl005_a_reload_drops_no_connection_opened_while_it_runs(tmp_path):
    """A HUP replaces the workers; every connection opened meanwhile is answered.

    The old workers linger while their kept-alive connections close. With ``reuse_port`` the
    kernel kept queueing new connections on an old worker's own socket, and reset them when it
    closed: a Caller click made then was lost (``hstl006``). hosting/gunicorn_worker.py.
    """
    server = LiveServer(tmp_path / "gunicorn.log", workers=2)
    kept_alive = [http.client.HTTPConnection("127.0.0.1", server.port, timeout=10) for _ in range(8)]
    try:
        for connection in kept_alive:  # on both workers, nearly always: so the old workers linger
            connection.request("GET", "/healthz?round=kept")
            assert connection.getresponse().read()
        server.process.send_signal(signal.SIGHUP)
        answers = []
        deadline = time.monotonic() + 60
        with ThreadPoolExecutor(8) as pool:
            while server.log_text().count("Worker exiting") < 2:  # until both old workers are gone
                assert time.monotonic() < deadline, server.log_text()
                answers += pool.map(lambda n: fresh_request(server.port, f"/healthz?round=hup{n}"), range(8))
        failed = [answer for answer in answers if answer != 200]
        assert failed == [], f"{len(failed)} of {len(answers)} failed: {failed[:3]}"
    finally:
        for connection in kept_alive:
            connection.close()
        server.stop()
