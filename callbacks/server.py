"""Callbacks of the server app: the handlers of its two Interop methods, as the documentation writes them.

``sum_invocation_handler`` and ``send_message_invocation_handler`` are the
vendor page's handlers: a Python callback with ``MethodRegister.invoke`` as
Input, and ``result`` (Sum) or the component it updates (SendMessage) as
Output. Each adds one Output: a line in the page's handled-invocations list,
prepended with a ``Patch`` so the two handlers never overwrite each other's
lines. What the interop log records of them (when, from whom, the answer) is
taken around the components by assets/dash_glue42_activity.js, not here.
"""

import time

from dash import Input, Output, Patch, html, no_update
from dash.exceptions import PreventUpdate

import ids
from callbacks.common import register_client_common
from interop.answer import answer
from interop.message import clean_message
from interop.sum import compute_sum, format_number
from pages.result_text import server_name

MAX_HANDLED = ids.LOG_KEPT  # lines the handled-invocations list keeps


def handled_line(method, invoke, outcome):
    """``12:00:01 Sum from Caller with {'a': 1, 'b': 2}: sum = 3``: one line of the handled list (text)."""
    caller = server_name(invoke.get("caller"))
    return f"{time.strftime('%H:%M:%S')} {method} from {caller} with {invoke.get('args')!r}: {outcome}\n"


def add_handled(line):
    """A Patch that puts ``line`` on top of the handled-invocations list and keeps it to MAX_HANDLED lines."""
    patch = Patch()
    patch.prepend(line)
    del patch[MAX_HANDLED]
    return patch


def sum_outcome(result):
    """How the handled list says what Sum answered."""
    if "error" in result:
        return f"refused: {result['error']['message']}"
    return f"sum = {format_number(result['invocationResult']['sum'])}"


def sum_invocation_handler(invoke):
    """Handler for the "Sum" Interop method; ``answer`` always returns the invocationId, even on errors."""
    if invoke is None:
        raise PreventUpdate

    result = answer(invoke, compute_sum)
    return result, add_handled(handled_line("Sum", invoke, sum_outcome(result)))


def send_message_invocation_handler(invoke):
    """Handler for the "SendMessage" Interop method: shows the text; a refused one keeps the last message."""
    if invoke is None:
        raise PreventUpdate

    message, problem = clean_message(invoke.get("args"))
    if problem:
        return no_update, add_handled(handled_line("SendMessage", invoke, f"refused: {problem}"))
    return message, add_handled(handled_line("SendMessage", invoke, "shown"))


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
        Output(ids.HANDLED_LIST, "children", allow_duplicate=True),
        Input(ids.REGISTER_SUM, "invoke"),
        prevent_initial_call=True,
    )(sum_invocation_handler)
    app.callback(
        Output(ids.MESSAGE, "children"),
        Output(ids.HANDLED_LIST, "children", allow_duplicate=True),
        Input(ids.REGISTER_SEND_MESSAGE, "invoke"),
        prevent_initial_call=True,
    )(send_message_invocation_handler)
    app.callback(
        Output(ids.REGISTER_ERRORS, "children"),
        Input(ids.REGISTER_SUM, "error"),
        Input(ids.REGISTER_SEND_MESSAGE, "error"),
    )(registration_errors)
    register_client_common(app)
