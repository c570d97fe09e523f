"""callbacks.server: the handlers, called as the plain functions they are."""

import json

import pytest
from dash import no_update
from dash.exceptions import PreventUpdate

import ids
from callbacks import server
from interop.message import MAX_MESSAGE_CHARS

NOT_NUMBERS = "The arguments must be numbers!"  # the documentation's message

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
    assert bound == {"operation": "Delete", "location": [ids.HANDLED_KEPT], "params": {}}
    return prepend["params"]["value"]


def test_cbsv001_sum_handler_answers_with_invocation_id(at_ten):
    result, handled = server.sum_invocation_handler(invoke({"a": 37, "b": 5}, "abc"))
    assert result == {"invocationId": "abc", "invocationResult": {"sum": 42.0}}
    assert prepended_line(handled) == "10:00:01 Sum from Caller with {'a': 37, 'b': 5}: sum = 42\n"


def test_cbsv002_sum_handler_error_keeps_invocation_id(at_ten):
    result, handled = server.sum_invocation_handler(invoke({"a": "nan", "b": 5}, "xyz"))
    assert result == {"invocationId": "xyz", "error": {"message": NOT_NUMBERS}}
    assert prepended_line(handled) == "10:00:01 Sum from Caller with {'a': 'nan', 'b': 5}: refused: not numbers\n"


def test_cbsv003_handlers_ignore_the_initial_none():
    for handler in (server.sum_invocation_handler, server.send_message_invocation_handler):
        with pytest.raises(PreventUpdate):
            handler(None)


def test_cbsv004_handled_list_is_bounded(at_ten):
    """The list keeps ids.HANDLED_KEPT lines (as many as an app's log window keeps records), the newest on top."""
    assert ids.HANDLED_KEPT == ids.LOG_KEPT
    _, patch = server.sum_invocation_handler(invoke({"a": 0, "b": 0}))
    line = "10:00:01 Sum from Caller with {'a': 0, 'b': 0}: sum = 0\n"
    assert prepended_line(patch) == line
    # Applied as Dash applies it to the list's children: the new line on top, never more than HANDLED_KEPT.
    children = [f"old {n}\n" for n in range(ids.HANDLED_KEPT)]
    for operation in patch_operations(patch):
        if operation["operation"] == "Prepend":
            children.insert(0, operation["params"]["value"])
        else:
            del children[operation["location"][0]]
    assert children == [line, *[f"old {n}\n" for n in range(ids.HANDLED_KEPT - 1)]]


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
    assert prepended_line(server.handled("Sum", invoke({"a": 1, "b": 2}), "sum = 3")) == (
        "10:00:01 Sum from Caller with {'a': 1, 'b': 2}: sum = 3\n"
    )
    markup = {"message": "<b>hi</b>"}
    line = prepended_line(server.handled("SendMessage", invoke(markup, application="<i>Caller 2</i>"), "shown"))
    assert isinstance(line, str)  # a text child of the Pre: markup shows as typed
    assert line == "10:00:01 SendMessage from <i>Caller 2</i> with {'message': '<b>hi</b>'}: shown\n"
    by_instance = {"invocationId": "i", "args": {"a": 1}, "caller": {"instance": "c-7"}}
    assert (
        prepended_line(server.handled("Sum", by_instance, "sum = 1"))
        == "10:00:01 Sum from c-7 with {'a': 1}: sum = 1\n"
    )
    assert prepended_line(server.handled("Sum", {"args": None}, "x")) == "10:00:01 Sum from unknown app with None: x\n"


@pytest.mark.parametrize(
    "args",
    [
        {"a": "abc", "b": 5},
        {"a": 1},
        {},
        None,
        [1, 2],
        "a=1&b=2",
        42,
        {"a": "", "b": 1},
        {"a": None, "b": 1},
        {"a": "nan", "b": 1},
        {"a": "-Infinity", "b": 1},
        {"a": "1e309", "b": 1},
        {"a": True, "b": 1},
        {"a": [1], "b": 1},
        {"a": {"x": 1}, "b": 1},
        {"a": 1e308, "b": 1e308},  # finite arguments whose sum would be inf
        {"a": "1" * 401, "b": 1},
    ],
)
def test_cbsv009_hostile_arguments_get_the_documented_error_and_never_raise(at_ten, args):
    result, handled = server.sum_invocation_handler(invoke(args, "h1"))
    assert result == {"invocationId": "h1", "error": {"message": NOT_NUMBERS}}
    assert prepended_line(handled).endswith(": refused: not numbers\n")


def test_cbsv010_extra_arguments_are_ignored_as_the_documentation_does(at_ten):
    result, _ = server.sum_invocation_handler(invoke({"a": 0.1, "b": 0.2, "c": "x"}, "e1"))
    assert result == {"invocationId": "e1", "invocationResult": {"sum": 0.1 + 0.2}}
    json.loads(json.dumps(result, allow_nan=False))


def test_cbsv011_the_registration_is_the_decorators():
    """``register`` gives the app the callbacks written above each function, and the common client ones."""
    registered = []

    class Recorder:
        def callback(self, *args, **kwargs):
            return lambda function: registered.append((function.__name__, args, kwargs))

        def clientside_callback(self, *args, **kwargs):
            registered.append(("clientside", args, kwargs))

    server.register(Recorder())
    names = [name for name, _, _ in registered]
    assert names[:3] == ["sum_invocation_handler", "send_message_invocation_handler", "registration_errors"]
    assert set(names[3:]) == {"clientside"}
    _, dependencies, options = registered[0]
    assert [(d.component_id, d.component_property) for d in dependencies] == [
        (ids.REGISTER_SUM, "result"),
        (ids.HANDLED_LIST, "children"),
        (ids.REGISTER_SUM, "invoke"),
    ]
    assert options == {"prevent_initial_call": True}
