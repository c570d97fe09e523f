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
S2 = {"application": "Sum Server 2", "instance": "s2"}
OPTIONS = {"methodResponseTimeoutMs": 10_000, "waitTimeoutMs": 3_000}
NOT_NUMBERS = "The arguments must be numbers!"  # the documentation's message


def sum_result(total, servers=(S1,), args=None, **extra):
    """A result as dash_glue42 sets it: glue's invocationResult, the first server's answer as ``returned``."""
    args = {"a": "3", "b": "4"} if args is None else args
    return {
        "invocationId": "a1",
        "error": None,
        "invocationResult": {
            "method": {"name": "Sum"},
            "called_with": args,
            "returned": {"sum": total},
            "executed_by": servers[0],
            "all_return_values": [{"executed_by": s, "returned": {"sum": total}, "called_with": args} for s in servers],
            "all_errors": [],
        },
        **extra,
    }


def history_of(patch):
    [prepend, bound] = patch_operations(patch)
    assert prepend["operation"] == "Prepend"
    assert bound == {"operation": "Delete", "location": [ids.SUM_HISTORY_KEPT], "params": {}}
    return prepend["params"]["value"]


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


def test_cbcl004_sum_result_handler_shows_a_line_per_server_and_the_history():
    latest, history = caller.sum_numbers_result_handler(sum_result(7.0, (S2, S1)))
    # Two servers answered: one line per server, by name.
    assert [(c.children, c.className) for c in latest] == [
        ("Sum Server 1: Sum is 7", "text-success"),
        ("Sum Server 2: Sum is 7", "text-success"),
    ]
    assert history_of(history) == "'3' + '4': Sum Server 1: Sum is 7; Sum Server 2: Sum is 7\n"
    latest, history = caller.sum_numbers_result_handler(sum_result(7.0))
    assert [c.children for c in latest] == ["Sum is 7"]  # one server: the one answer, as the documentation's
    assert history_of(history) == "'3' + '4': Sum is 7\n"


def test_cbcl005_result_handlers_ignore_none_and_read_only_the_invocation_result():
    """Whatever else a result carries (the activity seam's ``sent`` and ``timing``), the lines come from the
    invocationResult alone: two servers answered, so a line per server, whatever ``sent`` claims."""
    for handler in (caller.sum_numbers_result_handler, caller.send_message_result_handler):
        with pytest.raises(PreventUpdate):
            handler(None)
    plain = sum_result(3.0, (S1, S2), args={"a": 1, "b": 2})
    claims = {"sent": {"args": {"a": 9, "b": 9}, "target": "best", "options": OPTIONS}, "timing": {"invokedAt": 1}}
    for result in (plain, {**plain, **claims}):
        latest, history = caller.sum_numbers_result_handler(result)
        assert [c.children for c in latest] == ["Sum Server 1: Sum is 3", "Sum Server 2: Sum is 3"]
        assert history_of(history) == "1 + 2: Sum Server 1: Sum is 3; Sum Server 2: Sum is 3\n"


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
    }
    shown = caller.send_message_result_handler(result)
    assert [(c.children, c.className) for c in shown] == [
        ("Message delivered to Sum Server 1, Sum Server 2", "text-success")
    ]
    timeout = "Invocation timeout (10000 ms) reached for method name: SendMessage, target instance: {}, options: {}"
    failed = {"invocationId": "m2", "invocationResult": None, "error": {"message": timeout}}
    [line] = caller.send_message_result_handler(failed)
    assert (line.children, line.className) == ("No answer from SendMessage within 10000 ms (timed out).", "text-danger")


def test_cbcl008_a_tampered_target_falls_back_to_best():
    invoke, _ = caller.sum_numbers(1, 1, 2, {"application": "anything"}, 10_000, 3_000)
    assert invoke["target"] == "best"


def test_cbcl009_the_callers_own_sum_handler_is_the_servers_without_the_handled_list():
    with pytest.raises(PreventUpdate):
        caller.caller_sum_handler(None)
    answered = caller.caller_sum_handler({"invocationId": "x1", "args": {"a": 2, "b": 3}, "caller": S1})
    assert answered == {"invocationId": "x1", "invocationResult": {"sum": 5.0}}
    for args in ({"a": "abc", "b": 3}, None, {"a": 1e308, "b": 1e308}):
        refused = caller.caller_sum_handler({"invocationId": "x2", "args": args})
        assert refused == {"invocationId": "x2", "error": {"message": NOT_NUMBERS}}


def test_cbcl010_a_failed_sum_shows_the_errors_message_in_plainer_words():
    """glue's "no server" error: one line, and the history's arguments from the error's called_with."""
    result = {
        "invocationId": "a2",
        "invocationResult": None,
        "error": {
            "method": {"name": "Sum"},
            "called_with": {"a": 1, "b": 2},
            "message": 'Can not find a method matching {"name":"Sum"} with server filter "best"',
        },
    }
    [line], history = caller.sum_numbers_result_handler(result)
    assert (line.children, line.className) == ("No server offers Sum.", "text-danger")
    assert history_of(history) == "1 + 2: No server offers Sum.\n"


def test_cbcl011_when_every_server_failed_each_says_why():
    """glue rejects an invocation every server failed with its invocationResult: a line per server, from
    all_errors, each with its own message."""
    args = {"a": "x", "b": 1}
    error = {
        "called_with": args,
        "message": NOT_NUMBERS,
        "all_return_values": [],
        "all_errors": [
            {"executed_by": S2, "message": NOT_NUMBERS, "called_with": args},
            {"executed_by": S1, "message": "Invocation timeout (250 ms) reached for method name: Sum"},
        ],
    }
    latest, history = caller.sum_numbers_result_handler(
        {"invocationId": "a3", "invocationResult": None, "error": error}
    )
    assert [(c.children, c.className) for c in latest] == [
        ("Sum Server 1: No answer from Sum within 250 ms (timed out).", "text-danger"),
        (f"Sum Server 2: {NOT_NUMBERS}", "text-danger"),
    ]
    assert history_of(history).startswith("'x' + 1: Sum Server 1: No answer")


def test_cbcl012_the_history_keeps_ids_sum_history_kept_lines():
    assert ids.SUM_HISTORY_KEPT == 50
    assert history_of(caller.add_to_history("x\n")) == "x\n"


def test_cbcl013_the_registration_is_the_decorators():
    """``register`` gives the app the callbacks written above each function, in order, and the common ones."""
    registered = []

    class Recorder:
        def callback(self, *args, **kwargs):
            return lambda function: registered.append(function.__name__)

        def clientside_callback(self, *args, **kwargs):
            registered.append("clientside")

    caller.register(Recorder())
    assert registered[:6] == [
        "sum_numbers",
        "sum_numbers_result_handler",
        "send_message",
        "send_message_result_handler",
        "serve_sum",
        "caller_sum_handler",
    ]
    assert set(registered[6:]) == {"clientside"}
