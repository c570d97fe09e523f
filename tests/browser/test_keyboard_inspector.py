"""The Inspector from the keyboard alone: invoke a method, move through the log grid, pick a method in the servers
grid, copy a result or a stream item and open and close what opens and closes, each stop showing a focus ring.

The tests press keys in the shell page, as a reader would; a test only puts the focus on its starting point.
"""

import json
import re

import pytest
from playwright.sync_api import expect

import ids
from tests.browser.streams_support import WAIT_MS, card, push, subscribe, unique, wait_for_items, wait_open
from tests.browser.test_inspector import inspector, shell
from tests.browser.test_streams import publishers

pytestmark = pytest.mark.browser
# The fixtures, used by name: the Inspector tests' tall shell of its own, and stream publishers taken away after
# each test with the console clean.
__all__ = ["publishers", "shell"]

TABS_TO_FIND = 60  # more Tab presses than any control in the Inspector is from the start points below

# Where the focus is in the Inspector's frame: the element, which grid holds it, and whether it shows a focus
# ring: an outline or box shadow of its own, AG Grid's focused-cell border, or the ring AG Grid draws with a
# pseudo element (its headers).
ACTIVE = """(grids) => {
    const element = document.activeElement;
    if (!element || element === document.body) {
        return null;
    }
    const drawn = (style) => style.content !== "none" && style.content !== "normal"
        && ((style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none"
            || (style.borderTopStyle !== "none" && parseFloat(style.borderTopWidth) > 0));
    const own = getComputedStyle(element);
    const cellBorder = element.classList.contains("ag-cell-focus") && parseFloat(own.borderTopWidth) > 0
        && own.borderTopColor !== "rgba(0, 0, 0, 0)";
    return {
        id: element.id,
        tag: element.tagName.toLowerCase(),
        name: (element.getAttribute("aria-label") || element.textContent || "").trim().slice(0, 80),
        inGrid: grids.find((id) => document.getElementById(id).contains(element)) || null,
        ring: (own.outlineStyle !== "none" && parseFloat(own.outlineWidth) > 0) || own.boxShadow !== "none"
            || cellBorder || drawn(getComputedStyle(element, "::after"))
            || drawn(getComputedStyle(element, "::before")),
    };
}"""


def active(shell):
    return shell.frame("Inspector").evaluate(ACTIVE, [ids.LOG_GRID, ids.SERVERS_GRID])


def press(shell, key):
    """``key`` pressed where the focus is; where it is then."""
    shell.page.keyboard.press(key)
    return active(shell)


def tab_to(shell, found, key="Tab"):
    """Tab (or ``key``) until ``found(where the focus is)``; that element, which must show a focus ring."""
    for _ in range(TABS_TO_FIND):
        now = press(shell, key)
        if now and found(now):
            assert now["ring"], f"no visible focus on {now}"
            return now
    raise AssertionError(f"{key} never reached it; the focus is on {active(shell)}")


def by_id(component_id):
    return lambda element: element["id"] == component_id


def focused_cell(shell, grid_id):
    """AG Grid's focused cell of ``grid_id``: ``{"row": index, "column": col id}`` (``None`` without one)."""
    return shell.frame("Inspector").evaluate(
        """(id) => {
            const cell = window.dash_ag_grid.getApi(id).getFocusedCell();
            return cell && {row: cell.rowIndex, column: cell.column.getColId()};
        }""",
        grid_id,
    )


def prefilled(method):
    """Whether a response answers the callback that prefills the arguments of ``method``, just picked."""

    def answers(response):
        sent = response.request.post_data or ""
        return (
            "_dash-update-component" in response.url
            and f"{ids.ADHOC_ARGS}.value" in sent
            and f'"value":"{method}"' in sent
        )

    return answers


def test_kbdi001_a_method_is_invoked_from_the_keyboard_alone(shell):
    page = inspector(shell)
    expect(page.locator(f"#{ids.ADHOC_METHOD} option", has_text=re.compile("^Sum$"))).to_have_count(1, timeout=10_000)
    page.locator(f"#{ids.LOG_SEARCH}").focus()  # the start: the log's search, above the other cards
    tab_to(shell, by_id(ids.ADHOC_METHOD))
    # A select picks the option its reader types. Picking prefills the arguments: typed only once that is done.
    with shell.page.expect_response(prefilled("Sum")):
        shell.page.keyboard.type("Sum")
    expect(page.locator(f"#{ids.ADHOC_METHOD}")).to_have_value("Sum")
    args = page.locator(f"#{ids.ADHOC_ARGS}")
    tab_to(shell, by_id(ids.ADHOC_ARGS))
    shell.page.keyboard.press("ControlOrMeta+A")
    shell.page.keyboard.type("{'a': 20, 'b': 22,}")
    fix = tab_to(shell, lambda element: element["tag"] == "button" and element["name"] == "Fix")
    assert fix["id"]
    press(shell, "Enter")
    expect(args).to_have_value('{"a": 20, "b": 22}')
    expect(page.locator(f"#{ids.ADHOC_ARGS} + .json-box-tools .json-box-status")).to_have_text(re.compile("^Fixed: "))
    # The target: a radio group, whose arrow keys pick its choices.
    radio = tab_to(shell, lambda element: element["tag"] == "input" and element["id"].startswith("_dbcprivate"))
    assert radio["id"]
    press(shell, "ArrowRight")
    expect(page.locator(f"#{ids.ADHOC_TARGET} input:checked")).to_have_value("all")
    tab_to(shell, by_id(ids.ADHOC_BUTTON))
    press(shell, "Enter")
    latest = page.locator(f"#{ids.ADHOC_HISTORY} details[data-invocation]").first
    expect(latest).to_have_attribute("data-status", "success", timeout=10_000)
    # Said once, in the live region: the latest outcome, not the list.
    expect(page.locator(f"#{ids.ADHOC_OUTCOME}")).to_have_text(
        re.compile(r'^Sum → all: 2 answered · returned \{"sum": ?42\}$'), timeout=5_000
    )
    assert page.locator(f"#{ids.ADHOC_HISTORY}").get_attribute("aria-live") is None


def sent(row):
    """A log row's arguments, each as text (the Caller sends its numbers as it has them, text or number)."""
    args = json.loads(row["args"] or "null")
    return {key: str(value) for key, value in args.items()} if isinstance(args, dict) else args


def test_kbdi002_the_log_grid_is_entered_by_tab_and_moved_through_with_the_arrow_keys(shell):
    for a in (1, 2):
        shell.sum(a, 100)
    shell.wait_for_log_row(lambda row: sent(row) == {"a": "2", "b": "100"} and row["outcome"] == "answered ok")
    page = inspector(shell)
    page.locator(f"#{ids.LOG_SEARCH}").focus()
    tab_to(shell, by_id(ids.LOG_FILTER_APP))
    # One Tab into the grid, at its first header; down past the column filters to the rows, then row by row, cell
    # by cell.
    first = press(shell, "Tab")
    assert first["inGrid"] == ids.LOG_GRID and first["name"].startswith("Time") and first["ring"], first
    assert focused_cell(shell, ids.LOG_GRID) is None
    press(shell, "ArrowDown")
    assert press(shell, "ArrowDown")["ring"]
    start = focused_cell(shell, ids.LOG_GRID)
    assert start is not None and start["row"] == 0, start
    press(shell, "ArrowDown")
    assert focused_cell(shell, ids.LOG_GRID) == {**start, "row": 1}
    press(shell, "ArrowRight")
    moved = focused_cell(shell, ids.LOG_GRID)
    assert moved["row"] == 1 and moved["column"] != start["column"]
    press(shell, "ArrowUp")
    assert focused_cell(shell, ids.LOG_GRID) == {**moved, "row": 0}
    assert active(shell)["ring"]
    # One Tab out of it, past its other cells; one Shift+Tab back into it (AG Grid picks the cell), one out.
    assert press(shell, "Tab")["id"] == ids.LATENCY_TOGGLE
    back = press(shell, "Shift+Tab")
    assert back["inGrid"] == ids.LOG_GRID and back["ring"], back
    assert press(shell, "Shift+Tab")["id"] == ids.LOG_FILTER_APP


def test_kbdi003_copy_and_the_controls_that_open_and_close_work_from_the_keyboard(shell):
    page = inspector(shell)
    latest = page.locator(f"#{ids.ADHOC_HISTORY} details[data-invocation]").first
    if latest.count() == 0:
        test_kbdi001_a_method_is_invoked_from_the_keyboard_alone(shell)
    expect(latest).to_have_attribute("open", "")
    returned = latest.locator('[data-view="returned"]')
    shell.frame("Inspector").evaluate("() => navigator.clipboard.writeText('')")
    page.locator(f"#{ids.ADHOC_BUTTON}").focus()
    tab_to(shell, lambda element: element["tag"] == "button" and element["name"] == "Copy Returned")
    press(shell, "Enter")
    shell.wait_until(
        lambda: shell.frame("Inspector").evaluate("navigator.clipboard.readText()") == returned.inner_text()
    )
    expect(page.locator(f"#{ids.ADHOC_COPY_STATUS}")).to_have_text(
        re.compile(r"^Copied “Returned” \(\d+ characters\)\.$")
    )
    # The result's summary closes it and opens it again (a <details>: Enter toggles it).
    page.locator(f"#{ids.ADHOC_BUTTON}").focus()
    summary = tab_to(shell, lambda element: element["tag"] == "summary")
    assert summary["name"]
    press(shell, "Enter")
    expect(latest).not_to_have_attribute("open", "")
    press(shell, "Space")
    expect(latest).to_have_attribute("open", "")
    # The latency chart: shown and hidden again by its button, which says which it is.
    toggle = page.locator(f"#{ids.LATENCY_TOGGLE}")
    page.locator(f"#{ids.LOG_SEARCH}").focus()
    tab_to(shell, by_id(ids.LATENCY_TOGGLE))  # past the grid: one Tab stop
    press(shell, "Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator(f"#{ids.LATENCY_GRAPH}")).to_be_visible()
    press(shell, "Enter")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    # "Open a log file…" opens the file dialog from the keyboard too (the upload's own input is no tab stop).
    # Listening turns Chromium's file dialogs into events; the switch travels without an answer, so it is made
    # a few key presses ahead of the dialog (expect_file_chooser made just before missed one now and then).
    choosers = []

    def chosen(chooser):
        choosers.append(chooser)

    shell.page.on("filechooser", chosen)
    page.locator(f"#{ids.LOG_SEARCH}").focus()
    tab_to(shell, lambda element: element["name"] == "Open a log file…", key="Shift+Tab")
    press(shell, "Enter")
    shell.wait_until(lambda: choosers)
    shell.page.remove_listener("filechooser", chosen)
    choosers[0].set_files({"name": "notes.json", "mimeType": "application/json", "buffer": b"hello"})
    expect(page.locator(f"#{ids.LOG_FILE_PROBLEM}")).not_to_be_empty()


def test_kbdi004_a_row_of_the_servers_grid_picks_its_method_from_the_keyboard(shell):
    page = inspector(shell)
    page.locator(f"#{ids.SERVERS_FILTER}").focus()
    page.locator(f"#{ids.SERVERS_FILTER}").fill("SendMessage")  # typed: one server's SendMessage rows are left
    tab_to(shell, lambda element: element["inGrid"] == ids.SERVERS_GRID)
    press(shell, "ArrowDown")  # the servers grid has no column filters: its first row is right below its headers
    assert focused_cell(shell, ids.SERVERS_GRID)["row"] == 0
    press(shell, "Space")  # AG Grid selects the focused row: the same as a click on it
    expect(page.locator(f"#{ids.ADHOC_METHOD}")).to_have_value("SendMessage")
    assert json.loads(page.locator(f"#{ids.ADHOC_ARGS}").input_value()) is not None


def test_kbdi005_stream_items_open_close_and_copy_from_the_keyboard(shell, publishers):
    stream = unique("Keys")
    feed = publishers.add(stream, unique("Key Feed"))
    sub = subscribe(shell, stream, "{}")
    wait_open(shell, sub)
    for n in (1, 2):
        push(feed, {"n": n})
    wait_for_items(shell, sub, 2)
    entries = card(shell, sub).locator("details.stream-entry")

    def open_states():
        return entries.evaluate_all("all => all.map(d => d.open)")

    card(shell, sub).locator("select").focus()  # the start: the card's server filter
    tab_to(shell, lambda element: element["name"] == f"Expand all items of {stream}")
    press(shell, "Enter")
    assert open_states() == [True, True]
    assert press(shell, "Tab")["name"] == f"Collapse all items of {stream}"
    press(shell, "Enter")
    assert open_states() == [False, False]
    # The newest item's line opens it, and its Copy copies it.
    assert press(shell, "Tab")["tag"] == "summary"
    press(shell, "Enter")
    assert open_states() == [True, False]
    assert press(shell, "Tab")["name"] == "Copy item 2"
    press(shell, "Enter")
    expect(inspector(shell).locator(f"#{ids.STREAM_COPY_STATUS}")).to_have_text(
        re.compile(rf"^Copied item 2 of {stream} "), timeout=WAIT_MS
    )
    assert shell.frame("Inspector").evaluate("navigator.clipboard.readText()") == json.dumps({"n": 2}, indent=2)
