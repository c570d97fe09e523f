"""callbacks.inspector: servers and ad-hoc invocation, called as plain functions."""

import json

import pytest
from dash.exceptions import PreventUpdate
from plotly.utils import PlotlyJSONEncoder

import ids
from callbacks import inspector
from pages import inspector_servers as grid
from tests.integration.dash_client import iter_components
from tests.unit.test_servers import SNAPSHOT


def test_cbin001_render_servers_gives_the_grid_rows_of_text_for_each_view():
    rows, summary = inspector.render_servers(SNAPSHOT, grid.VIEW_METHODS, False)
    assert len(rows) == 4 and summary == "3 server instances · 3 methods (3 names)"
    assert [rows[0][key] for key in ("application", "instance", "method", "accepts", "streaming")] == [
        "Calc",
        "x1",
        "Multiply",
        "Int a, Int b",
        "yes",
    ]
    assert all(isinstance(value, str) for row in rows for value in row.values())  # shown as text, never HTML
    assert {column for column in rows[0]} == {d["field"] for d in inspector.show_view(grid.VIEW_METHODS)}
    rows, _ = inspector.render_servers(SNAPSHOT, grid.VIEW_BY_SERVER, True)
    assert [r["method_count"] for r in rows] == [1, 1, 3]  # with the T42.* methods
    assert {d["field"] for d in inspector.show_view(grid.VIEW_BY_SERVER)} == set(rows[0])


def test_cbin011_the_quick_filter_patches_only_its_own_grid_option():
    patch = inspector.filter_servers("Sum")
    assert patch.to_plotly_json()["operations"] == [
        {"operation": "Assign", "location": ["quickFilterText"], "params": {"value": "Sum"}}
    ]
    assert inspector.reset_servers(1) == (True, "")


def test_cbin012_a_grid_row_picks_its_method_or_its_stream_in_the_form_for_it():
    assert inspector.picked_method([{"method": "Sum", "streaming": ""}]) == "Sum"
    for rows in ([], None, [{"method": "Multiply", "streaming": "yes"}], [{"method": grid.NO_METHODS}], [{}]):
        with pytest.raises(PreventUpdate):
            inspector.picked_method(rows)
    assert inspector.picked_stream([{"method": "Multiply", "streaming": "yes"}]) == "Multiply"
    for rows in ([], None, [{"method": "Sum", "streaming": ""}], [{}]):
        with pytest.raises(PreventUpdate):
            inspector.picked_stream(rows)
    outputs = inspector.form_values(ids.SERVERS_GRID, True, "Sum", {}, SNAPSHOT, {})
    assert outputs["method"] == "Sum" and outputs["args"] == "{}"  # the picker follows the grid


def invoke_adhoc(method, args_text, mode, instances=(), response_timeout=10_000, wait_timeout=0, history=None):
    """``invoke_adhoc`` called as Dash calls it (keywords, the names of its wiring): ``(invoke, problem, history)``."""
    outputs = inspector.invoke_adhoc(
        clicks=1,
        method=method,
        args_text=args_text,
        mode=mode,
        instances=list(instances),
        response_timeout=response_timeout,
        wait_timeout=wait_timeout,
        snapshot=SNAPSHOT,
        history=history or {},
    )
    return outputs["invoke"], outputs["problem"], outputs["history"]


def test_cbin003_invoke_refuses_invalid_json_and_sends_nothing():
    invoke, problem, history = invoke_adhoc("Sum", '{"a": ', "all", [], 10_000, 3_000)
    assert invoke is inspector.no_update and history is inspector.no_update and problem.startswith("Invalid JSON")


def test_cbin004_invoke_targets_only_instances_that_offer_the_method():
    invoke, problem, history = invoke_adhoc("Sum", '{"a": 1}', "instances", ["s1", "gone"], 1_000, 0)
    assert problem == "" and invoke["target"] == [{"instance": "s1"}] and invoke["definition"] == {"name": "Sum"}
    [added] = history.to_plotly_json()["operations"]
    assert added["location"] == [invoke["invocationId"]]
    assert added["params"]["value"] == {
        "id": invoke["invocationId"],
        "order": 1,
        "at": None,
        "invoke": invoke,
        "result": None,
        "latency_ms": None,
    }  # pending: no result, no times yet
    invoke, problem, history = invoke_adhoc("Sum", "{}", "instances", ["gone"], 1_000, 0)
    assert invoke is inspector.no_update and history is inspector.no_update
    assert problem.startswith("Pick at least one server instance")


def test_cbin005_picking_a_method_prefills_its_arguments():
    outputs = inspector.form_values(ids.ADHOC_METHOD, False, "Multiply", [], SNAPSHOT, {})
    assert outputs.pop("args") == '{\n  "a": 0,\n  "b": 0\n}'
    assert set(outputs) == {"method", "target", "instances", "response_timeout", "wait_timeout"}
    assert all(o is inspector.no_update for o in outputs.values())
    with pytest.raises(PreventUpdate):
        inspector.form_values(ids.ADHOC_METHOD, False, None, [], SNAPSHOT, {})


def test_cbin006_use_these_arguments_again():
    entry = {
        "id": "i1",
        "at": 1,
        "invoke": {"definition": {"name": "Sum"}, "argumentObj": {"a": 1}, "target": "all", "options": {}},
    }
    reuse = ids.reuse_arguments("i1")
    outputs = inspector.form_values(reuse, True, "Multiply", {"i1": entry}, SNAPSHOT, {})
    assert [outputs[key] for key in ("method", "args", "target", "instances")] == ["Sum", '{\n  "a": 1\n}', "all", []]
    with pytest.raises(PreventUpdate):  # buttons re-rendered with the history, not clicked
        inspector.form_values(reuse, False, "Multiply", {"i1": entry}, SNAPSHOT, {})


def _tree(component):
    return json.loads(json.dumps(component, cls=PlotlyJSONEncoder))


def _components(component):
    return [node for node in iter_components(_tree(component)) if "props" in node and "type" in node]


def _texts(component):
    """Every string child in a component tree."""
    texts = []
    for node in _components(component):
        children = node["props"].get("children")
        texts += [c for c in (children if isinstance(children, list) else [children]) if isinstance(c, str)]
    return texts


def _of_type(component, kind):
    return [node["props"] for node in _components(component) if node["type"] == kind]


def _views(item):
    """{view key: text} of one history item's JSON views."""
    return {pre["data-view"]: pre["children"] for pre in _of_type(item, "Pre")}


def test_cbin007_render_history_latest_first_with_status_servers_and_views():
    sum_server = {"application": "Sum Server 2", "instance": "s2"}
    older = {
        "id": "a",
        "order": 1,
        "at": 1,
        "latency_ms": 35.2,
        "invoke": {"definition": {"name": "Sum"}, "argumentObj": {"a": 7, "b": 8}, "target": "all"},
        "result": {
            "invocationResult": {
                "returned": {"sum": 15},
                "called_with": {"a": 7, "b": 8},
                "all_return_values": [{"executed_by": sum_server, "returned": {"sum": 15}}],
                "all_errors": [{"executed_by": {"application": "Sum Server 1", "instance": "s1"}, "message": "x"}],
            }
        },
    }
    newer = {"id": "b", "order": 2, "at": None, "invoke": {"definition": {"name": "Sum"}}, "result": None}
    pending, settled = inspector.render_history({"a": older, "b": newer}, SNAPSHOT)
    assert (pending.open, settled.open) == (True, False)  # the latest is the one opened
    assert pending.to_plotly_json()["props"]["data-status"] == "pending" and _views(pending) == {}
    assert settled.to_plotly_json()["props"]["data-status"] == "partial"
    texts = _texts(settled)
    assert '✔ Sum Server 2 (s2) · round trip 35 ms: {"sum": 15}' in texts
    assert "✖ Sum Server 1 (s1) · round trip 35 ms: x" in texts
    views = _views(settled)
    assert json.loads(views["returned"]) == [
        {"server": "Sum Server 2 (s2)", "returned": {"sum": 15}},
        {"server": "Sum Server 1 (s1)", "error": "x"},
    ]
    assert json.loads(views["called-with"]) == {"a": 7, "b": 8}
    assert json.loads(views["invocation-result"])["returned"] == {"sum": 15}
    # Each view has a real Copy button beside it (assets/inspector.js copies the view it sits with), named by it.
    views_beside = {
        node["props"]["children"][0]["props"]["data-copy-view"]: node["props"]["children"][1]["props"]["data-view"]
        for node in _components(settled)
        if node["type"] == "Div" and "position-relative" in (node["props"].get("className") or "")
    }
    assert views_beside == {key: key for key in views}
    names = {b["aria-label"] for b in _of_type(settled, "Button") if "data-copy-view" in b}
    assert names == {"Copy Returned", "Copy Called with", "Copy InvocationResult"}
    assert inspector.render_history({}, SNAPSHOT) == []


def test_cbin011_the_live_region_says_the_latest_outcome_once():
    sent = {"id": "a", "order": 1, "invoke": {"definition": {"name": "Sum"}, "target": "all"}, "result": None}
    answered = {
        **sent,
        "result": {"invocationResult": {"returned": {"sum": 3}, "all_return_values": [{"returned": {"sum": 3}}]}},
    }
    failed = {
        "id": "b",
        "order": 2,
        "invoke": {"definition": {"name": "Nope"}, "target": "best"},
        "result": {"error": {"message": "x"}},
    }
    assert inspector.announce_outcome({}, SNAPSHOT, None) == ""
    assert inspector.announce_outcome({"a": sent}, SNAPSHOT, "") == "Sum → all: invoking…"
    said = inspector.announce_outcome({"a": answered}, SNAPSHOT, "Sum → all: invoking…")
    assert said == 'Sum → all: 1 answered · returned {"sum": 3}'
    # Handling times coming in change the history, not the outcome: nothing is said again.
    assert inspector.announce_outcome({"a": {**answered, "handling": {"s1": 2}}}, SNAPSHOT, said) is inspector.no_update
    assert inspector.announce_outcome({"a": answered, "b": failed}, SNAPSHOT, said) == "Nope → best: error: x"


def test_cbin010_the_history_keeps_the_newest_and_each_result_finds_its_entry():
    history = {}
    for _ in range(ids.INSPECTOR_HISTORY_KEPT + 2):
        _, _, patch = invoke_adhoc("Sum", "{}", "best", [], 1_000, 0, history)
        for op in patch.to_plotly_json()["operations"]:
            if op["operation"] == "Assign":
                history[op["location"][0]] = op["params"]["value"]
            else:
                del history[op["location"][0]]
    assert len(history) == ids.INSPECTOR_HISTORY_KEPT
    assert sorted(e["order"] for e in history.values()) == list(range(3, ids.INSPECTOR_HISTORY_KEPT + 3))
    newest = max(history.values(), key=lambda e: e["order"])
    result = {"invocationId": newest["id"], "invocationResult": {"returned": {"sum": 3}}, "error": None,
              "timing": {"invokedAt": 5_000, "settledAt": 5_035}}  # fmt: skip
    patch = inspector.adhoc_result_handler(result, history)
    [settled] = patch.to_plotly_json()["operations"]
    assert settled["operation"] == "Assign" and settled["location"] == [newest["id"]]
    entry = settled["params"]["value"]
    assert (entry["at"], entry["latency_ms"], entry["result"]) == (5_000, 35, result)
    assert {**entry, "at": None, "latency_ms": None, "result": None} == newest  # the rest of the entry is kept
    for missing in (None, {**result, "invocationId": "gone"}):
        with pytest.raises(PreventUpdate):
            inspector.adhoc_result_handler(missing, history)
