"""The Inspector's invocation log on dash-ag-grid, through the real shell: sort, column filters, the quick filter
and the app preset; the grid's own CSV export with its formula guard; each server's own handling time; the log
on screen once the shell is scrolled to the Inspector; a summary that follows the records off screen too.

The JSON export and reopening it in the same grid, under its banner, is ``insl003`` (test_inspector_log.py).
"""

import json
import re
import uuid
from datetime import UTC, datetime

import pytest
from playwright.sync_api import expect

import ids
from harness.browser import Shell
from interop import log, log_file
from tests.browser.test_inspector import invoke_form
from tests.browser.test_inspector_log import WAIT_MS, csv_rows, export, inspector, log_view, sum_in_the_log

pytestmark = pytest.mark.browser
__all__ = ["log_view"]  # the fixture, used by name

SERVERS_COLUMN = "Servers: answer (own handling time)"
SUM_IN_PLACE = """([a, b]) => {
    const setValue = (id, value) => {
        const input = document.getElementById(id);
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set.call(input, value);
        input.dispatchEvent(new Event("input", {bubbles: true}));
    };
    setValue("number-a", a);
    setValue("number-b", b);
    document.getElementById("sum-numbers-btn").click();
}"""


def header(shell, column):
    return inspector(shell).locator(f'#{ids.LOG_GRID} .ag-header-cell[col-id="{column}"] .ag-header-cell-label')


def column_filter(shell, header_name):
    """A column's floating filter, the text box under its header (AG Grid labels it)."""
    return inspector(shell).locator(f"#{ids.LOG_GRID}").get_by_role("textbox", name=f"{header_name} Filter Input")


def summary_count(shell):
    text = inspector(shell).locator(f"#{ids.LOG_SUMMARY}").text_content()
    return int(re.match(r"^(\d+) invocations?", text).group(1))


def test_lgrd001_the_log_sorts_by_a_column(log_view):
    shell = log_view
    for n in range(3):
        sum_in_the_log(shell, 8100 + n, n)

    def latencies():
        return [row["latency_ms"] for row in shell.log_rows() if row["latency_ms"] is not None]

    assert len(latencies()) >= 3
    header(shell, "latency_ms").click()  # ascending
    shell.wait_until(lambda: latencies() == sorted(latencies()))
    header(shell, "latency_ms").click()  # descending
    shell.wait_until(lambda: latencies() == sorted(latencies(), reverse=True) != sorted(latencies()))


def test_lgrd002_column_filters_narrow_the_log_by_method_and_outcome(log_view):
    shell = log_view
    message = f"filter me {uuid.uuid4()}"
    sum_in_the_log(shell, 7349, 2531)
    shell.sum("abc", 7349)  # refused by the server: a failed invocation
    shell.wait_for_log_row(lambda r: r["args"] == '{"a":"abc","b":"7349"}' and r["outcome"] == "failed", WAIT_MS)
    shell.caller.locator(f"#{ids.MESSAGE_INPUT}").fill(message)
    shell.caller.locator(f"#{ids.SEND_MESSAGE_BUTTON}").click()
    shell.wait_for_log_row(lambda r: message in r["args"] and "shown" in r["servers"], WAIT_MS)

    method = column_filter(shell, "Method")
    method.fill("SendMessage")
    shell.wait_until(lambda: {r["method"] for r in shell.log_rows()} == {"SendMessage"}, WAIT_MS)
    assert any(message in r["args"] for r in shell.log_rows())
    method.fill("")
    outcome = column_filter(shell, "Outcome")
    outcome.fill("failed")
    shell.wait_until(lambda: {r["outcome"] for r in shell.log_rows()} == {"failed"}, WAIT_MS)
    assert any(r["args"] == '{"a":"abc","b":"7349"}' for r in shell.log_rows())
    assert not any("2531" in r["args"] for r in shell.log_rows())
    # The filters add up.
    method.fill("SendMessage")
    shell.wait_until(lambda: shell.log_rows() == [], WAIT_MS)
    outcome.fill("")
    method.fill("")


def test_lgrd003_the_quick_filter_searches_every_column(log_view):
    shell = log_view
    page = inspector(shell)
    expect(page.get_by_label("Search the log")).to_have_id(ids.LOG_SEARCH)  # a labelled input
    sum_in_the_log(shell, 6421, 3977)
    sum_in_the_log(shell, 6421, 3978)
    search = page.locator(f"#{ids.LOG_SEARCH}")
    search.fill('"b":"3977"')
    shell.wait_until(lambda: [r["args"] for r in shell.log_rows()] == ['{"a":"6421","b":"3977"}'], WAIT_MS)
    search.fill("SUM SERVER 1 10398")  # every word, anywhere in the row, whatever the case
    shell.wait_until(lambda: [r["args"] for r in shell.log_rows()] == ['{"a":"6421","b":"3977"}'], WAIT_MS)
    search.fill("")
    shell.wait_until(lambda: len(shell.log_rows()) >= 2, WAIT_MS)


def test_lgrd004_the_app_preset_keeps_what_an_app_called_or_served(log_view):
    """AG Grid Community has no set filter, and an app is in the caller's column or the servers': a preset."""
    shell = log_view
    page = inspector(shell)
    shell.choose_target("all")
    sum_in_the_log(shell, 5531, 1, servers=2)
    invoke_form(shell, "Sum", '{"a": 5531, "b": 2}')
    shell.wait_for_log_row(lambda r: r["caller"] == "Inspector" and r["args"] == '{"a":5531,"b":2}', WAIT_MS)
    preset = page.get_by_label("Only invocations this app made or served")
    preset.select_option("Inspector")
    shell.wait_until(lambda: shell.log_rows() and {r["caller"] for r in shell.log_rows()} == {"Inspector"}, WAIT_MS)
    expect(page.locator(f"#{ids.LOG_SUMMARY}")).to_contain_text(re.compile(r"^\d+ of \d+ invocations \(Inspector\)"))
    preset.select_option("Sum Server 2")
    shell.wait_until(lambda: all("Sum Server 2: " in r["servers"] for r in shell.log_rows()), WAIT_MS)
    assert any(r["caller"] == "Caller" for r in shell.log_rows())  # served, not called


def test_lgrd005_the_csv_export_guards_cells_a_spreadsheet_would_run(log_view, tmp_path):
    """The grid's own CSV export, of a file whose cells start with = + - @: each gets a leading apostrophe."""
    shell = log_view
    page = inspector(shell)
    now = datetime.now(UTC)
    record = {
        "kind": "invoked",
        "id": "guard-1",
        "t": now.timestamp() * 1000,
        "method": "+SUM",
        "target": "all",
        "args": "=1+1",
        "latency_ms": 12,
        "error": None,
        "servers": [{"application": "@server", "instance": "s1", "ok": True, "outcome": "-2"}],
        "app": "@caller",
        "instance": "c1",
    }
    document = log_file.json_document(log.merge_records([record]), now)
    upload = {"name": "formulas.json", "mimeType": "application/json", "buffer": document.encode()}
    page.locator(f"#{ids.LOG_UPLOAD} input[type=file]").set_input_files(upload)
    expect(page.locator(f"#{ids.LOG_FILE_BANNER}")).to_be_visible(timeout=WAIT_MS)
    row = shell.wait_for_log_row(lambda r: r["id"] == "guard-1")
    assert (row["args"], row["method"], row["result"]) == ("=1+1", "+SUM", "-2")  # shown as text, as sent
    _, text = export(shell, ids.LOG_EXPORT_CSV, tmp_path)
    [line] = csv_rows(text)
    assert (line["Arguments"], line["Method"], line["Caller"], line["Result"]) == ("'=1+1", "'+SUM", "'@caller", "'-2")
    assert line[SERVERS_COLUMN] == "'@server: -2" and line["Round trip (ms)"] == "12"  # a number stays one


def test_lgrd006_each_servers_own_handling_time_is_beside_its_answer(log_view):
    shell = log_view
    shell.choose_target("all")
    row = sum_in_the_log(shell, 4243, 17, servers=2)
    shell.wait_handlers_done()
    for name in ("Sum Server 1", "Sum Server 2"):
        [record] = shell.activity(name, "handled", {"a": "4243", "b": "17"})
        assert isinstance(record["handler_ms"], int | float), record
        assert f'{name}: {{"sum":4260}} ({round(record["handler_ms"])} ms)' in row["servers"].split("; ")


@pytest.mark.parametrize("width, height", [(1280, 720), (1440, 900)])
def test_lgrd007_scrolled_to_the_inspector_the_logs_first_rows_are_on_screen(browser, live_server, width, height):
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        shell = Shell(context.new_page(), live_server.url).open()
        shell.sum(37, 5)
        shell.card("Inspector").evaluate("card => card.scrollIntoView()")
        first = inspector(shell).locator(f"#{ids.LOG_GRID} .ag-center-cols-container .ag-row[row-index='0']")
        expect(first).to_contain_text(re.compile(r'\{"a":"?37"?,"b":"?5"?\}'), timeout=WAIT_MS)
        box = first.bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= height, box
        assert shell.frame("Inspector").evaluate("() => document.scrollingElement.scrollTop") == 0  # none inside
        assert shell.problems() == []
    finally:
        context.close()


def test_lgrd008_the_summary_counts_a_sum_made_while_the_log_is_off_screen(log_view):
    shell = log_view
    # The Inspector is the Workspace's last card and its log is at its top: with the card's end at the bottom of
    # the screen, the log is above it (at the page's top it may be partly on screen, below the other apps).
    # The cards may still be settling their heights after the Caller's reload: scroll until it holds.
    card, grid = shell.card("Inspector"), inspector(shell).locator(f"#{ids.INSPECTOR_LOG}")

    def above_the_fold():
        card.evaluate("card => card.scrollIntoView({block: 'end'})")
        return grid.bounding_box()["y"] + grid.bounding_box()["height"] < 0

    shell.wait_until(above_the_fold)
    shell.wait_until(
        lambda: (
            shell.frame("Inspector").evaluate(f"() => document.getElementById('{ids.LOG_SUMMARY}').textContent") != ""
        )
    )
    before = summary_count(shell)
    # A Sum clicked in the page: Playwright's fill and click would scroll the Caller, and the log with it, on screen.
    shell.frame("Caller").evaluate(SUM_IN_PLACE, ["9127", "1"])
    shell.wait_settled("Caller", 1, {"a": "9127", "b": "1"})
    shell.wait_until(lambda: summary_count(shell) == before + 1, WAIT_MS)
    assert grid.bounding_box()["y"] + grid.bounding_box()["height"] < 0  # nothing scrolled the log into view
    assert not any(r["args"] == '{"a":"9127","b":"1"}' for r in shell.log_rows())  # the grid waits until seen


def test_lgrd009_a_flush_gives_the_grid_only_the_rows_that_changed(log_view):
    shell = log_view
    sum_in_the_log(shell, 6100, 1)
    sum_in_the_log(shell, 6100, 2)
    held = len(shell.log_rows())
    answers = []

    def log_render(response):
        request = response.request
        if "_dash-update-component" in request.url and f"{ids.LOG_GRID}.rowTransaction" in (request.post_data or ""):
            answers.append(response)

    shell.page.on("response", log_render)
    try:
        row = sum_in_the_log(shell, 6100, 3)
    finally:
        shell.page.remove_listener("response", log_render)
    rows = shell.log_rows()
    assert len(rows) == held + 1 and rows[0] == row  # newest first, as the grid's Time column sorts
    grid_updates = [a.json()["response"].get(ids.LOG_GRID) for a in answers if a.status == 200]
    grid_updates = [update for update in grid_updates if update]
    assert grid_updates, "no flush reached the grid"
    for update in grid_updates:
        assert set(update) == {"rowTransaction"}, update.keys()  # never the whole rowData again
        changed = update["rowTransaction"]["add"] + update["rowTransaction"]["update"]
        assert [r["args"] for r in changed] == ['{"a":"6100","b":"3"}'] * len(changed) == [row["args"]], changed
    assert sum(len(update["rowTransaction"]["add"]) for update in grid_updates) == 1  # added once, then updated


# In the Caller: ``count`` Sums through glue itself, each sent once the one before is answered, to Sum Server 1;
# the ms they took, on the page's clock.
SUMS_IN_A_ROW = """async ([count, first]) => {
    const glue = await window.glue42dash.glueInstancePromise;
    const started = performance.now();
    for (let i = 0; i < count; i++) {
        await glue.interop.invoke("Sum", {a: first + i, b: 1}, {application: "Sum Server 1"});
    }
    return performance.now() - started;
}"""


def test_lgrd010_a_stream_of_invocations_is_published_about_once_a_second_not_once_each(log_view):
    """Sum Server 1's seam records each invocation it handles, and writes its log window once its changes pause
    (``ids.LOG_PUBLISH_MS``) or at the latest ``LOG_PUBLISH_MAX_MS`` after the first change not yet written:
    every write goes through the shell's gateway to the Inspector, on the main thread the next invocation needs.
    Twenty Sums in a row make a write a second at most, not twenty; the last ones are still written."""
    shell = log_view
    server = shell.frame("Sum Server 1")

    def published():
        return server.evaluate("() => window.ioConnectActivity.published()")

    count, first = 20, 7700 + uuid.uuid4().int % 100 * 100
    before = published()
    took_ms = shell.frame("Caller").evaluate(SUMS_IN_A_ROW, [count, first])
    during = published() - before
    assert during <= took_ms / ids.LOG_PUBLISH_MAX_MS + 1 and during < count / 2, (during, took_ms)
    last = {"a": first + count - 1, "b": 1}
    context_name = server.evaluate(
        "() => window.ioConnectActivity.contextName(window.glue42dash.glueInstance.interop.instance.instance)"
    )

    def last_written():
        """The last Sum's handled record, answered, in the window the seam last wrote to its log context."""
        written = server.evaluate("(name) => window.glue42dash.glueInstance.contexts.get(name)", context_name)
        records = (written or {}).get("records") or []
        return any(r["kind"] == "handled" and r["args"] == json_args(last) and not r["pending"] for r in records)

    # The changes after the last write are written too, once they pause (that write may come before or after the
    # Sums return).
    shell.wait_until(last_written, WAIT_MS)


def json_args(args):
    """A record's arguments, as the seam writes them (compact JSON)."""
    return json.dumps(args, separators=(",", ":"))
