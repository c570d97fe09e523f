"""The inspector through the real shell: the servers grid, the interop log under a burst, ad-hoc invocation.

One shell for the whole module (loading it is most of a test's time); the
tests are ordered so that each leaves what the next needs (the last one
changes which servers run), and each also works on its own (``-k insp003``).
"""

import json
import re
import time

import pytest
from playwright.sync_api import expect

import ids
from harness.browser import Shell

SERVERS = ("Sum Server 1", "Sum Server 2")
BY_SERVER = ("application", "method_count", "methods")
BURST = 20


@pytest.fixture(scope="module")
def shell(browser, live_server):
    # Tall enough for the whole shell: the inspector renders its log only while it is on screen.
    context = browser.new_context(viewport={"width": 1400, "height": 2400})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    shell = Shell(context.new_page(), live_server.url).open()
    yield shell
    problems = shell.problems()
    context.close()
    assert problems == []  # no console errors or warnings, in any app, all module long


def inspector(shell):
    return shell.app("Inspector")


def grid_rows(shell, columns=("application", "method")):
    """The servers grid's rows as shown, top to bottom: a tuple of ``columns`` each (cells by AG Grid's col-id)."""
    cells = (
        inspector(shell)
        .locator(f"#{ids.SERVERS_GRID} .ag-center-cols-container .ag-row")
        .evaluate_all(
            """(rows, columns) => rows
                   .map(row => [Number(row.getAttribute("row-index")), columns.map(column =>
                        (row.querySelector(`[col-id="${column}"]`) || {}).textContent)])
                   .sort((a, b) => a[0] - b[0]).map(pair => pair[1])""",
            list(columns),
        )
    )
    return [tuple(row) for row in cells]


def table_rows(shell):
    """``[(application, method)]`` of the methods view."""
    return grid_rows(shell)


def header(shell, column):
    return inspector(shell).locator(f'#{ids.SERVERS_GRID} .ag-header-cell[col-id="{column}"]')


def header_order(shell):
    return (
        inspector(shell)
        .locator(f"#{ids.SERVERS_GRID} .ag-header-cell[col-id]")
        .evaluate_all(
            "cells => cells.sort((a, b) => a.getBoundingClientRect().left - b.getBoundingClientRect().left)"
            ".map(cell => cell.getAttribute('col-id'))"
        )
    )


def wait_for_row(shell, application, method, present=True, timeout_ms=1_000):
    shell.wait_until(lambda: ((application, method) in table_rows(shell)) == present, timeout_ms, step_ms=20)


def handled(shell, name):
    return shell.lines(shell.app(name).locator(f"#{ids.HANDLED_LIST}"))


def invoke_form(shell, method, args, target="best", instances=()):
    page = inspector(shell)
    method_box = page.locator(f"#{ids.ADHOC_METHOD}")
    args_box = page.locator(f"#{ids.ADHOC_ARGS}")
    if method_box.input_value() != method:
        # Picking a method prefills the arguments from the server: wait for that before typing,
        # or a late prefill (seen under load) replaces what the test typed.
        args_box.fill("")
        method_box.select_option(method)
        expect(args_box).not_to_have_value("")
    args_box.fill(args)
    page.locator(f"#{ids.ADHOC_TARGET}").get_by_text(target, exact=True).click()
    for name in instances:
        page.locator(f"#{ids.ADHOC_INSTANCES}").get_by_text(re.compile(rf"^{name} \(")).click()
    page.locator(f"#{ids.ADHOC_BUTTON}").click()


@pytest.mark.core
def test_insp001_servers_table_lists_sum_and_send_message_under_readable_names(shell):
    for name in SERVERS:
        for method in ("Sum", "SendMessage"):
            wait_for_row(shell, name, method, timeout_ms=5_000)
    rows = table_rows(shell)
    assert {app for app, _ in rows} >= {"Sum Server 1", "Sum Server 2", "Caller", "Inspector"}
    assert not any(re.search(r"\(\w+\)$|Updating", app) for app, _ in rows)  # readable names only
    assert not any(method.startswith("T42.") for _, method in rows)  # system methods hidden by default
    inspector(shell).get_by_text("System methods (T42.*)").click()
    wait_for_row(shell, "Caller", "T42.Web.Client.Control")
    inspector(shell).get_by_text("System methods (T42.*)").click()
    wait_for_row(shell, "Caller", "T42.Web.Client.Control", present=False)
    # Registering and unregistering a method shows too: the caller's serve-sum switch.
    shell.caller.locator(f"#{ids.SERVE_SUM}").check()
    wait_for_row(shell, "Caller", "Sum")
    shell.caller.locator(f"#{ids.SERVE_SUM}").uncheck()
    wait_for_row(shell, "Caller", "Sum", present=False)
    # AG Grid's quick filter, over every column. It matches each word anywhere in a row, so "sum server 2" would
    # also match a Sum Server 1 row whose random instance id has a 2: filter by Sum Server 2's instance id.
    search = inspector(shell).locator(f"#{ids.SERVERS_FILTER}")
    [instance] = {i for app, i in grid_rows(shell, ("application", "instance")) if app == "Sum Server 2"}
    try:
        search.fill("sendmessage")
        shell.wait_until(lambda: {m for _, m in table_rows(shell)} == {"SendMessage"})
        search.fill(instance.upper())  # case-insensitive
        shell.wait_until(lambda: set(table_rows(shell)) == {("Sum Server 2", "Sum"), ("Sum Server 2", "SendMessage")})
    finally:
        search.fill("")  # the next tests see every row again
    shell.wait_until(lambda: len(table_rows(shell)) >= 6)


@pytest.mark.core
def test_insp006_the_grid_sorts_moves_columns_and_resets(shell):
    wait_for_row(shell, "Sum Server 2", "Sum", timeout_ms=5_000)
    first = [m for _, m in table_rows(shell)]
    header(shell, "method").locator(".ag-header-cell-label").click()  # ascending
    shell.wait_until(lambda: [m for _, m in table_rows(shell)] == sorted(first, key=str.lower))
    header(shell, "method").locator(".ag-header-cell-label").click()  # descending
    shell.wait_until(lambda: [m for _, m in table_rows(shell)] == sorted(first, key=str.lower, reverse=True))
    # Drag the Method column to the far left.
    start = header_order(shell)
    assert start[:3] == ["application", "instance", "method"]
    source = header(shell, "method").bounding_box()
    target = header(shell, "application").bounding_box()
    page = shell.page
    page.mouse.move(source["x"] + source["width"] / 2, source["y"] + source["height"] / 2)
    page.mouse.down()
    for step in range(1, 11):
        page.mouse.move(source["x"] - (source["x"] - target["x"] + 10) * step / 10, source["y"] + 5)
    page.mouse.up()
    shell.wait_until(lambda: header_order(shell)[0] == "method")
    # Reset: columns in their first order, no sort, the search box empty.
    inspector(shell).locator(f"#{ids.SERVERS_FILTER}").fill("Sum Server 1")
    inspector(shell).locator(f"#{ids.SERVERS_RESET}").click()
    shell.wait_until(lambda: header_order(shell) == start)
    expect(inspector(shell).locator(f"#{ids.SERVERS_FILTER}")).to_have_value("")
    shell.wait_until(lambda: [m for _, m in table_rows(shell)] == first)


def test_insp007_the_servers_by_method_and_the_methods_by_server(shell):
    wait_for_row(shell, "Sum Server 2", "Sum", timeout_ms=5_000)
    view = inspector(shell).locator(f"#{ids.SERVERS_VIEW}")
    try:
        view.get_by_text("By method", exact=True).click()
        shell.wait_until(lambda: ("Sum", "2") in grid_rows(shell, ("method", "server_count")))
        [(servers,)] = [r[1:] for r in grid_rows(shell, ("method", "servers")) if r[0] == "Sum"]
        assert re.fullmatch(r"Sum Server 1 \([\w-]+\), Sum Server 2 \([\w-]+\)", servers), servers
        assert {m for (m,) in grid_rows(shell, ("method",))} == {"Sum", "SendMessage"}  # one row per name
        view.get_by_text("By server", exact=True).click()
        shell.wait_until(lambda: ("Sum Server 1", "2", "SendMessage, Sum") in grid_rows(shell, BY_SERVER))
        assert ("Sum Server 2", "2", "SendMessage, Sum") in grid_rows(shell, BY_SERVER)
        assert ("Caller", "0", "—") in grid_rows(shell, BY_SERVER)
        assert header_order(shell)[:4] == ["application", "instance", "window", "method_count"]
    finally:
        view.get_by_text("Methods", exact=True).click()
        shell.wait_until(lambda: ("Sum Server 1", "Sum") in table_rows(shell))


def test_insp008_clicking_a_method_row_picks_it_in_the_invoke_form(shell):
    wait_for_row(shell, "Sum Server 1", "SendMessage", timeout_ms=5_000)
    row = inspector(shell).locator(f"#{ids.SERVERS_GRID} .ag-center-cols-container .ag-row", has_text="SendMessage")
    row.first.click()
    expect(inspector(shell).locator(f"#{ids.ADHOC_METHOD}")).to_have_value("SendMessage")
    row = inspector(shell).locator(f"#{ids.SERVERS_GRID} .ag-center-cols-container .ag-row", has_text="Sum Server 2")
    row.filter(has=inspector(shell).locator('[col-id="method"]', has_text=re.compile("^Sum$"))).click()
    expect(inspector(shell).locator(f"#{ids.ADHOC_METHOD}")).to_have_value("Sum")


def test_insp002_invalid_json_is_refused_and_nothing_is_sent(shell):
    """Each refusal comes from the callback that would send the invocation; the good one after them is then the
    only invocation the Inspector sent, and the only one from it that the servers ran."""
    problem = inspector(shell).locator(f"#{ids.ADHOC_PROBLEM}")
    for text, message in (
        ('{"a": 1,', "Invalid JSON at line 1, column 9"),
        ("[1, 2]", "The arguments must be a JSON object"),
        ('{"a": NaN}', "Invalid JSON"),
    ):
        invoke_form(shell, "Sum", text, target="all")
        expect(problem).to_contain_text(message)
        expect(problem).to_contain_text("Nothing was sent.")
    good = {"a": 4021, "b": 2}
    invoke_form(shell, "Sum", json.dumps(good), target="all")
    expect(problem).to_have_text("")
    # The seam records invocations in the order they go out: a refused one would be here beside the good one.
    [sent] = shell.wait_settled("Inspector", 1)
    assert json.loads(sent["args"]) == good and sorted(s["application"] for s in sent["servers"]) == list(SERVERS)
    assert len(shell.activity("Inspector", "invoked")) == 1
    shell.wait_handlers_done()
    for name in SERVERS:
        assert [json.loads(r["args"]) for r in shell.activity(name, "handled") if r["caller"] == "Inspector"] == [good]
    expect(inspector(shell).locator(f"#{ids.ADHOC_HISTORY} [data-invocation]")).to_have_count(1)


def test_insp003_an_invocation_targeted_at_one_instance_runs_only_there(shell):
    before = {name: handled(shell, name) for name in SERVERS}
    invoke_form(shell, "Sum", '{"a": 7, "b": 8}', target="specific instances", instances=["Sum Server 2"])
    latest = inspector(shell).locator(f"#{ids.ADHOC_HISTORY} details[data-invocation]").first
    expect(latest).to_have_attribute("data-status", "success", timeout=5_000)
    expect(latest).to_have_attribute("open", "")  # the latest result opens on its views
    answered = r'^✔ Sum Server 2 \([\w-]+\) · (\d+ ms handling · )?round trip \d+ ms: \{"sum": 15\}$'
    expect(latest.locator("li")).to_have_text([re.compile(answered)])
    returned = latest.locator('[data-view="returned"]')
    expect(returned).to_be_visible()
    assert [s["returned"] for s in json.loads(returned.inner_text())] == [{"sum": 15}]
    latest.get_by_role("tab", name="Called with").click()
    called_with = latest.locator('[data-view="called-with"]')
    expect(called_with).to_be_visible()
    assert json.loads(called_with.inner_text()) == {"a": 7, "b": 8}
    latest.get_by_title("Copy Called with").click()
    shell.wait_until(
        lambda: shell.frame("Inspector").evaluate("navigator.clipboard.readText()") == called_with.inner_text()
    )
    result = latest.locator('[data-view="invocation-result"]')
    # Its row in the log follows (the inspector logs its own invocations like any caller), and gains the server's
    # answer once Sum Server 2's own record comes: each app writes its log window on its own schedule.
    answered = r'Sum Server 2: \{"sum":15\}( \(\d+ ms\))?'
    row = shell.wait_for_log_row(
        lambda r: r["caller"] == "Inspector" and r["args"] == '{"a":7,"b":8}' and re.fullmatch(answered, r["servers"]),
        5_000,
    )
    assert row["target"] == "only Sum Server 2"
    shown = json.loads(result.text_content())
    assert shown["returned"] == {"sum": 15}
    assert [r["executed_by"]["application"] for r in shown["all_return_values"]] == ["Sum Server 2"]
    for field in ("executed_by", "called_with", "all_errors", "message", "status"):
        assert field in shown
    shell.wait_until(lambda: any("{'a': 7, 'b': 8}" in line for line in handled(shell, "Sum Server 2")))
    [sent] = shell.wait_settled("Inspector", 1, args={"a": 7, "b": 8})
    assert [s["application"] for s in sent["servers"]] == ["Sum Server 2"]
    shell.wait_handlers_done()
    assert shell.activity("Sum Server 1", "handled", {"a": 7, "b": 8}) == []  # it never ran on the other server
    assert handled(shell, "Sum Server 1") == before["Sum Server 1"]
    # The history can repeat it: "use these arguments again" restores the form.
    page = inspector(shell)
    page.locator(f"#{ids.ADHOC_ARGS}").fill("{}")
    page.locator(f"#{ids.ADHOC_TARGET}").get_by_text("best", exact=True).click()
    page.get_by_role("button", name="Use these arguments again").first.click()
    expect(page.locator(f"#{ids.ADHOC_ARGS}")).to_have_value('{\n  "a": 7,\n  "b": 8\n}')
    expect(page.locator(f"#{ids.ADHOC_TARGET} input[value=instances]")).to_be_checked()
    expect(page.get_by_role("checkbox", name=re.compile(r"^Sum Server 2 \("))).to_be_checked()


def test_insp004_the_log_receives_every_record_of_a_burst(shell, record_property):
    """2 servers, target all, 20 invocations 150 ms apart with distinct arguments: 40 handled records, and
    20 rows, each with its latency as the caller saw it."""
    summary = inspector(shell).locator(f"#{ids.LOG_SUMMARY}")
    inspector(shell).locator(f"#{ids.LOG_CLEAR}").click()
    expect(summary).to_have_text("0 invocations · 0 handled records")
    shell.choose_target("all")
    started = time.monotonic()
    shell.frame("Caller").evaluate(
        """async (count) => {
            const setValue = (id, value) => {
                const input = document.getElementById(id);
                Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set.call(input, value);
                input.dispatchEvent(new Event("input", {bubbles: true}));
            };
            const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
            // Whether the activity seam has recorded the invocation with these arguments going out.
            const out = (args) => window.ioConnectActivity.records().some(
                (r) => r.kind === "invoked" && r.args === JSON.stringify(args));
            for (let i = 1; i <= count; i++) {
                setValue("number-a", String(1000 + i));
                setValue("number-b", String(i));
                document.getElementById("sum-numbers-btn").click();
                // A person's pace, and not before this click's invocation is out: Dash merges a click that
                // comes while the invoke callback's request is out, and on a loaded machine that can be 150 ms.
                await pause(150);
                for (let waited = 0; !out({a: String(1000 + i), b: String(i)}) && waited < 10000; waited += 20) {
                    await pause(20);
                }
            }
        }""",
        BURST,
    )
    expected = f"{BURST} invocations · {2 * BURST} handled records"
    shell.wait_until(lambda: summary.inner_text() == expected, timeout_ms=20_000)
    elapsed = time.monotonic() - started
    record_property("burst_log_seconds", round(elapsed, 2))

    # The grid's own rows, drawn or not; each server's own record comes with its handling time once its handler
    # has answered (a record still running is counted as handled already).
    def timed(row):
        pattern = r'Sum Server 1: \{"sum":\d+\} \(\d+ ms\); Sum Server 2: \{"sum":\d+\} \(\d+ ms\)'
        return bool(re.fullmatch(pattern, "; ".join(sorted(row["servers"].split("; ")))))

    shell.wait_until(lambda: [timed(r) for r in shell.log_rows()] == [True] * BURST, 5_000)
    seen = set()
    for row in shell.log_rows():
        assert (row["method"], row["caller"], row["target"], row["outcome"]) == ("Sum", "Caller", "all", "answered ok")
        assert 0 < row["latency_ms"] < 10_000, row
        args = json.loads(row["args"])
        a, b = int(args["a"]), int(args["b"])
        assert a == 1000 + b, row
        assert row["servers"].count(f'{{"sum":{a + b}}}') == 2 and row["result"] == f'{{"sum":{a + b}}}', row
        seen.add(b)
    assert seen == set(range(1, BURST + 1)), sorted(seen)  # every invocation, once
    # The latency chart, once opened, has a trace per method and server.
    toggle = inspector(shell).locator(f"#{ids.LATENCY_TOGGLE}")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    legend = inspector(shell).locator(f"#{ids.LATENCY_GRAPH} .legendtext")
    expect(legend).to_have_count(2, timeout=15_000)  # the first chart loads plotly.js: seconds on a loaded machine
    assert sorted(legend.all_text_contents()) == ["Sum @ Sum Server 1", "Sum @ Sum Server 2"]
    print(f"\n{2 * BURST} handled records in the inspector's log {elapsed:.2f} s after the burst started")


def test_insp005_adding_and_removing_a_server_shows_within_a_second(shell):
    shell.add("server")
    shell.wait_connected("Sum Server 3")
    wait_for_row(shell, "Sum Server 3", "Sum")
    wait_for_row(shell, "Sum Server 3", "SendMessage")
    shell.card("Sum Server 1").get_by_role("button", name="Remove").click()
    wait_for_row(shell, "Sum Server 1", "Sum", present=False)
    assert ("Sum Server 1", "SendMessage") not in table_rows(shell)
