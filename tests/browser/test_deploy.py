"""Deployment as documented: gunicorn with several workers, one log format, graceful SIGTERM."""

import re
import signal
from pathlib import Path

import pytest
from playwright.sync_api import expect

import ids
from tests.browser.harness import LiveServer, Shell

pytestmark = pytest.mark.browser
LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} [A-Z]+ \[\d+\] [\w.]+: ")
CALLBACK_REQUEST = re.compile(r"^\S+ \S+ \w+ \[(\d+)\] gunicorn\.access: .*\"POST /server/_dash-update-component")


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
    lines = [line for line in Path(three_workers.log_path).read_text().splitlines() if line.strip()]
    assert any("gunicorn.access" in line for line in lines)
    odd = [line for line in lines if not LOG_LINE.match(line)]
    assert odd == []


def test_depl003_sigterm_shuts_down_gracefully(tmp_path):
    server = LiveServer(tmp_path / "gunicorn.log", workers=2)
    server.process.send_signal(signal.SIGTERM)
    assert server.process.wait(timeout=30) == 0
    server.log.close()
    assert "Shutting down" in Path(server.log_path).read_text()
