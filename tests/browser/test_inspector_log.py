"""The Inspector's invocation log as a file (export JSON and CSV, open an exported log), through the real shell.

The Inspector is not reloaded between tests (``Shell.reset``), so each test
leaves its log live and unfiltered (the ``log_view`` fixture). Each test makes
invocations with arguments of its own, and finds its rows by them.
"""

import csv
import io
import json
import re

import pytest
from playwright.sync_api import expect

import ids
from pages.inspector_log import ANY

WAIT_MS = 10_000  # generous: a slow, loaded machine
# Back to the grid as it started: no column filter, no sort.
RESET_GRID = """(id) => {
    const api = window.dash_ag_grid.getApi(id);
    api.setFilterModel(null);
    api.resetColumnState();  // the columns as they started: newest first
}"""


def inspector(shell):
    return shell.app("Inspector")


@pytest.fixture
def log_view(shell):
    """The shell; afterwards the Inspector's log is live again, unfiltered and sorted as it started (newest first),
    and the console stayed quiet."""
    yield shell
    page = inspector(shell)
    if page.locator(f"#{ids.LOG_FILE_BANNER}").is_visible():
        page.locator(f"#{ids.LOG_BACK_LIVE}").click()
        expect(page.locator(f"#{ids.LOG_FILE_BANNER}")).to_be_hidden()
    page.locator(f"#{ids.LOG_FILTER_APP}").select_option(value=ANY)
    page.locator(f"#{ids.LOG_SEARCH}").fill("")
    shell.frame("Inspector").evaluate(RESET_GRID, ids.LOG_GRID)
    expect(page.locator(f"#{ids.LOG_SUMMARY}")).not_to_contain_text(" of ")
    assert shell.problems() == []


def with_args(args):
    return lambda row: row["args"] == args


def sum_in_the_log(shell, a, b, servers=1):
    """A Caller Sum of ``a`` and ``b``, once the Inspector's log has both the Caller's settled record of it (its
    round trip) and each server's own record (its handling time): the apps publish their records apart."""
    shell.sum(a, b)
    answer = re.escape(f'{{"sum":{a + b}}}')
    timed = re.compile("; ".join([rf"Sum Server \d: {answer} \(\d+ ms\)"] * servers))

    def settled(row):
        return row["args"] == f'{{"a":"{a}","b":"{b}"}}' and row["latency_ms"] and timed.fullmatch(row["servers"])

    return shell.wait_for_log_row(settled, WAIT_MS)


def without_times(row):
    """A row without its servers' handling times."""
    return {**row, "servers": re.sub(r" \(\d+ ms\)", "", row["servers"])}


def export(shell, button, tmp_path):
    """Click an export button; the downloaded file's name and text."""
    with shell.page.expect_download(timeout=WAIT_MS) as download:
        inspector(shell).locator(f"#{button}").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    return download.value.suggested_filename, path.read_text(encoding="utf-8-sig")


def csv_rows(text):
    """The CSV export's rows, a dict each, by the grid's column headers."""
    table = list(csv.reader(io.StringIO(text)))
    return [dict(zip(table[0], line, strict=True)) for line in table[1:]]


def caller_instance(shell):
    return shell.frame("Caller").evaluate("() => window.glue42dash.glueInstance.interop.instance.instance")


@pytest.mark.core
def test_insl001_export_json_holds_the_sum_with_its_answer(log_view, tmp_path):
    """What the grid shows, as JSON: the Sum, its answer, and what narrowed the export (the quick filter)."""
    shell = log_view
    sum_in_the_log(shell, 4817, 2293)
    inspector(shell).locator(f"#{ids.LOG_SEARCH}").fill("4817")
    shell.wait_until(lambda: [row["args"] for row in shell.log_rows()] == ['{"a":"4817","b":"2293"}'])
    name, text = export(shell, ids.LOG_EXPORT_JSON, tmp_path)
    assert re.fullmatch(r"interop-log-\d{8}-\d{6}\.json", name), name
    document = json.loads(text)
    assert document["format"] == "io-connect-dash-interop-log" and document["filter"] == {"search": "4817"}
    assert document["count"] == 1  # what the grid showed
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


def test_insl002_export_csv_is_the_grids_with_a_line_per_invocation_and_each_servers_answer(log_view, tmp_path):
    shell = log_view
    shell.choose_target("all")
    sum_in_the_log(shell, 3911, 5077, servers=2)
    name, text = export(shell, ids.LOG_EXPORT_CSV, tmp_path)
    assert re.fullmatch(r"interop-log-\d{8}-\d{6}\.csv", name), name
    lines = csv_rows(text)
    assert list(lines[0])[:9] == [
        "Time",
        "Method",
        "Caller",
        "Target",
        "Outcome",
        "Round trip (ms)",
        "Servers: answer (own handling time)",
        "Arguments",
        "Result",
    ]
    [mine] = [line for line in lines if line["Arguments"] == '{"a":"3911","b":"5077"}']
    assert (mine["Method"], mine["Caller"], mine["Target"], mine["Outcome"]) == ("Sum", "Caller", "all", "answered ok")
    answers = sorted(mine["Servers: answer (own handling time)"].split("; "))
    assert [re.sub(r" \(\d+ ms\)$", "", answer) for answer in answers] == [
        'Sum Server 1: {"sum":8988}',
        'Sum Server 2: {"sum":8988}',
    ]
    assert mine["Result"] == '{"sum":8988}' and float(mine["Round trip (ms)"]) > 0
    # Not shown in the grid, but in the file: the start with its date, the caller's instance, the record's id.
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", mine["Start (UTC)"])
    instance = caller_instance(shell)
    # An instance id may start with "-", which the CSV writes with its formula guard (a leading apostrophe).
    assert mine["Caller instance"] in (instance, "'" + instance) and mine["Id"]


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
    expect(page.locator(f"#{ids.LOG_SUMMARY}")).to_contain_text(f"{count} invocation")
    # The same row, read from the file, in the same grid (a version 1 file has no handling times).
    from_file = shell.wait_for_log_row(lambda row: row["row_id"] == line["row_id"])
    assert without_times(from_file) == without_times(line)

    # The live bus is not shown meanwhile; what it brings is collected, and shown once back to live.
    shell.sum(2417, 3389)
    shell.wait_until(lambda: any(r["args"] == '{"a":"2417","b":"3389"}' for r in shell.wait_settled("Caller", 2)))
    # Not only settled in the Caller: published, and in the Inspector's own glue, yet not shown.
    context = shell.frame("Caller").evaluate(
        "() => window.ioConnectActivity.contextName(window.glue42dash.glueInstance.interop.instance.instance)"
    )
    shell.wait_until(lambda: "2417" in json.dumps(inspector_context(shell, context)), WAIT_MS)
    assert not any("2417" in row["args"] for row in shell.log_rows())
    # The file's own view works as the live one does: filter, and export again.
    search = page.locator(f"#{ids.LOG_SEARCH}")
    search.fill("no such text anywhere")
    shell.wait_until(lambda: shell.log_rows() == [], WAIT_MS)
    search.fill("")
    shell.wait_until(lambda: len(shell.log_rows()) == count, WAIT_MS)
    _, again = export(shell, ids.LOG_EXPORT_JSON, tmp_path)
    assert json.loads(again)["source"] == name and len(json.loads(again)["invocations"]) == count

    page.locator(f"#{ids.LOG_BACK_LIVE}").click()
    expect(page.locator(f"#{ids.LOG_FILE_BANNER}")).to_be_hidden()
    shell.wait_for_log_row(lambda row: row["args"] == '{"a":"2417","b":"3389"}' and "5806" in row["servers"])


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
    too_big = ids.LOG_FILE_MAX_BYTES + 1
    upload.set_input_files({"name": "big.json", "mimeType": "application/json", "buffer": b" " * too_big})
    expect(problem).to_have_text(
        f"big.json was not opened: it is {too_big:,} bytes; the Inspector opens log files of up to "
        f"{ids.LOG_FILE_MAX_BYTES:,}.",
        timeout=WAIT_MS,
    )
    expect(page.locator(f"#{ids.LOG_FILE_BANNER}")).to_be_hidden()
    expect(page.get_by_text("up to 4.5 MB")).to_be_visible()  # the limit stands next to the control
    sum_in_the_log(shell, 5273, 1932)  # still the live bus
