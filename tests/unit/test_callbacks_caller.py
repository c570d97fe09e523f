"""callbacks.caller: the documented invoke and result callbacks, called as plain functions."""

import pytest
from dash import no_update
from dash.exceptions import PreventUpdate

import ids
from callbacks import caller
from interop.message import MAX_MESSAGE_CHARS
from interop.sum import NOT_NUMBERS


def patch_operations(patch):
    return patch.to_plotly_json()["operations"]


S1 = {"application": "Sum Server 1", "instance": "s1"}
S2 = {"application": "Sum Server 2", "instance": "s2"}
OPTIONS = {"methodResponseTimeoutMs": 10_000, "waitTimeoutMs": 3_000}


def sent(args, target="best", options=OPTIONS):
    """What the activity seam adds to a result: what its invocation was sent with."""
    return {"args": args, "target": target, "options": options}


def sum_result(total, servers=(S1,), **extra):
    return {
        "invocationId": "a1",
        "error": None,
        "invocationResult": {
            "returned": {"sum": total},
            "all_return_values": [{"executed_by": s, "returned": {"sum": total}} for s in servers],
        },
        "timing": {"invokedAt": 1_000, "settledAt": 1_042},
        **extra,
    }


def test_cbcl001_sum_numbers_returns_the_documented_invoke_object():
    invoke, problem = caller.sum_numbers(1, "37", "5", "all", 10_000, 3_000)
    assert problem == ""
    # The documentation's shape: no invocationId (the page's activity seam gives each invocation one).
    assert invoke == {
        "definition": {"name": "Sum"},
        "argumentObj": {"a": "37", "b": "5"},
        "options": OPTIONS,
        "target": "all",
    }
    assert caller.sum_numbers(2, 1, 2, "best", 1, 0)[0]["options"] == {
        "methodResponseTimeoutMs": 1,
        "waitTimeoutMs": 0,
    }


@pytest.mark.parametrize("response, wait", [(None, 3_000), (0, 3_000), (10_000, 0.5), (10_000, -1), (300_001, 0)])
def test_cbcl002_bad_timeouts_send_nothing_and_say_why(response, wait):
    invoke, problem = caller.sum_numbers(1, 1, 2, "best", response, wait)
    assert invoke is no_update
    assert problem.startswith("Timeouts must be whole numbers") and problem.endswith("Nothing was sent.")


def test_cbcl003_serve_sum_mounts_a_registration():
    assert caller.serve_sum(False) is None
    registration = caller.serve_sum(True)
    assert registration.id == ids.REGISTER_SUM and registration.returns is True


def test_cbcl004_sum_result_handler_shows_the_result_with_what_was_sent():
    result = sum_result(7.0, (S2, S1), sent=sent({"a": "3", "b": "4"}, "all"))
    latest, history = caller.sum_numbers_result_handler(result)
    # Sent to all: one line per server, by name.
    assert [(c.children, c.className) for c in latest] == [
        ("Sum Server 1: Sum is 7", "text-success"),
        ("Sum Server 2: Sum is 7", "text-success"),
    ]
    [prepend, bound] = patch_operations(history)
    assert prepend["operation"] == "Prepend"
    assert prepend["params"]["value"] == "'3' + '4' (all): Sum Server 1: Sum is 7; Sum Server 2: Sum is 7\n"
    assert bound == {"operation": "Delete", "location": [caller.HISTORY_LENGTH], "params": {}}
    latest, history = caller.sum_numbers_result_handler(sum_result(7.0, sent=sent({"a": "3", "b": "4"})))
    assert [c.children for c in latest] == ["Sum is 7"]  # best: the one answer
    assert patch_operations(history)[0]["params"]["value"] == "'3' + '4' (best): Sum is 7\n"


def test_cbcl005_result_handlers_ignore_none_and_read_a_result_without_sent_as_best():
    for handler in (caller.sum_numbers_result_handler, caller.send_message_result_handler):
        with pytest.raises(PreventUpdate):
            handler(None)
    latest, history = caller.sum_numbers_result_handler(sum_result(3.0, (S1, S2)))
    assert [c.children for c in latest] == ["Sum is 3"]  # no `sent`: read as the default target, best
    assert patch_operations(history)[0]["params"]["value"] == "None + None (best): Sum is 3\n"


def test_cbcl006_send_message_refuses_a_message_over_the_limit():
    invoke, problem = caller.send_message(1, "x" * (MAX_MESSAGE_CHARS + 1), "best", 10_000, 3_000)
    assert invoke is no_update
    assert problem == (
        f"Messages are limited to {MAX_MESSAGE_CHARS:,} characters; "
        f"this one has {MAX_MESSAGE_CHARS + 1:,}. Nothing was sent."
    )
    invoke, problem = caller.send_message(1, "hi", "skipMine", 10_000, 3_000)
    assert invoke == {
        "definition": {"name": "SendMessage"},
        "argumentObj": {"message": "hi"},
        "options": OPTIONS,
        "target": "skipMine",
    }
    assert problem == ""
    invoke, problem = caller.send_message(1, "hi", "best", 0, 3_000)
    assert invoke is no_update and problem.startswith("Timeouts must be whole numbers")


def test_cbcl007_send_message_result_names_the_receivers():
    result = {
        "invocationId": "m1",
        "error": None,
        "invocationResult": {"all_return_values": [{"executed_by": S1}, {"executed_by": S2}]},
        "sent": sent({"message": "hi"}, "all"),
    }
    shown = caller.send_message_result_handler(result)
    assert [(c.children, c.className) for c in shown] == [
        ("Message delivered to Sum Server 1, Sum Server 2", "text-success")
    ]
    failed = {"invocationId": "m2", "error": {"message": "Invocation timeout"}, "sent": sent({"message": "hi"})}
    [line] = caller.send_message_result_handler(failed)
    assert (line.children, line.className) == ("No answer from SendMessage within 10000 ms (timed out).", "text-danger")


def test_cbcl008_a_tampered_target_falls_back_to_best():
    invoke, _ = caller.sum_numbers(1, 1, 2, {"application": "anything"}, 10_000, 3_000)
    assert invoke["target"] == "best"


def test_cbcl009_the_callers_own_sum_handler_returns_only_the_result():
    with pytest.raises(PreventUpdate):
        caller.caller_sum_handler(None)
    answered = caller.caller_sum_handler({"invocationId": "x1", "args": {"a": 2, "b": 3}, "caller": S1})
    assert answered == {"invocationId": "x1", "invocationResult": {"sum": 5.0}}
    refused = caller.caller_sum_handler({"invocationId": "x2", "args": {"a": "abc", "b": 3}})
    assert refused == {"invocationId": "x2", "error": {"message": NOT_NUMBERS}}


def test_cbcl010_a_failed_sum_is_explained_with_the_limits_it_was_sent_with():
    result = {
        "invocationId": "a2",
        "invocationResult": None,
        "error": {"message": 'Can not find a method matching "Sum" with server filter "best"'},
        "sent": sent({"a": 1, "b": 2}, "best", {"methodResponseTimeoutMs": 10_000, "waitTimeoutMs": 250}),
    }
    [line], history = caller.sum_numbers_result_handler(result)
    assert (line.children, line.className) == ("No server offers Sum within 250 ms.", "text-danger")
    assert patch_operations(history)[0]["params"]["value"] == "1 + 2 (best): No server offers Sum within 250 ms.\n"
