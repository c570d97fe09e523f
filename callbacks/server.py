"""Callbacks of the server app: the handlers of its two Interop methods, as the documentation writes them.

``sum_invocation_handler`` and ``send_message_invocation_handler`` are the
vendor page's handlers, to hold beside it: the same decorator, the same steps
in the same order with the same names. What this project adds is marked in
the body with ``# Added:``, and each handler has one more Output: a line in
the page's handled-invocations list, prepended with a ``Patch`` so the two
handlers never overwrite each other's lines. What the interop log records of
them (when, from whom, the answer) is taken around the components by
assets/dash_glue42_activity.js, not here.
"""

import time

from dash import Input, Output, Patch, html, no_update
from dash.exceptions import PreventUpdate

import ids
from callbacks.collector import CallbackCollector
from callbacks.common import register_client_common
from interop.message import clean_message
from interop.sum import format_number, is_number
from pages.app_names import app_name

app = CallbackCollector()


def handled(method, invoke, outcome):
    """A Patch that puts ``12:00:01 Sum from Caller with {'a': 1, 'b': 2}: sum = 3`` on top of the handled list
    and keeps the list to ids.HANDLED_KEPT lines."""
    line = f"{time.strftime('%H:%M:%S')} {method} from {app_name(invoke.get('caller'))} with {invoke.get('args')!r}"
    patch = Patch()
    patch.prepend(f"{line}: {outcome}\n")
    del patch[ids.HANDLED_KEPT]
    return patch


# Handler for the "Sum" Interop method.
@app.callback(
    Output(ids.REGISTER_SUM, "result"),
    Output(ids.HANDLED_LIST, "children", allow_duplicate=True),
    Input(ids.REGISTER_SUM, "invoke"),
    prevent_initial_call=True,
)
def sum_invocation_handler(invoke):

    if invoke is None:
        raise PreventUpdate

    invocationId = invoke.get("invocationId")
    args = invoke.get("args", {})
    # Added: args that are not an object hold no numbers.
    args = args if isinstance(args, dict) else {}
    a = args.get("a")
    b = args.get("b")

    are_numbers = is_number(a) and is_number(b)
    if are_numbers:
        total = float(a) + float(b)

        # When a method isn't void, you must always return the assigned `invocationId`,
        # otherwise the caller won't receive the result.
        return {
            "invocationId": invocationId,
            "invocationResult": {
                "sum": total,
            },
        }, handled("Sum", invoke, f"sum = {format_number(total)}")
    else:
        return {
            "invocationId": invocationId,
            "error": {
                "message": "The arguments must be numbers!",
            },
        }, handled("Sum", invoke, "refused: not numbers")


# Handler for the "SendMessage" Interop method.
@app.callback(
    Output(ids.MESSAGE, "children"),
    Output(ids.HANDLED_LIST, "children", allow_duplicate=True),
    Input(ids.REGISTER_SEND_MESSAGE, "invoke"),
    prevent_initial_call=True,
)
def send_message_invocation_handler(invoke):

    if invoke is not None:
        args = invoke.get("args", {})
        # Added: text only, up to the length the Caller checks too; a refused one keeps the last message.
        message, problem = clean_message(args)
        if problem:
            return no_update, handled("SendMessage", invoke, f"refused: {problem}")
        return message, handled("SendMessage", invoke, "shown")
    raise PreventUpdate


# The framework sets MethodRegister.error when registering fails.
@app.callback(
    Output(ids.REGISTER_ERRORS, "children"),
    Input(ids.REGISTER_SUM, "error"),
    Input(ids.REGISTER_SEND_MESSAGE, "error"),
)
def registration_errors(sum_error, send_message_error):
    problems = [
        f"{name} is not registered: {error.get('message', error)}"
        for name, error in (("Sum", sum_error), ("SendMessage", send_message_error))
        if error
    ]
    return [html.Div(text, className="alert alert-danger py-1 mb-2") for text in problems]


def register(dash_app):
    """Give this module's callbacks, and those every client app has, to the server app's ``Dash``."""
    app.register(dash_app)
    register_client_common(dash_app)
