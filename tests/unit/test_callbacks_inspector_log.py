"""callbacks.inspector_log: the invocation log, called as plain functions."""

import base64
import json
import re

import pytest
from dash import no_update
from dash.exceptions import PreventUpdate

import ids
from callbacks import inspector_log
from interop import log, log_file
from pages.inspector import servers_grid
from pages.inspector_log import ANY, CHART_HIDE, CHART_SHOW, grid_transaction, log_grid, row_digest
from pages.inspector_text import clock
from tests.unit.samples import S1, S2, T0, handled, invoked

RECORDS = [
    invoked("i1", T0),
    {**handled("h1", T0 + 30, S1), "handler_ms": 3},
    {**handled("h2", T0 + 35, S2), "handler_ms": 4.6},
]
ROW = {
    "time": clock(T0),
    "method": "Sum",
    "caller": "Caller",
    "target": "all",
    "outcome": "answered ok",
    "latency_ms": 40,
    "servers": 'Sum Server 1: {"sum":3} (3 ms); Sum Server 2: {"sum":3} (5 ms)',
    "args": '{"a":1,"b":2}',
    "result": '{"sum":3}',
    "start_iso": "2026-09-21T14:13:20.000Z",
    "caller_instance": "c1",
    "id": "i1",
    "row_id": "c1|i1",
}


def values(options):
    return [option["value"] for option in options]


RENDER_OUTPUTS = ("transaction", "shown", "summary", "figure", "app_choices", "last_args", "handling_times")


def render(records, file=None, application=ANY, visible=True, chart_open=True, shown=None, history=None):
    """render_log's outputs, with the grid's rows as the transaction adds them (a grid that held ``shown``)."""
    outputs = inspector_log.render_log(records, file, application, visible, chart_open, shown, history)
    out = dict(zip(RENDER_OUTPUTS, outputs, strict=True))
    transaction = out["transaction"]
    out["rows"] = transaction if transaction is no_update else transaction["add"]
    return out


def test_lgrd101_render_log_gives_the_grid_a_row_per_invocation_with_each_servers_handling_time():
    out = render(RECORDS)
    assert out["rows"] == [ROW] and out["transaction"]["async"] is False
    assert out["shown"] == {"c1|i1": row_digest(ROW)}
    assert out["summary"] == "1 invocation · 2 handled records"
    assert sorted(trace["name"] for trace in out["figure"]["data"]) == ["Sum @ Sum Server 1", "Sum @ Sum Server 2"]
    apps = out["app_choices"]
    assert values(apps) == [ANY, "Caller", "Sum Server 1", "Sum Server 2"] and apps[0]["label"] == "All apps"
    assert out["last_args"] == {"Sum": '{"a":1,"b":2}'}


def test_lgrd102_off_screen_only_the_summary_and_the_presets_choices_follow_the_records():
    out = render(RECORDS, visible=False)
    assert out["transaction"] is no_update and out["shown"] is no_update and out["figure"] is no_update
    assert out["summary"] == "1 invocation · 2 handled records" and len(out["app_choices"]) == 4
    assert out["last_args"]
    # On screen with the chart closed: the grid follows, the chart (and plotly.js) waits.
    out = render(RECORDS, chart_open=False)
    assert out["rows"] == [ROW] and out["figure"] is no_update


def test_lgrd103_the_app_preset_spans_the_caller_and_the_servers_and_keeps_its_choice():
    records = [*RECORDS, invoked("i2", T0 + 1000, method="SendMessage", args='{"m":"hi"}', servers=(S2,))]
    out = render(records, application="Sum Server 1")
    assert [row["id"] for row in out["rows"]] == ["i1"]
    assert out["summary"] == "1 of 2 invocations (Sum Server 1) · 2 handled records"
    assert [trace["name"] for trace in out["figure"]["data"]] == ["Sum @ Sum Server 1", "Sum @ Sum Server 2"]
    assert values(out["app_choices"]) == [ANY, "Caller", "Sum Server 1", "Sum Server 2"]  # of every row
    # The preset changed on a grid that holds Sum Server 1's row: the Caller's other row is added, and only it.
    caller = render(records, application="Caller", shown=out["shown"])
    assert [row["id"] for row in caller["rows"]] == ["i2"]  # the caller's column counts too
    assert caller["transaction"]["update"] == caller["transaction"]["remove"] == []
    # A picked app no row has any more stays a choice, so the select still shows what filters.
    gone = render([], application="Gone", shown=caller["shown"])
    assert gone["transaction"]["remove"] == [{"row_id": "c1|i2"}, {"row_id": "c1|i1"}] and gone["shown"] == {}
    assert values(gone["app_choices"]) == [ANY, "Gone"]
    assert gone["summary"] == "0 of 0 invocations (Gone) · 0 handled records"


def test_lgrd104_an_opened_file_is_rendered_in_the_same_grid_instead_of_the_records():
    rows = log.merge_records(RECORDS)
    file = {"name": "bug.json", "exported_at": "2026-05-04T12:00:01.234Z", "count": 1, "rows": rows}
    live = render([invoked("live", T0 + 5_000)])
    out = render([invoked("live", T0 + 5_000)], file, shown=live["shown"])
    assert out["rows"] == [ROW] and out["transaction"]["remove"] == [{"row_id": "c1|live"}]
    assert out["summary"] == "1 invocation · 2 handled records"
    assert out["last_args"] is no_update  # the editor keeps what the live log prefilled


def unchanged(out):
    """The preset's choices and the last arguments a render left in the page, as the next one reads them."""
    return out["app_choices"], out["last_args"]


def test_lgrd109_a_flush_sends_the_grid_only_the_rows_that_changed():
    first = [invoked("i1", T0, latency=None, servers=())]
    before = render(first)
    assert [row["outcome"] for row in before["rows"]] == ["pending or no answer"]
    # The same records again: nothing for the grid, the digests, the preset's choices or the last arguments.
    outputs = inspector_log.render_log(first, None, ANY, True, True, before["shown"], None, *unchanged(before))
    again = dict(zip(RENDER_OUTPUTS, outputs, strict=True))
    assert again["transaction"] is again["shown"] is again["app_choices"] is again["last_args"] is no_update
    # i1 is answered and i2 comes in: i1 is updated, i2 added, nothing else travels.
    later = [*RECORDS, invoked("i2", T0 + 1000, method="SendMessage", args='{"m":"hi"}', servers=(S2,))]
    after = render(later, shown=before["shown"])
    transaction = after["transaction"]
    assert [row["row_id"] for row in transaction["add"]] == ["c1|i2"]
    assert transaction["update"] == [ROW] and transaction["remove"] == []
    assert set(after["shown"]) == {"c1|i1", "c1|i2"}
    # Clear: every row leaves.
    cleared = render([], shown=after["shown"])
    assert cleared["transaction"]["remove"] == [{"row_id": "c1|i2"}, {"row_id": "c1|i1"}]


def test_lgrd110_grid_transaction_keeps_the_grid_in_step_with_its_digests():
    rows = [{"row_id": "a", "x": 1}, {"row_id": "b", "x": 2}]
    transaction, shown = grid_transaction(rows, None)  # a grid that holds nothing (or a store not set)
    assert transaction == {"add": rows, "addIndex": 0, "update": [], "remove": [], "async": False}
    assert shown == {"a": row_digest(rows[0]), "b": row_digest(rows[1])}
    assert grid_transaction(rows, shown) == (None, shown)
    changed = [{"row_id": "b", "x": 3}, {"row_id": "c", "x": 1}]
    transaction, after = grid_transaction(changed, shown)
    assert transaction == {
        "add": [changed[1]],
        "addIndex": 0,
        "update": [changed[0]],
        "remove": [{"row_id": "a"}],
        "async": False,
    }
    assert after == {"b": row_digest(changed[0]), "c": row_digest(changed[1])}
    assert row_digest({"x": 1, "row_id": "a"}) == row_digest(rows[0])  # keys in any order
    assert row_digest({"row_id": "a", "x": "1"}) != row_digest(rows[0])


def test_lgrd105_the_csv_export_is_the_grids_own_with_the_formula_guard():
    export, params = inspector_log.export_csv(1)
    assert export is True
    assert params["processCellCallback"] == {"function": "guardCsvCell(params)"}
    assert re.fullmatch(r"interop-log-\d{8}-\d{6}\.csv", params["fileName"])
    assert params["columnKeys"][:9] == [
        "time",
        "method",
        "caller",
        "target",
        "outcome",
        "latency_ms",
        "servers",
        "args",
        "result",
    ]


def test_lgrd106_the_json_export_holds_what_the_grid_shows_in_its_order():
    records = [*RECORDS, invoked("i2", T0 + 1000, method="SendMessage", args='{"m":"hi"}', servers=(S2,))]
    shown = [{"row_id": "c1|i1"}, {"row_id": "nobody|x"}]
    model = {"method": {"filterType": "text", "type": "contains", "filter": "Su"}}
    download = inspector_log.export_json(1, records, None, ANY, shown, model, " sum ")
    document = json.loads(download["content"])
    assert [item["id"] for item in document["invocations"]] == ["i1"]
    assert document["filter"] == {"search": "sum", "method": "contains Su"} and document["source"] == "live bus"
    # Before the grid has said what it shows: every row of the preset.
    download = inspector_log.export_json(1, records, None, "Caller", None, None, None)
    document = json.loads(download["content"])
    assert [item["id"] for item in document["invocations"]] == ["i2", "i1"] and document["filter"] == {"app": "Caller"}


def test_lgrd107_the_quick_filter_patches_the_grids_options():
    [operation] = inspector_log.search_log("sum server").to_plotly_json()["operations"]
    assert (operation["location"], operation["params"]) == (["quickFilterText"], {"value": "sum server"})


def upload(text):
    return "data:application/json;base64," + base64.b64encode(text.encode()).decode()


def test_cbin005_opening_a_file_and_going_back_to_live():
    document = log_file.json_document(log.merge_records(RECORDS), log_file.datetime.now(log_file.UTC))
    file, note, hidden, problem, contents = inspector_log.file_outputs(ids.LOG_UPLOAD, upload(document), "bug.json")
    assert [row["id"] for row in file["rows"]] == ["i1"] and (hidden, problem, contents) == (False, "", None)
    assert note.startswith("Showing bug.json (exported 20") and note.endswith(", 1 invocation) — not the live bus")
    assert inspector_log.file_outputs(ids.LOG_BACK_LIVE, None, "bug.json") == (None, "", True, "", no_update)
    outputs = inspector_log.file_outputs(ids.LOG_UPLOAD, upload("{nope"), "bad.json")
    assert outputs[:3] == (no_update, no_update, no_update) and outputs[4] is None  # what was shown stays
    assert outputs[3].startswith("bad.json was not opened: it is not JSON (line 1, column 2")
    with pytest.raises(PreventUpdate):
        inspector_log.file_outputs(ids.LOG_UPLOAD, None, None)


def test_cbin009_the_chart_is_added_once_it_is_first_opened():
    assert inspector_log.toggle_chart(1, False) == (True, CHART_HIDE, "true")
    assert inspector_log.toggle_chart(2, True) == (False, CHART_SHOW, "false")
    assert inspector_log.toggle_chart(1, None) == (True, CHART_HIDE, "true")  # a collapse not yet toggled
    with pytest.raises(PreventUpdate):
        inspector_log.show_chart(False, None)
    figure = {"data": [{"type": "scatter", "x": [], "y": [], "name": "Sum @ Sum Server 1"}], "layout": {}}
    chart = inspector_log.show_chart(True, figure)
    assert chart.id == ids.LATENCY_GRAPH and chart.figure == figure
    with pytest.raises(PreventUpdate):  # opened again: the chart is there already
        inspector_log.show_chart(True, figure, chart.to_plotly_json())


def test_lgrd111_the_inspectors_grids_do_not_animate_their_rows():
    """An animated row change restyles and re-lays out the page in every frame for ~0.4 s; the Inspector shares
    its main thread with every app of the Workspace, so each flush of the log delayed the next invocation."""
    for grid in (log_grid(), servers_grid()):
        assert grid.dashGridOptions["animateRows"] is False, grid.id
