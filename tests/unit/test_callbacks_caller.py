"""callbacks.caller: the documented invoke and result callbacks, called as plain functions."""

import pytest
from dash import no_update
from dash.exceptions import PreventUpdate

import ids
from callbacks import caller
from interop.message import MAX_MESSAGE_CHARS


def patch_operations(patch):
    return patch.to_plotly_json()["operations"]


S1 = {"application": "Sum Server 1", "instance": "s1"}
OPTIONS = {"methodResponseTimeoutMs": 10_000, "waitTimeoutMs": 3_000}
PENDING = {
    "i1": {"method": "Sum", "args": {"a": "1", "b": "2"}, "target": "best", "options": OPTIONS},
    "i2": {"method": "Sum", "args": {"a": "3", "b": "4"}, "target": "all", "options": OPTIONS},
    "m1": {"method": "SendMessage", "args": {"message": "hi"}, "target": "best", "options": OPTIONS},
}


def sum_result(invocation_id, total, servers=(S1,), timing=None):
    return {
        "invocationId": invocation_id,
        "error": None,
        "invocationResult": {
            "returned": {"sum": total},
            "all_return_values": [{"executed_by": s, "returned": {"sum": total}} for s in servers],
        },
        "timing": timing or {"invokedAt": 1_000, "settledAt": 1_042},
    }


def test_cbcl001_sum_numbers_returns_the_documented_invoke_object():
    invoke, problem, pending, wake = caller.sum_numbers(1, "37", "5", "all", 10_000, 3_000)
    assert wake is False
    assert set(invoke) == {"invocationId", "definition", "argumentObj", "target", "options"}
    assert invoke["definition"] == {"name": "Sum"} and invoke["argumentObj"] == {"a": "37", "b": "5"}
    assert invoke["target"] == "all" and invoke["options"] == OPTIONS
    assert problem == ""
    [added] = patch_operations(pending)
    assert added["operation"] == "Assign" and added["location"] == [invoke["invocationId"]]
    entry = added["params"]["value"]
    assert (entry["method"], entry["args"], entry["target"]) == ("Sum", {"a": "37", "b": "5"}, "all")
    assert entry["record"]["pending"] is True and entry["record"]["id"] == invoke["invocationId"]
    assert caller.sum_numbers(2, 1, 2, "all", 10_000, 3_000)[0]["invocationId"] != invoke["invocationId"]


@pytest.mark.parametrize("response, wait", [(None, 3_000), (0, 3_000), (10_000, 0.5), (10_000, -1), (300_001, 0)])
def test_cbcl002_bad_timeouts_send_nothing_and_say_why(response, wait):
    invoke, problem, pending, wake = caller.sum_numbers(1, 1, 2, "best", response, wait)
    assert invoke is no_update and pending is no_update and wake is no_update
    assert problem.startswith("Timeouts must be whole numbers") and problem.endswith("Nothing was sent.")


def test_cbcl003_serve_sum_mounts_a_registration():
    assert caller.serve_sum(False) is None
    registration = caller.serve_sum(True)
    assert registration.id == ids.REGISTER_SUM and registration.returns is True


def test_cbcl004_sum_result_handler_shows_the_result_with_what_was_sent():
    latest, history, done, log, _ = caller.sum_numbers_result_handler(sum_result("i2", 7.0), PENDING)
    assert [c.children for c in latest] == ["Sum Server 1: Sum is 7"]  # i2 went to all: one line per server
    [prepend, bound] = patch_operations(history)
    assert prepend["params"]["value"] == "'3' + '4' (all): Sum Server 1: Sum is 7\n"
    assert bound["operation"] == "Delete" and bound["location"] == [caller.HISTORY_LENGTH]
    assert patch_operations(done) == [{"operation": "Delete", "location": ["i2"], "params": {}}]
    record = patch_operations(log)[0]["params"]["value"]
    assert (record["id"], record["kind"], record["target"], record["pending"]) == ("i2", "invoked", "all", False)
    assert (record["t"], record["latency_ms"]) == (1_000, 42)
    assert record["servers"] == [
        {"application": "Sum Server 1", "instance": "s1", "ok": True, "outcome": '{"sum":7.0}'}
    ]


def test_cbcl005_result_handlers_ignore_none_and_unknown_invocations_still_show():
    for handler in (caller.sum_numbers_result_handler, caller.send_message_result_handler):
        with pytest.raises(PreventUpdate):
            handler(None, PENDING)
    latest, history, done, *_ = caller.sum_numbers_result_handler(sum_result("elsewhere", 3.0), PENDING)
    assert [c.children for c in latest] == ["Sum is 3"]  # unknown: read as the default target, best
    assert patch_operations(done) == []  # nothing pending to remove
    assert patch_operations(history)[0]["params"]["value"].startswith("None + None (best): Sum is 3")


def test_cbcl006_send_message_refuses_a_message_over_the_limit():
    invoke, problem, pending, _ = caller.send_message(1, "x" * (MAX_MESSAGE_CHARS + 1), "best", 10_000, 3_000)
    assert invoke is no_update and pending is no_update
    assert problem == (
        f"Messages are limited to {MAX_MESSAGE_CHARS:,} characters; "
        f"this one has {MAX_MESSAGE_CHARS + 1:,}. Nothing was sent."
    )
    invoke, problem, *_ = caller.send_message(1, "hi", "skipMine", 10_000, 3_000)
    assert invoke["definition"] == {"name": "SendMessage"} and invoke["argumentObj"] == {"message": "hi"}
    assert (invoke["target"], problem) == ("skipMine", "")


def test_cbcl007_send_message_result_names_the_receivers():
    result = {"invocationId": "m1", "error": None, "invocationResult": {"all_return_values": [{"executed_by": S1}]}}
    shown, done, log, _ = caller.send_message_result_handler(result, PENDING)
    assert [c.children for c in shown] == ["Message delivered to Sum Server 1"]
    assert patch_operations(done)[0]["location"] == ["m1"]
    assert patch_operations(log)[0]["params"]["value"]["method"] == "SendMessage"


def test_cbcl008_a_tampered_target_falls_back_to_best():
    invoke, *_ = caller.sum_numbers(1, 1, 2, {"application": "anything"}, 10_000, 3_000)
    assert invoke["target"] == "best"
