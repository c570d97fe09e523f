"""Callbacks of the caller app: the documentation's invoke and result callbacks, each with one addition.

The four to hold beside the vendor's Interop page: ``sum_numbers`` and
``sum_numbers_result_handler``, ``send_message`` and
``send_message_result_handler``. Python callbacks with ``MethodInvoke.invoke``
as Output and ``MethodInvoke.result`` as Input, as the documentation writes
them, with the target and both timeouts from the page (checked in Python by
``interop.options``, which the inspector uses too). What each adds:

- an invoke callback: one more Output, why nothing was sent (bad timeouts, a
  message over the server's limit);
- the Sum result callback: readable lines (``pages.result_text``), one per
  server whenever several answered, and one more Output, the history.

A result callback reads only what dash_glue42 puts in the result: the
invocationResult (its arguments, its servers' answers and failures) or the
error. The interop log, latency and the pending status are recorded around
``MethodInvoke`` in the page (assets/dash_glue42_activity.js), not here.

Dash merges clicks that come while the invoke callback's request is still
out; the guide's "Timeouts and sequencing" topic gives the measured figure.
"""

from dash import Input, Output, Patch, State, no_update
from dash.exceptions import PreventUpdate

import ids
from callbacks.collector import CallbackCollector
from callbacks.common import register_client_common
from callbacks.server import sum_invocation_handler
from interop.message import refuse_to_send
from interop.options import build_options, checked_target
from pages.common import lines_to_children
from pages.result_text import answer_lines, delivery_lines, describe_delivery, describe_sum, error_lines, history_line
from pages.server import sum_registration

app = CallbackCollector()


def add_to_history(line):
    """A Patch that puts ``line`` on top of the Sum history and keeps it to ids.SUM_HISTORY_KEPT lines."""
    patch = Patch()
    patch.prepend(line)
    del patch[ids.SUM_HISTORY_KEPT]
    return patch


# Callback that will trigger "Sum" invocation.
@app.callback(
    Output(ids.INVOKE_SUM, "invoke"),
    Output(ids.INVOKE_PROBLEM, "children", allow_duplicate=True),
    Input(ids.SUM_BUTTON, "n_clicks"),
    State(ids.NUMBER_A, "value"),
    State(ids.NUMBER_B, "value"),
    State(ids.TARGET, "value"),
    State(ids.RESPONSE_TIMEOUT, "value"),
    State(ids.WAIT_TIMEOUT, "value"),
    prevent_initial_call=True,
)
def sum_numbers(_, a, b, target, response_timeout, wait_timeout):

    # Added: the timeouts chosen on the page, checked; bad ones send nothing and say why.
    options, problem = build_options(response_timeout, wait_timeout)
    if problem:
        return no_update, problem

    return {
        "definition": {
            "name": "Sum",
        },
        "argumentObj": {
            "a": a,
            "b": b,
        },
        "options": options,
        "target": checked_target(target),
    }, ""


# Callback that will handle the result returned by "Sum".
@app.callback(
    Output(ids.SUM_RESULT, "children"),
    Output(ids.SUM_HISTORY, "children"),
    Input(ids.INVOKE_SUM, "result"),
)
def sum_numbers_result_handler(result):

    if result is None:
        raise PreventUpdate

    error = result.get("error")
    hasError = error is not None
    # Added: a line per server whenever several answered or failed, errors in plainer words, and the history.
    if hasError:
        lines = error_lines(error, describe_sum, "Sum")
    else:
        invocationResult = result.get("invocationResult", {})
        lines = answer_lines(invocationResult, describe_sum, "Sum")
    return lines_to_children(lines), add_to_history(history_line(result, lines))


# Callback that will trigger "SendMessage" invocation.
@app.callback(
    Output(ids.INVOKE_SEND_MESSAGE, "invoke"),
    Output(ids.INVOKE_PROBLEM, "children", allow_duplicate=True),
    Input(ids.SEND_MESSAGE_BUTTON, "n_clicks"),
    State(ids.MESSAGE_INPUT, "value"),
    State(ids.TARGET, "value"),
    State(ids.RESPONSE_TIMEOUT, "value"),
    State(ids.WAIT_TIMEOUT, "value"),
    prevent_initial_call=True,
)
def send_message(_, message, target, response_timeout, wait_timeout):

    # Added: the timeouts, checked, and a message over the server's limit is not sent.
    options, problem = build_options(response_timeout, wait_timeout)
    problem = refuse_to_send(message) or problem
    if problem:
        return no_update, problem

    return {
        "definition": {
            "name": "SendMessage",
        },
        "argumentObj": {
            "message": message,
        },
        "options": options,
        "target": checked_target(target),
    }, ""


# Callback that will handle the result of "SendMessage": a void method's result says who received it.
@app.callback(
    Output(ids.SEND_MESSAGE_RESULT, "children"),
    Input(ids.INVOKE_SEND_MESSAGE, "result"),
)
def send_message_result_handler(result):

    if result is None:
        raise PreventUpdate

    error = result.get("error")
    hasError = error is not None
    if hasError:
        lines = error_lines(error, describe_delivery, "SendMessage")
    else:
        invocationResult = result.get("invocationResult", {})
        lines = delivery_lines(invocationResult)
    return lines_to_children(lines)


@app.callback(
    Output(ids.CALLER_SUM_SLOT, "children"),
    Input(ids.SERVE_SUM, "value"),
)
def serve_sum(enabled):
    """Registers Sum from the caller itself while the switch is on (unmounting unregisters it)."""
    return sum_registration() if enabled else None


@app.callback(
    Output(ids.REGISTER_SUM, "result"),
    Input(ids.REGISTER_SUM, "invoke"),
    prevent_initial_call=True,
)
def caller_sum_handler(invoke):
    """The caller's own Sum handler: the Sum Server's, the same rules, without its handled list (the caller
    shows none)."""
    result, _handled = sum_invocation_handler(invoke)
    return result


def register(dash_app):
    """Give this module's callbacks, and those every client app has, to the caller app's ``Dash``."""
    app.register(dash_app)
    register_client_common(dash_app)
