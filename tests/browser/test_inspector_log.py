"""The Inspector's invocation log as a file (export JSON and CSV, open an exported log) and its filter,
through the real shell.

The Inspector is not reloaded between tests (``Shell.reset``), so each test
leaves its log live and unfiltered (the ``log_view`` fixture). Each test makes
invocations with arguments of its own, and finds its rows by them.
"""

import csv
import io
import json
import re
import uuid

import pytest
from playwright.sync_api import expect

import ids
from interop import log_file
from interop.log import ANY
from tests.browser.test_inspector import invoke_form

WAIT_MS = 10_000  # generous: a slow, loaded machine
FILTERS = (ids.LOG_FILTER_METHOD, ids.LOG_FILTER_APP, ids.LOG_FILTER_OUTCOME)


def inspector(shell):
    return shell.app("Inspector")


def log_lines(shell):
    return inspector(shell).locator(f"#{ids.LOG_LINES}")


@pytest.fixture
def log_view(shell):
    """The shell; afterwards the Inspector's log is live again, with no filter, and the console stayed quiet."""
    yield shell
    page = inspector(shell)
    if page.locator(f"#{ids.LOG_FILE_BANNER}").is_visible():
        page.locator(f"#{ids.LOG_BACK_LIVE}").click()
        expect(page.locator(f"#{ids.LOG_FILE_BANNER}")).to_be_hidden()
    for select in FILTERS:
        page.locator(f"#{select}").select_option(value=ANY)
    expect(page.locator(f"#{ids.LOG_SUMMARY}")).not_to_contain_text(" shown ")
    assert shell.problems() == []


def wait_for_line(shell, *texts):
    """Until the log shows a line with every one of ``texts``; that line."""
    log = log_lines(shell)
    log.scroll_into_view_if_needed()  # the page sends the log to Python only while it is on screen
    pattern = ".*".join(re.escape(text) for text in texts)
    expect(log).to_contain_text(re.compile(pattern), timeout=WAIT_MS)
    return next(line for line in shell.lines(log) if re.search(pattern, line))


def sum_in_the_log(shell, a, b):
    """A Caller Sum of ``a`` and ``b``, once the Inspector's log has both the Caller's settled record of it (its
    latency, "N ms") and the server's own record (✔): the two apps publish their records apart."""
    shell.sum(a, b)
    return wait_for_line(shell, f' ms  {{"a":"{a}","b":"{b}"}}', f' ✔: {{"sum":{a + b}}}')


def export(shell, button, tmp_path):
    """Click an export button; the downloaded file's name and text."""
    with shell.page.expect_download(timeout=WAIT_MS) as download:
        inspector(shell).locator(f"#{button}").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    return download.value.suggested_filename, path.read_text(encoding="utf-8")


def caller_instance(shell):
    return shell.frame("Caller").evaluate("() => window.glue42dash.glueInstance.interop.instance.instance")


@pytest.mark.core
def test_insl001_export_json_holds_the_sum_with_its_answer(log_view, tmp_path):
    shell = log_view
    sum_in_the_log(shell, 4817, 2293)
    name, text = export(shell, ids.LOG_EXPORT_JSON, tmp_path)
    assert re.fullmatch(r"interop-log-\d{8}-\d{6}\.json", name), name
    document = json.loads(text)
    assert (document["format"], document["version"]) == ("io-connect-dash-interop-log", 1)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", document["exported_at"])
    assert document["software"]["dash_glue42"] == "1.5.0" and document["software"]["dash"]
    [sent] = [item for item in document["invocations"] if item["args"] == '{"a":"4817","b":"2293"}']
    assert (sent["method"], sent["caller"], sent["caller_instance"]) == ("Sum", "Caller", caller_instance(shell))
    assert sent["target"] == "best" and sent["reported_by_caller"] is True and sent["error"] is None
    assert 0 < sent["latency_ms"] < WAIT_MS and sent["start_iso"].endswith("Z")
    [server] = sent["servers"]
    assert server["application"] in ("Sum Server 1", "Sum Server 2")
    assert (server["outcome"], server["ok"], server["handled"]) == ('{"sum":7110}', True, True)
    assert {"application": "Caller", "instance": caller_instance(shell)} in document["apps"]


def test_insl002_export_csv_has_a_line_for_the_sum_and_each_server(log_view, tmp_path):
    shell = log_view
    shell.choose_target("all")
    sum_in_the_log(shell, 3911, 5077)
    wait_for_line(shell, '{"a":"3911","b":"5077"}', ' ✔: {"sum":8988} | ', ' ✔: {"sum":8988}')
    name, text = export(shell, ids.LOG_EXPORT_CSV, tmp_path)
    assert re.fullmatch(r"interop-log-\d{8}-\d{6}\.csv", name), name
    table = list(csv.reader(io.StringIO(text)))
    header = table[0]
    assert header[:12] == [
        "time_iso",
        "method",
        "caller",
        "caller_instance",
        "target",
        "args",
        "latency_ms",
        "server",
        "server_instance",
        "outcome",
        "ok",
        "handled",
    ]
    lines = [dict(zip(header, line, strict=True)) for line in table[1:]]
    mine = [line for line in lines if line["args"] == '{"a":"3911","b":"5077"}']
    assert sorted(line["server"] for line in mine) == ["Sum Server 1", "Sum Server 2"]
    for line in mine:
        assert (line["method"], line["caller"], line["target"]) == ("Sum", "Caller", "all")
        assert (line["outcome"], line["ok"], line["handled"]) == ('{"sum":8988}', "true", "true")
        # An instance id may start with "-", which the CSV writes with its formula guard (a leading apostrophe).
        assert line["caller_instance"] == log_file.safe_cell(caller_instance(shell)) and float(line["latency_ms"]) > 0


def inspector_context(shell, name):
    """A shared context as the Inspector's glue holds it."""
    return shell.frame("Inspector").evaluate("(name) => window.glue42dash.glueInstance.contexts.get(name)", name)


def test_insl003_an_exported_log_opens_again_marked_as_a_file_then_back_to_live(log_view, tmp_path):
    shell = log_view
    page = inspector(shell)
    line = sum_in_the_log(shell, 6133, 1709)
    name, text = export(shell, ids.LOG_EXPORT_JSON, tmp_path)
    count = len(json.loads(text)["invocations"])
    page.locator(f"#{ids.LOG_UPLOAD} input[type=file]").set_input_files(tmp_path / name)
    note = page.locator(f"#{ids.LOG_FILE_NOTE}")
    expect(note).to_have_text(
        re.compile(
            rf"^Showing {re.escape(name)} \(exported \d{{4}}-\d\d-\d\dT[\d:.]+Z, {count} invocations?\)"
            r" — not the live bus$"
        ),
        timeout=WAIT_MS,
    )
    expect(page.locator(f"#{ids.LOG_FILE_BANNER}")).to_be_visible()
    expect(page.locator(f"#{ids.LOG_SUMMARY}")).to_contain_text(f"{min(count, 200)} invocation")
    assert line in shell.lines(log_lines(shell))  # the same line, read from the file

    # The live bus is not shown meanwhile; what it brings is collected, and shown once back to live.
    shell.sum(2417, 3389)
    shell.wait_until(lambda: any(r["args"] == '{"a":"2417","b":"3389"}' for r in shell.wait_settled("Caller", 2)))
    # Not only settled in the Caller: published, and in the Inspector's own glue, yet not shown.
    context = shell.frame("Caller").evaluate(
        "() => window.ioConnectActivity.contextName(window.glue42dash.glueInstance.interop.instance.instance)"
    )
    shell.wait_until(lambda: "2417" in json.dumps(inspector_context(shell, context)), WAIT_MS)
    assert not any("2417" in line for line in shell.lines(log_lines(shell)))
    # The file's own view works as the live one does: filter, and export again.
    page.locator(f"#{ids.LOG_FILTER_OUTCOME}").select_option("failed")
    expect(log_lines(shell)).not_to_contain_text("6133", timeout=WAIT_MS)
    page.locator(f"#{ids.LOG_FILTER_OUTCOME}").select_option(value=ANY)
    expect(log_lines(shell)).to_contain_text("6133", timeout=WAIT_MS)
    _, again = export(shell, ids.LOG_EXPORT_JSON, tmp_path)
    assert json.loads(again)["source"] == name and len(json.loads(again)["invocations"]) == count

    page.locator(f"#{ids.LOG_BACK_LIVE}").click()
    expect(page.locator(f"#{ids.LOG_FILE_BANNER}")).to_be_hidden()
    wait_for_line(shell, '{"a":"2417","b":"3389"}', ' ✔: {"sum":5806}')


def test_insl004_a_file_that_is_not_a_log_or_too_big_is_refused_in_words_and_live_stays(log_view):
    shell = log_view
    page = inspector(shell)
    sum_in_the_log(shell, 5273, 1931)
    upload = page.locator(f"#{ids.LOG_UPLOAD} input[type=file]")
    problem = page.locator(f"#{ids.LOG_FILE_PROBLEM}")
    upload.set_input_files({"name": "notes.json", "mimeType": "application/json", "buffer": b"hello"})
    expect(problem).to_have_text(
        "notes.json was not opened: it is not JSON (line 1, column 1: Expecting value).", timeout=WAIT_MS
    )
    newer = json.dumps({"format": "io-connect-dash-interop-log", "version": 9, "invocations": []}).encode()
    upload.set_input_files({"name": "newer.json", "mimeType": "application/json", "buffer": newer})
    expect(problem).to_contain_text("newer.json was not opened: it is a version 9 log", timeout=WAIT_MS)
    # dcc.Upload drops a file over its max_size without a word; the page says why nothing opened.
    upload.set_input_files({"name": "big.json", "mimeType": "application/json", "buffer": b" " * 150_001})
    expect(problem).to_have_text(
        "big.json was not opened: it is 150,001 bytes; the Inspector opens log files of up to 150,000.",
        timeout=WAIT_MS,
    )
    expect(page.locator(f"#{ids.LOG_FILE_BANNER}")).to_be_hidden()
    expect(page.get_by_text("up to 150 kB")).to_be_visible()  # the limit stands next to the control
    sum_in_the_log(shell, 5273, 1932)  # still the live bus


def test_insl005_the_filter_shows_only_matching_lines(log_view):
    shell = log_view
    page = inspector(shell)
    summary = page.locator(f"#{ids.LOG_SUMMARY}")
    message = f"filter me {uuid.uuid4()}"
    sum_in_the_log(shell, 7349, 2531)
    shell.sum("abc", 7349)  # refused by the server: a failed invocation
    wait_for_line(shell, '{"a":"abc","b":"7349"}', "error: The arguments must be numbers!")
    shell.caller.locator(f"#{ids.MESSAGE_INPUT}").fill(message)
    shell.caller.locator(f"#{ids.SEND_MESSAGE_BUTTON}").click()
    wait_for_line(shell, "SendMessage  Caller → best", message, " ✔: shown")
    # The Inspector's own invocation: a caller of its own. invoke_form waits for the arguments the method's
    # choice prefills before typing; a late prefill once replaced the typed ones and the Sum never showed.
    invoke_form(shell, "Sum", '{"a": 7349, "b": 1}')
    wait_for_line(shell, "Sum  Inspector → best", ' ✔: {"sum":7350}')

    def shown():
        return shell.lines(log_lines(shell))

    def has(text):
        return any(text in line for line in shown())

    method = page.locator(f"#{ids.LOG_FILTER_METHOD}")
    method.select_option("SendMessage")
    expect(summary).to_contain_text(re.compile(r"^\d+ of \d+ invocations shown"), timeout=WAIT_MS)
    shell.wait_until(lambda: shown() and all("  SendMessage  " in line for line in shown()), WAIT_MS)
    assert any(message in line for line in shown())
    legend = page.locator(f"#{ids.LATENCY_GRAPH} .legendtext")
    shell.wait_until(lambda: all(n.startswith("SendMessage @") for n in legend.all_text_contents()), WAIT_MS)
    method.select_option(value=ANY)

    page.locator(f"#{ids.LOG_FILTER_APP}").select_option("Inspector")
    shell.wait_until(lambda: shown() and all("  Inspector → " in line for line in shown()), WAIT_MS)
    assert any('{"a":7349,"b":1}' in line for line in shown())
    page.locator(f"#{ids.LOG_FILTER_APP}").select_option(value=ANY)

    outcome = page.locator(f"#{ids.LOG_FILTER_OUTCOME}")
    # Each wait names the whole state it expects, not only what must be gone: until the app filter's reset
    # has rendered, the Inspector-only lines have no 9880 either.
    refused, answered = '{"a":"abc","b":"7349"}', '"sum":9880'
    outcome.select_option("failed")
    shell.wait_until(lambda: has(refused) and not has(answered), WAIT_MS)
    assert all("error" in line.lower() for line in shown())
    outcome.select_option("ok")
    shell.wait_until(lambda: has(answered) and has(message) and not has(refused), WAIT_MS)
    assert not any("error" in line.lower() for line in shown())
    # The filters add up, and the summary counts what they let through.
    outcome.select_option("failed")
    method.select_option("SendMessage")
    shell.wait_until(lambda: shown() == [], WAIT_MS)
    expect(summary).to_contain_text(re.compile(r"^0 of \d+ invocations shown"))
