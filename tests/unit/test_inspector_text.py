"""What the Inspector shows: the latency chart, history lines, result views (and an unnamed app, in the log grid)."""

import json

import ids
from interop import log
from pages import inspector_text
from pages.inspector_log import grid_row
from tests.unit.samples import ENTRY, S1, T0, invoked


def test_itxt004_latency_figure_has_a_trace_per_method_and_server():
    rows = log.merge_records([invoked("i1", T0, latency=40), invoked("i2", T0 + 10, servers=(S1,), latency=90)])
    figure = inspector_text.latency_figure(rows)
    traces = {trace["name"]: trace["y"] for trace in figure["data"]}
    assert traces == {"Sum @ Sum Server 1": [40, 90], "Sum @ Sum Server 2": [40]}
    assert inspector_text.latency_figure([])["data"] == []


def test_itxt005_chart_shows_the_latest_invocations_only():
    rows = log.merge_records([invoked(f"i{n}", T0 + n, servers=(S1,), latency=n) for n in range(100)])
    [trace] = inspector_text.latency_figure(rows)["data"]
    assert trace["y"] == list(range(100 - ids.LATENCY_CHART_INVOCATIONS, 100))


def test_itxt007_result_view_shows_the_full_invocation_result():
    shown = json.loads(inspector_text.result_view(ENTRY))
    assert list(shown)[:7] == list(inspector_text.RESULT_FIELDS)
    assert shown["returned"] == {"sum": 15} and shown["method"] == {"name": "Sum"}
    failed = {**ENTRY, "result": {"invocationId": "i1", "error": {"message": "boom", "all_errors": []}}}
    assert json.loads(inspector_text.result_view(failed)) == {"error": {"message": "boom", "all_errors": []}}
    assert inspector_text.result_view(None) == ""


def test_itxt008_history_line():
    line = inspector_text.history_line(ENTRY, {"s2": "Sum Server 2"})
    assert line.endswith('Sum → only Sum Server 2  35 ms  1 answered · returned {"sum": 15}')
    pending = inspector_text.history_line({**ENTRY, "result": None, "latency_ms": None}, {})
    assert "Sum → only s2  …  " in pending


def test_itxt010_an_app_the_records_do_not_name_is_named_by_its_instance():
    record = invoked("i1", T0, servers=({"instance": "s9"},))
    record["app"] = ""
    [row] = log.merge_records([record])
    assert row["caller"] == "" and row["servers"][0]["application"] == ""  # interop keeps what the record says
    cells = grid_row(row)
    assert (cells["caller"], cells["servers"]) == ("c1", 's9: {"sum":3}')
    assert [trace["name"] for trace in inspector_text.latency_figure([row])["data"]] == ["Sum @ s9"]
