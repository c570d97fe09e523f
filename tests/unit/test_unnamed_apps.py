"""An app named after Dash's passing title ("Updating... (uid)") reads "unnamed Dash app (uid)" wherever an app is
named: the Caller's results and history, the servers' handled lists, the Inspector's grid, log, results and
streams. Each of those goes through pages.app_names.app_name; these tests hold every one of them to it."""

import json

from callbacks import server
from interop import log
from pages import inspector_servers, inspector_streams, inspector_text, result_text
from tests.unit.samples import T0, handled, invoked

PASSING = {"application": "Updating... (2HCZslYF8)", "instance": "p1"}
READABLE = "unnamed Dash app (2HCZslYF8)"
S1 = {"application": "Sum Server 1", "instance": "s1"}


def shows_no_passing_title(text):
    return "Updating..." not in text


def test_unnm001_the_callers_results_and_history():
    result = {
        "invocationId": "i1",
        "invocationResult": {
            "called_with": {"a": 2, "b": 3},
            "returned": {"sum": 5},
            "executed_by": PASSING,
            "all_return_values": [
                {"executed_by": PASSING, "returned": {"sum": 5}},
                {"executed_by": S1, "returned": {"sum": 5}},
            ],
            "all_errors": [],
        },
    }
    lines = result_text.answer_lines(result["invocationResult"], result_text.describe_sum, "Sum")
    assert ("ok", f"{READABLE}: Sum is 5") in lines
    assert f"{READABLE}: Sum is 5" in result_text.history_line(result, lines)
    delivered = result_text.delivery_lines(result["invocationResult"])
    assert delivered[0] == ("ok", f"Message delivered to Sum Server 1, {READABLE}")


def test_unnm002_a_servers_handled_list(monkeypatch):
    monkeypatch.setattr(server.time, "strftime", lambda _format: "10:00:01")
    patch = server.handled("Sum", {"caller": PASSING, "args": {"a": 1}}, "sum = 1")
    [prepend, _] = patch.to_plotly_json()["operations"]
    assert prepend["params"]["value"] == f"10:00:01 Sum from {READABLE} with {{'a': 1}}: sum = 1\n"


def test_unnm003_the_inspectors_servers_grid_in_every_view():
    snapshot = [{**PASSING, "methods": [{"name": "Sum", "accepts": "Number a, Number b"}]}]
    for view, _title in inspector_servers.VIEWS:
        rows = inspector_servers.view_rows(snapshot, view)
        text = json.dumps(rows, ensure_ascii=False)
        assert READABLE in text and shows_no_passing_title(text), (view, rows)
    assert inspector_servers.instance_options(snapshot) == [{"label": f"{READABLE} (p1)", "value": "p1"}]


def test_unnm004_the_inspectors_log_chart_and_targets():
    caller = {**invoked("i1", T0, servers=(PASSING,), target=[{"instance": "p1"}]), "app": PASSING["application"]}
    record = {**handled("h1", T0 + 5, server=PASSING), "caller": PASSING["application"]}
    [row] = log.merge_records([caller, record])
    assert inspector_text.describe_target(row["target"], row["servers"]) == f"only {READABLE}"
    [trace] = inspector_text.latency_figure([row])["data"]
    assert trace["name"] == f"Sum @ {READABLE}"


def test_unnm005_the_inspectors_results():
    entry = {
        "id": "i1",
        "at": T0,
        "latency_ms": 40,
        "invoke": {"definition": {"name": "Sum"}, "argumentObj": {"a": 1}, "target": [{"instance": "p1"}]},
        "result": {
            "invocationId": "i1",
            "invocationResult": {
                "returned": {"sum": 1},
                "all_return_values": [{"executed_by": {"instance": "p1"}, "returned": {"sum": 1}}],
            },
        },
    }
    names = {"p1": PASSING["application"]}
    assert f"Sum → only {READABLE}" in inspector_text.history_line(entry, names)
    [(ok, label, _what, instance)] = inspector_text.server_answers(entry, names)
    assert ok and label == f"{READABLE} (p1)" and instance == "p1"
    assert json.loads(inspector_text.returned_view(entry, names))[0]["server"] == f"{READABLE} (p1)"


def test_unnm006_the_inspectors_streams():
    item = {**PASSING, "t": T0, "text": "{}", "chars": 2}
    options = inspector_streams.server_options([item])
    assert {"label": f"{READABLE} (p1)", "value": "p1"} in options
    text = json.dumps(inspector_streams.item_view(item, {"p1": 0}).to_plotly_json(), default=str)
    assert READABLE in text and shows_no_passing_title(text)
