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
from pages.inspector_log import ANY
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


def test_lgrd101_render_log_gives_the_grid_a_row_per_invocation_with_each_servers_handling_time():
    rows, summary, figure, apps, last_args, _ = inspector_log.render_log(RECORDS, None, ANY, True)
    assert rows == [ROW]
    assert summary == "1 invocation · 2 handled records"
    assert sorted(trace["name"] for trace in figure["data"]) == ["Sum @ Sum Server 1", "Sum @ Sum Server 2"]
    assert values(apps) == [ANY, "Caller", "Sum Server 1", "Sum Server 2"] and apps[0]["label"] == "All apps"
    assert last_args == {"Sum": '{"a":1,"b":2}'}


def test_lgrd102_off_screen_only_the_summary_and_the_presets_choices_follow_the_records():
    rows, summary, figure, apps, last_args, _ = inspector_log.render_log(RECORDS, None, ANY, False)
    assert rows is no_update and figure is no_update
    assert summary == "1 invocation · 2 handled records" and len(apps) == 4 and last_args


def test_lgrd103_the_app_preset_spans_the_caller_and_the_servers_and_keeps_its_choice():
    records = [*RECORDS, invoked("i2", T0 + 1000, method="SendMessage", args='{"m":"hi"}', servers=(S2,))]
    rows, summary, figure, apps, _, _ = inspector_log.render_log(records, None, "Sum Server 1", True)
    assert [row["id"] for row in rows] == ["i1"]
    assert summary == "1 of 2 invocations (Sum Server 1) · 2 handled records"
    assert [trace["name"] for trace in figure["data"]] == ["Sum @ Sum Server 1", "Sum @ Sum Server 2"]
    assert values(apps) == [ANY, "Caller", "Sum Server 1", "Sum Server 2"]  # of every row, not the shown ones
    rows, *_ = inspector_log.render_log(records, None, "Caller", True)
    assert [row["id"] for row in rows] == ["i2", "i1"]  # the caller's column counts too
    # A picked app no row has any more stays a choice, so the select still shows what filters.
    rows, summary, _, apps, _, _ = inspector_log.render_log([], None, "Gone", True)
    assert rows == [] and values(apps) == [ANY, "Gone"] and summary == "0 of 0 invocations (Gone) · 0 handled records"


def test_lgrd104_an_opened_file_is_rendered_in_the_same_grid_instead_of_the_records():
    rows = log.merge_records(RECORDS)
    file = {"name": "bug.json", "exported_at": "2026-05-04T12:00:01.234Z", "count": 1, "rows": rows}
    shown, summary, _, _, last_args, _ = inspector_log.render_log([invoked("live", T0 + 5_000)], file, ANY, True)
    assert shown == [ROW] and summary == "1 invocation · 2 handled records"
    assert last_args is no_update  # the editor keeps what the live log prefilled


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


def test_cbin009_the_chart_is_added_once_the_log_is_on_screen():
    with pytest.raises(PreventUpdate):
        inspector_log.show_chart(False, None)
    figure = {"data": [{"type": "scatter", "x": [], "y": [], "name": "Sum @ Sum Server 1"}], "layout": {}}
    chart = inspector_log.show_chart(True, figure)
    assert chart.id == ids.LATENCY_GRAPH and chart.figure == figure
    with pytest.raises(PreventUpdate):  # on screen again: the chart is there already
        inspector_log.show_chart(True, figure, chart.to_plotly_json())
