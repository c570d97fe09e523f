"""Callbacks of the server app: the Interop method handlers."""

import time
import uuid

from dash import ClientsideFunction, Input, Output, Patch, html, no_update
from dash.exceptions import PreventUpdate

import ids
from callbacks.common import register_client_common
from interop.answer import answer
from interop.log import args_text
from interop.message import clean_message
from interop.results import server_name
from interop.sum import compute_sum, format_number

MAX_HANDLED = 20  # entries kept in the "handled invocations" list


def handled_entry(method, invoke, outcome, ok=True):
    """A record for the handled-invocations list (plain data, rendered as text).

    The same entries are this app's "handled" records in the interop log
    (assets/interop_log.js publishes them): hence an id, the caller's
    instance and the arguments as compact JSON.
    """
    caller = invoke.get("caller")
    return {
        "id": uuid.uuid4().hex[:16],
        "time": time.strftime("%H:%M:%S"),
        "method": method,
        "caller": server_name(caller),
        "caller_instance": caller.get("instance") if isinstance(caller, dict) else None,
        "args": invoke.get("args"),
        "args_text": args_text(invoke.get("args")),
        "outcome": outcome,
        "ok": ok,
    }


def handled_line(entry):
    outcome = entry["outcome"] if entry["ok"] else f"refused: {entry['outcome']}"
    return f"{entry['time']} {entry['method']} from {entry['caller']} with {entry['args']!r}: {outcome}"


def prepend_bounded(item):
    """A Patch that puts ``item`` on top of a list and keeps the list to MAX_HANDLED.

    A Patch, rather than State plus a new list, so the Sum and SendMessage
    handlers can both write without overwriting each other's entries.
    """
    patch = Patch()
    patch.prepend(item)
    del patch[MAX_HANDLED]
    return patch


def prepend_handled(entry):
    """Adds ``entry`` to the handled-invocations store (the interop log's records)."""
    return prepend_bounded(entry)


def prepend_line(entry):
    """Adds ``entry``'s line to the page's handled list (an ``html.Pre`` of text lines).

    The handler writes the list itself: rendering it from the store in another
    callback cost a second round trip per invocation, on the page whose answer
    the caller is waiting for.
    """
    return prepend_bounded(handled_line(entry) + "\n")


def handle_sum(invoke):
    """``(result, handled entry)`` for one Sum invocation; the result always has its invocationId."""
    if invoke is None:
        raise PreventUpdate
    result = answer(invoke, compute_sum)
    if "error" in result:
        return result, handled_entry("Sum", invoke, result["error"]["message"], ok=False)
    return result, handled_entry("Sum", invoke, f"sum = {format_number(result['invocationResult']['sum'])}")


def sum_invocation_handler(invoke):
    """Handler for the "Sum" Interop method: the answer, the handled record and its line on the page."""
    result, entry = handle_sum(invoke)
    return result, prepend_handled(entry), prepend_line(entry)


def send_message_invocation_handler(invoke):
    """Handler for the void "SendMessage" method: shows the text on this page."""
    if invoke is None:
        raise PreventUpdate
    message, problem = clean_message(invoke.get("args"))
    if problem:  # keep showing the last good message; the log says what was refused
        entry = handled_entry("SendMessage", invoke, problem, ok=False)
        return no_update, prepend_handled(entry), prepend_line(entry)
    entry = handled_entry("SendMessage", invoke, "shown")
    return message, prepend_handled(entry), prepend_line(entry)


def registration_errors(sum_error, send_message_error):
    """Shows MethodRegister.error, set by the framework when registering fails."""
    problems = [
        f"{name} is not registered: {error.get('message', error)}"
        for name, error in (("Sum", sum_error), ("SendMessage", send_message_error))
        if error
    ]
    return [html.Div(text, className="alert alert-danger py-1 mb-2") for text in problems]


def register(app):
    app.callback(
        Output(ids.REGISTER_SUM, "result"),
        Output(ids.HANDLED_STORE, "data", allow_duplicate=True),
        Output(ids.HANDLED_LIST, "children", allow_duplicate=True),
        Input(ids.REGISTER_SUM, "invoke"),
        prevent_initial_call=True,
    )(sum_invocation_handler)
    app.callback(
        Output(ids.MESSAGE, "children"),
        Output(ids.HANDLED_STORE, "data", allow_duplicate=True),
        Output(ids.HANDLED_LIST, "children", allow_duplicate=True),
        Input(ids.REGISTER_SEND_MESSAGE, "invoke"),
        prevent_initial_call=True,
    )(send_message_invocation_handler)
    app.callback(
        Output(ids.REGISTER_ERRORS, "children"),
        Input(ids.REGISTER_SUM, "error"),
        Input(ids.REGISTER_SEND_MESSAGE, "error"),
    )(registration_errors)
    register_log_publisher(app)
    register_client_common(app)


def register_log_publisher(app):
    """Publish the handled records to this app's interop log context (for the inspector)."""
    app.clientside_callback(
        ClientsideFunction(namespace="ioconnectLog", function_name="publishServer"),
        Output(ids.LOG_PUBLISHER, "set"),
        Input(ids.GLUE, "glueReady"),
        Input(ids.HANDLED_STORE, "data"),
    )
