"""callbacks.inspector: servers and ad-hoc invocation, called as plain functions."""

import pytest
from dash.exceptions import PreventUpdate

import ids
from callbacks import inspector
from interop import servers
from tests.unit.test_servers import SNAPSHOT


def test_cbin001_render_servers_gives_the_table_rows_of_text():
    rows, summary = inspector.render_servers(SNAPSHOT, "", False)
    assert len(rows) == 4 and summary == "3 server instances · 3 methods shown"
    assert [rows[0][key] for key in ("application", "instance", "window", "method", "accepts")] == [
        "Calc",
        "x1",
        "",
        "Multiply",
        "Int a, Int b",
    ]
    assert all(isinstance(value, str) for row in rows for value in row.values())  # shown as text, never HTML
    assert {column for column in rows[0]} == {key for key, _ in servers.COLUMNS}


def test_cbin003_invoke_refuses_invalid_json_and_sends_nothing():
    invoke, problem, history = inspector.invoke_adhoc(1, "Sum", '{"a": ', "all", [], 10_000, 3_000, SNAPSHOT, {})
    assert invoke is inspector.no_update and history is inspector.no_update and problem.startswith("Invalid JSON")


def test_cbin004_invoke_targets_only_instances_that_offer_the_method():
    invoke, problem, history = inspector.invoke_adhoc(
        1, "Sum", '{"a": 1}', "instances", ["s1", "gone"], 1_000, 0, SNAPSHOT, {}
    )
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
    invoke, problem, history = inspector.invoke_adhoc(1, "Sum", "{}", "instances", ["gone"], 1_000, 0, SNAPSHOT, {})
    assert invoke is inspector.no_update and history is inspector.no_update
    assert problem.startswith("Pick at least one server instance")


def test_cbin005_picking_a_method_prefills_its_arguments():
    outputs = inspector.form_values(ids.ADHOC_METHOD, False, "Multiply", [], SNAPSHOT, {})
    assert outputs[1] == '{\n  "a": 0,\n  "b": 0\n}'
    assert all(o is inspector.no_update for i, o in enumerate(outputs) if i != 1)
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
    assert outputs[:4] == ("Sum", '{\n  "a": 1\n}', "all", [])
    with pytest.raises(PreventUpdate):  # buttons re-rendered with the history, not clicked
        inspector.form_values(reuse, False, "Multiply", {"i1": entry}, SNAPSHOT, {})


def test_cbin007_render_history_latest_result_first():
    older = {
        "id": "a",
        "order": 1,
        "at": 1,
        "invoke": {"definition": {"name": "Sum"}},
        "result": {"invocationResult": {}},
    }
    newer = {"id": "b", "order": 2, "at": None, "invoke": {"definition": {"name": "Sum"}}, "result": None}
    view, items = inspector.render_history({"a": older, "b": newer}, SNAPSHOT)
    assert '"returned": null' in view  # the latest that has a result
    lines = [item.children[0].children.split("  ") for item in items.children]
    assert [line[:2] for line in lines] == [["…", "Sum → ?"], [lines[1][0], "Sum → ?"]]  # newest (pending) first
    assert inspector.render_history({}, SNAPSHOT) == ("", [])


def test_cbin010_the_history_keeps_the_newest_and_each_result_finds_its_entry():
    history = {}
    for n in range(inspector.HISTORY_KEPT + 2):
        _, _, patch = inspector.invoke_adhoc(n, "Sum", "{}", "best", [], 1_000, 0, SNAPSHOT, history)
        for op in patch.to_plotly_json()["operations"]:
            if op["operation"] == "Assign":
                history[op["location"][0]] = op["params"]["value"]
            else:
                del history[op["location"][0]]
    assert len(history) == inspector.HISTORY_KEPT
    assert sorted(e["order"] for e in history.values()) == list(range(3, inspector.HISTORY_KEPT + 3))
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
