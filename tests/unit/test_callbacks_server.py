"""callbacks.server: the handlers, called as the plain functions they are."""

import pytest
from dash import no_update
from dash.exceptions import PreventUpdate

import ids
from callbacks import server
from interop.message import MAX_MESSAGE_CHARS
from interop.sum import NOT_NUMBERS

NOT_TEXT = "Ignored a message that was not text."
TOO_LONG = f"Ignored a message longer than {MAX_MESSAGE_CHARS:,} characters."


def invoke(args, invocation_id="inv-1", application="Caller"):
    return {"invocationId": invocation_id, "args": args, "caller": {"application": application}}


def patch_operations(patch):
    return patch.to_plotly_json()["operations"]


@pytest.fixture
def at_ten(monkeypatch):
    """The handled list's clock, fixed at 10:00:01."""
    monkeypatch.setattr(server.time, "strftime", lambda _format: "10:00:01")


def prepended_line(patch):
    """The one line a handler's Patch puts on top of the handled list; the Patch also keeps the list bounded."""
    prepend, bound = patch_operations(patch)
    assert prepend["operation"] == "Prepend" and prepend["location"] == []
    assert bound == {"operation": "Delete", "location": [server.MAX_HANDLED], "params": {}}
    return prepend["params"]["value"]


def test_cbsv001_sum_handler_answers_with_invocation_id(at_ten):
    result, handled = server.sum_invocation_handler(invoke({"a": 37, "b": 5}, "abc"))
    assert result == {"invocationId": "abc", "invocationResult": {"sum": 42.0}}
    assert prepended_line(handled) == "10:00:01 Sum from Caller with {'a': 37, 'b': 5}: sum = 42\n"


def test_cbsv002_sum_handler_error_keeps_invocation_id(at_ten):
    result, handled = server.sum_invocation_handler(invoke({"a": "nan", "b": 5}, "xyz"))
    assert result == {"invocationId": "xyz", "error": {"message": NOT_NUMBERS}}
    assert prepended_line(handled) == f"10:00:01 Sum from Caller with {{'a': 'nan', 'b': 5}}: refused: {NOT_NUMBERS}\n"


def test_cbsv003_handlers_ignore_the_initial_none():
    for handler in (server.sum_invocation_handler, server.send_message_invocation_handler):
        with pytest.raises(PreventUpdate):
            handler(None)


def test_cbsv004_handled_list_is_bounded():
    """The list keeps as many lines as an app's log window keeps records (ids.LOG_KEPT), the newest on top."""
    line = "10:00:00 Sum from Caller with {}: sum = 0\n"
    assert prepended_line(server.add_handled(line)) == line
    # Applied as Dash applies it to the list's children: the new line on top, never more than LOG_KEPT.
    children = [f"old {n}\n" for n in range(ids.LOG_KEPT)]
    for operation in patch_operations(server.add_handled(line)):
        if operation["operation"] == "Prepend":
            children.insert(0, operation["params"]["value"])
        else:
            del children[operation["location"][0]]
    assert children == [line, *[f"old {n}\n" for n in range(ids.LOG_KEPT - 1)]]


def test_cbsv005_send_message_shows_text_up_to_the_limit_and_refuses_longer(at_ten):
    """Markup is shown as typed (a string child: React renders it as text), up to the MAX_MESSAGE_CHARS the
    Caller checks too; one character more is refused, and the last message stays."""
    markup = "<script>alert(1)</script>"
    shown, handled = server.send_message_invocation_handler(invoke({"message": markup}))
    assert shown == markup
    assert prepended_line(handled) == f"10:00:01 SendMessage from Caller with {{'message': {markup!r}}}: shown\n"
    longest = markup + "x" * (MAX_MESSAGE_CHARS - len(markup))
    shown, handled = server.send_message_invocation_handler(invoke({"message": longest}))
    assert shown == longest and prepended_line(handled).endswith("'}: shown\n")
    shown, handled = server.send_message_invocation_handler(invoke({"message": longest + "x"}))
    assert shown is no_update
    assert prepended_line(handled).endswith(f"'}}: refused: {TOO_LONG}\n")


@pytest.mark.parametrize("args", [{"message": 42}, {"message": None}, {"message": {"x": 1}}, {}])
def test_cbsv006_send_message_refuses_non_text(at_ten, args):
    shown, handled = server.send_message_invocation_handler(invoke(args))
    assert shown is no_update  # the last message stays
    assert prepended_line(handled) == f"10:00:01 SendMessage from Caller with {args!r}: refused: {NOT_TEXT}\n"


def test_cbsv007_registration_errors_are_shown():
    assert server.registration_errors(None, None) == []
    [alert] = server.registration_errors({"message": "taken"}, None)
    assert alert.children == "Sum is not registered: taken"


def test_cbsv008_handled_line_renders_the_caller_and_args_as_text(at_ten):
    assert server.handled_line("Sum", invoke({"a": 1, "b": 2}), "sum = 3") == (
        "10:00:01 Sum from Caller with {'a': 1, 'b': 2}: sum = 3\n"
    )
    markup = {"message": "<b>hi</b>"}
    line = server.handled_line("SendMessage", invoke(markup, application="<i>Caller 2</i>"), "shown")
    assert isinstance(line, str)  # a text child of the Pre: markup shows as typed
    assert line == "10:00:01 SendMessage from <i>Caller 2</i> with {'message': '<b>hi</b>'}: shown\n"
    by_instance = {"invocationId": "i", "args": {"a": 1}, "caller": {"instance": "c-7"}}
    assert server.handled_line("Sum", by_instance, "sum = 1") == "10:00:01 Sum from c-7 with {'a': 1}: sum = 1\n"
    assert server.handled_line("Sum", {"args": None}, "x") == "10:00:01 Sum from unknown app with None: x\n"


def test_cbsv009_sum_outcome_says_the_sum_or_why_it_was_refused():
    assert server.sum_outcome({"invocationId": "i", "invocationResult": {"sum": 42.0}}) == "sum = 42"
    assert server.sum_outcome({"invocationId": "i", "invocationResult": {"sum": 0.5}}) == "sum = 0.5"
    assert server.sum_outcome({"invocationId": "i", "error": {"message": NOT_NUMBERS}}) == f"refused: {NOT_NUMBERS}"
