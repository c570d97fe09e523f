"""Callbacks of the caller app: the documentation's invoke and result callbacks, each with one addition.

The four to hold beside the vendor's Interop page: ``sum_numbers`` and
``sum_numbers_result_handler``, ``send_message`` and
``send_message_result_handler``. Python callbacks with ``MethodInvoke.invoke``
as Output and ``MethodInvoke.result`` as Input, as the documentation writes
them, with the target and both timeouts from the page (checked in Python by
``interop.options``, which the inspector uses too). What each adds:

- an invoke callback: one more Output, why nothing was sent (bad timeouts, a
  message over the server's limit);
- the Sum result callback: readable lines (``pages.result_text``), every
  server's answer with target ``all``, and one more Output, the history.

A result says what its invocation was sent with (``result["sent"]``: args,
target, options), added by the activity seam around ``MethodInvoke``
(assets/dash_glue42_activity.js), which also records the interop log,
latency and the pending status: none of that is kept by these callbacks.

Dash merges clicks that come while the invoke callback's request is still
out; the guide's "Timeouts and sequencing" topic gives the measured figure.
"""

from dash import Input, Output, Patch, State, no_update
from dash.exceptions import PreventUpdate

import ids
from callbacks.common import register_client_common
from interop.answer import answer
from interop.message import refuse_to_send
from interop.options import build_options, checked_target
from interop.sum import compute_sum
from pages.common import lines_to_children
from pages.result_text import describe_send_result, describe_sum_result, sent_with
from pages.server import sum_registration

HISTORY_LENGTH = 50  # Sum results the history shows


def history_line(result, lines):
    """``'37' + '5' (best): Sum is 42``: what was sent and what came back, as one line of text."""
    sent = sent_with(result)
    args = sent["args"] if isinstance(sent["args"], dict) else {}
    summary = "; ".join(text for _, text in lines)
    return f"{args.get('a')!r} + {args.get('b')!r} ({sent['target']}): {summary}\n"


def add_to_history(line):
    patch = Patch()
    patch.prepend(line)
    del patch[HISTORY_LENGTH]
    return patch


def sum_numbers(_, a, b, target, response_timeout, wait_timeout):
    """Callback that will trigger "Sum" invocation, with the target and timeouts chosen on the page."""
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


def sum_numbers_result_handler(result):
    """Callback that will handle the result returned by "Sum": a line per answering server, and the history."""
    if result is None:
        raise PreventUpdate

    lines = describe_sum_result(result)
    return lines_to_children(lines), add_to_history(history_line(result, lines))


def send_message(_, message, target, response_timeout, wait_timeout):
    """Callback that will trigger "SendMessage" invocation; a message over the server's limit is not sent."""
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


def send_message_result_handler(result):
    """Callback that will handle the result of "SendMessage": a void method's result says who received it."""
    if result is None:
        raise PreventUpdate

    return lines_to_children(describe_send_result(result))


def serve_sum(enabled):
    """Registers Sum from the caller itself while the switch is on (unmounting unregisters it)."""
    return sum_registration() if enabled else None


def caller_sum_handler(invoke):
    """The caller's own Sum handler: the documentation's, without a handled list (the caller shows none)."""
    if invoke is None:
        raise PreventUpdate

    return answer(invoke, compute_sum)


def register(app):
    options = (State(ids.TARGET, "value"), State(ids.RESPONSE_TIMEOUT, "value"), State(ids.WAIT_TIMEOUT, "value"))
    app.callback(
        Output(ids.INVOKE_SUM, "invoke"),
        Output(ids.INVOKE_PROBLEM, "children", allow_duplicate=True),
        Input(ids.SUM_BUTTON, "n_clicks"),
        State(ids.NUMBER_A, "value"),
        State(ids.NUMBER_B, "value"),
        *options,
        prevent_initial_call=True,
    )(sum_numbers)
    app.callback(
        Output(ids.SUM_RESULT, "children"),
        Output(ids.SUM_HISTORY, "children"),
        Input(ids.INVOKE_SUM, "result"),
    )(sum_numbers_result_handler)
    app.callback(
        Output(ids.INVOKE_SEND_MESSAGE, "invoke"),
        Output(ids.INVOKE_PROBLEM, "children", allow_duplicate=True),
        Input(ids.SEND_MESSAGE_BUTTON, "n_clicks"),
        State(ids.MESSAGE_INPUT, "value"),
        *options,
        prevent_initial_call=True,
    )(send_message)
    app.callback(
        Output(ids.SEND_MESSAGE_RESULT, "children"),
        Input(ids.INVOKE_SEND_MESSAGE, "result"),
    )(send_message_result_handler)
    app.callback(Output(ids.CALLER_SUM_SLOT, "children"), Input(ids.SERVE_SUM, "value"))(serve_sum)
    app.callback(
        Output(ids.REGISTER_SUM, "result"),
        Input(ids.REGISTER_SUM, "invoke"),
        prevent_initial_call=True,
    )(caller_sum_handler)
    register_client_common(app)
