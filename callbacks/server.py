"""Callbacks of the server app: the Interop method handlers."""

import time
import uuid

from dash import ClientsideFunction, Input, Output, Patch, State, html, no_update
from dash.exceptions import PreventUpdate

import ids
from callbacks.common import WAKE, register_client_common, register_log_publisher, wake_page
from interop.answer import answer
from interop.log import args_text
from interop.message import clean_message
from interop.sum import compute_sum, format_number
from pages.result_text import server_name

MAX_HANDLED = ids.LOG_KEPT  # entries kept in the "handled invocations" list, all in the log window


def handled_entry(method, invoke, outcome, ok=True):
    """A record for the handled-invocations list (plain data, rendered as text).

    The same entries are this app's "handled" records in the interop log
    (assets/interop_log.js publishes them): hence an id, the caller's
    instance and the arguments as compact JSON. ``line`` is how the page
    lists it (``handled_line``), made here so the page only joins lines.
    """
    caller = invoke.get("caller")
    entry = {
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
    entry["line"] = handled_line(entry)
    return entry


def handled_line(entry):
    outcome = entry["outcome"] if entry["ok"] else f"refused: {entry['outcome']}"
    return f"{entry['time']} {entry['method']} from {entry['caller']} with {entry['args']!r}: {outcome}"


def prepend_handled(entry):
    """A Patch that puts ``entry`` on top of the handled-invocations store and keeps it to MAX_HANDLED.

    A Patch, rather than State plus a new list, so the Sum and SendMessage
    handlers can both write without overwriting each other's entries. The
    page's list and the interop log are made from this store in the page
    (``ioconnect.showHandled``, ``ioconnectLog.publishServer``) on the next
    tick of ``ids.SYNC_TICK``: the handler's answer does not wait for them.
    """
    patch = Patch()
    patch.prepend(entry)
    del patch[MAX_HANDLED]
    return patch


def handle_sum(invoke):
    """``(result, handled entry)`` for one Sum invocation; the result always has its invocationId."""
    if invoke is None:
        raise PreventUpdate
    result = answer(invoke, compute_sum)
    if "error" in result:
        return result, handled_entry("Sum", invoke, result["error"]["message"], ok=False)
    return result, handled_entry("Sum", invoke, f"sum = {format_number(result['invocationResult']['sum'])}")


def sum_invocation_handler(invoke):
    """Handler for the "Sum" Interop method: the answer, and the handled record for the page and the log."""
    result, entry = handle_sum(invoke)
    return result, prepend_handled(entry), WAKE


def send_message_invocation_handler(invoke):
    """Handler for the void "SendMessage" method: shows the text on this page."""
    if invoke is None:
        raise PreventUpdate
    message, problem = clean_message(invoke.get("args"))
    if problem:  # keep showing the last good message; the log says what was refused
        entry = handled_entry("SendMessage", invoke, problem, ok=False)
        return no_update, prepend_handled(entry), WAKE
    entry = handled_entry("SendMessage", invoke, "shown")
    return message, prepend_handled(entry), WAKE


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
        wake_page(),
        Input(ids.REGISTER_SUM, "invoke"),
        prevent_initial_call=True,
    )(sum_invocation_handler)
    app.callback(
        Output(ids.MESSAGE, "children"),
        Output(ids.HANDLED_STORE, "data", allow_duplicate=True),
        wake_page(),
        Input(ids.REGISTER_SEND_MESSAGE, "invoke"),
        prevent_initial_call=True,
    )(send_message_invocation_handler)
    app.callback(
        Output(ids.REGISTER_ERRORS, "children"),
        Input(ids.REGISTER_SUM, "error"),
        Input(ids.REGISTER_SEND_MESSAGE, "error"),
    )(registration_errors)
    # The page catches up on the next tick: the handled list, and this app's interop log.
    app.clientside_callback(
        ClientsideFunction(namespace="ioconnectServer", function_name="showHandled"),
        Output(ids.HANDLED_LIST, "children"),
        Input(ids.SYNC_TICK, "n_intervals"),
        State(ids.HANDLED_STORE, "data"),
        prevent_initial_call=True,
    )
    register_log_publisher(app, "publishServer", State(ids.HANDLED_STORE, "data"))
    register_client_common(app)
