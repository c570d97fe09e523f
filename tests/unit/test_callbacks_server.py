"""callbacks.server: the handlers, called as the plain functions they are."""

import pytest
from dash import no_update
from dash.exceptions import PreventUpdate

from callbacks import server
from interop.sum import NOT_NUMBERS


def invoke(args, invocation_id="inv-1", application="Caller"):
    return {"invocationId": invocation_id, "args": args, "caller": {"application": application}}


def patch_operations(patch):
    return patch.to_plotly_json()["operations"]


def test_cbsv001_sum_handler_answers_with_invocation_id():
    result, log, wake = server.sum_invocation_handler(invoke({"a": 37, "b": 5}, "abc"))
    assert result == {"invocationId": "abc", "invocationResult": {"sum": 42.0}}
    assert wake is False  # the page's next tick shows and publishes the handled record
    record = patch_operations(log)[0]
    assert record["operation"] == "Prepend" and record["params"]["value"]["caller"] == "Caller"
    assert " Sum from Caller with {'a': 37, 'b': 5}: sum = 42" in record["params"]["value"]["line"]


def test_cbsv002_sum_handler_error_keeps_invocation_id():
    result, *_ = server.sum_invocation_handler(invoke({"a": "nan", "b": 5}, "xyz"))
    assert result == {"invocationId": "xyz", "error": {"message": NOT_NUMBERS}}


def test_cbsv003_handlers_ignore_the_initial_none():
    for handler in (server.sum_invocation_handler, server.send_message_invocation_handler):
        with pytest.raises(PreventUpdate):
            handler(None)


def test_cbsv004_handled_log_is_bounded():
    entry = {"time": "10:00:00", "method": "Sum", "caller": "Caller", "args": {}, "outcome": "sum = 0", "ok": True}
    ops = patch_operations(server.prepend_handled(entry))
    assert [op["operation"] for op in ops] == ["Prepend", "Delete"]
    assert ops[0]["params"]["value"] == entry and ops[1]["location"] == [server.MAX_HANDLED]


def test_cbsv005_send_message_returns_text_as_is():
    payload = "<script>alert(1)</script>"
    shown, *_ = server.send_message_invocation_handler(invoke({"message": payload}))
    assert shown == payload  # a string child: React renders it as text


@pytest.mark.parametrize("args", [{"message": 42}, {"message": None}, {"message": {"x": 1}}, {}])
def test_cbsv006_send_message_refuses_non_text(args):
    shown, log, _ = server.send_message_invocation_handler(invoke(args))
    assert shown is no_update
    entry = patch_operations(log)[0]["params"]["value"]
    assert (entry["outcome"], entry["ok"]) == ("Ignored a message that was not text.", False)
    assert entry["line"].endswith(": refused: Ignored a message that was not text.")


def test_cbsv007_registration_errors_are_shown():
    assert server.registration_errors(None, None) == []
    [alert] = server.registration_errors({"message": "taken"}, None)
    assert alert.children == "Sum is not registered: taken"


def test_cbsv008_handled_log_renders_as_text_lines():
    entries = [
        {
            "time": "10:00:01",
            "method": "Sum",
            "caller": "Caller",
            "args": {"a": 1, "b": 2},
            "outcome": "sum = 3",
            "ok": True,
        },
        {
            "time": "10:00:00",
            "method": "SendMessage",
            "caller": "Caller 2",
            "args": {"message": 4},
            "outcome": "Ignored a message that was not text.",
            "ok": False,
        },
    ]
    assert [server.handled_line(entry) for entry in entries] == [
        "10:00:01 Sum from Caller with {'a': 1, 'b': 2}: sum = 3",
        "10:00:00 SendMessage from Caller 2 with {'message': 4}: refused: Ignored a message that was not text.",
    ]
