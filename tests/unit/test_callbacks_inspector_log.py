"""callbacks.inspector_log: the invocation log, called as plain functions."""

import base64

import pytest
from dash import no_update
from dash.exceptions import PreventUpdate

import ids
from callbacks import inspector_log
from interop import log, log_file
from pages.inspector_text import clock
from tests.unit.samples import S1, S2, T0, handled, invoked

RECORDS = [invoked("i1", T0), handled("h1", T0 + 30, S1), handled("h2", T0 + 35, S2)]
LINE = '  Sum  Caller → all    40 ms  {"a":1,"b":2}  ⇒  Sum Server 1 ✔: {"sum":3} | Sum Server 2 ✔: {"sum":3}'


def values(options):
    return [option["value"] for option in options]


def test_cbin002_render_log_from_records():
    text, summary, figure, methods, apps, last_args = inspector_log.render_log(RECORDS, None, "", "", "")
    assert text == clock(T0) + LINE
    assert summary == "1 invocation · 2 handled records"
    assert sorted(trace["name"] for trace in figure["data"]) == ["Sum @ Sum Server 1", "Sum @ Sum Server 2"]
    assert values(methods) == [log.ANY, "Sum"] and methods[0]["label"] == "All methods"
    assert values(apps) == [log.ANY, "Caller", "Sum Server 1", "Sum Server 2"]
    assert last_args == {"Sum": '{"a":1,"b":2}'}


def test_cbin003_the_filter_narrows_lines_summary_and_chart_and_keeps_its_choice():
    records = [*RECORDS, invoked("i2", T0 + 1000, method="SendMessage", args='{"m":"hi"}', servers=(S2,))]
    text, summary, figure, methods, apps, _ = inspector_log.render_log(records, None, "SendMessage", "", "")
    assert "SendMessage  Caller → all" in text and "  Sum  " not in text
    assert summary == "1 of 2 invocations shown · 0 handled records"
    assert [trace["name"] for trace in figure["data"]] == ["SendMessage @ Sum Server 2"]
    assert values(methods) == [log.ANY, "SendMessage", "Sum"]  # the choices are of every row, not the shown ones
    assert values(apps) == [log.ANY, "Caller", "Sum Server 1", "Sum Server 2"]
    text, summary, *_ = inspector_log.render_log(records, None, "", "Sum Server 1", "failed")
    assert (text, summary) == ("", "0 of 2 invocations shown · 0 handled records")
    # A picked value no row has any more stays a choice, so the select still shows what filters.
    _, _, _, methods, _, _ = inspector_log.render_log([], None, "Multiply", "", "")
    assert values(methods) == [log.ANY, "Multiply"]


def test_cbin004_an_opened_file_is_rendered_instead_of_the_records():
    rows = log.merge_records(RECORDS)
    file = {"name": "bug.json", "exported_at": "2026-05-04T12:00:01.234Z", "count": 1, "rows": rows}
    text, summary, _, _, _, last_args = inspector_log.render_log([invoked("live", T0 + 5_000)], file, "", "", "")
    assert text == clock(T0) + LINE and summary == "1 invocation · 2 handled records"
    assert last_args is no_update  # the editor keeps what the live log prefilled


def upload(text):
    return "data:application/json;base64," + base64.b64encode(text.encode()).decode()


def test_cbin005_opening_a_file_and_going_back_to_live():
    document = log_file.json_document(log.merge_records(RECORDS), log_file.datetime.now(log_file.UTC))
    file, note, hidden, problem, contents = inspector_log.file_outputs(ids.LOG_UPLOAD, upload(document), "bug.json")
    assert file["rows"] == log.merge_records(RECORDS) and (hidden, problem, contents) == (False, "", None)
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
