"""Callbacks of the caller app: the documentation's invoke and result callbacks, extended.

The four callbacks to hold beside the vendor's Interop page are
``sum_numbers`` and ``sum_numbers_result_handler``, ``send_message`` and
``send_message_result_handler``: Python callbacks with ``MethodInvoke.invoke``
as Output and ``MethodInvoke.result`` as Input, as the documentation writes
them. What this project adds extends them and replaces nothing:

- the target and both timeouts come from the page and are checked in Python
  (``interop.options``, which the inspector uses too) before anything is sent;
- every invocation carries an ``invocationId`` and waits in the pending store
  until its result comes, so a result is shown with what was sent and the
  page can say what is still pending;
- each result becomes readable lines (``pages.result_text``), a history line
  and an interop log record. They are written as Patches, so two callbacks
  writing the same store never overwrite each other's entries;
- each callback wakes the page (``callbacks.common.WAKE``), which publishes
  the log and shows the pending status on its next tick: nothing in the page
  runs for a Sum that is answered before then.

Dash merges clicks that come while the invoke callback's request is still
out; the guide's "Timeouts and sequencing" topic gives the measured figure.
"""

from dash import ClientsideFunction, Input, Output, Patch, State, no_update
from dash.exceptions import PreventUpdate

import ids
from callbacks.common import WAKE, register_client_common, register_log_publisher, wake_page
from callbacks.server import sum_invocation_handler
from interop.log import invoked_record, sent
from interop.message import refuse_to_send
from interop.options import DEFAULT_TARGET, build_options, checked_target, new_invocation_id
from pages.common import lines_to_children
from pages.result_text import describe_send_result, describe_sum_result
from pages.server import sum_registration

HISTORY_LENGTH = 50  # Sum results the history shows
LOG_KEPT = ids.LOG_KEPT  # settled invocations the caller keeps for its interop log window


def remember(invoke):
    """A Patch that adds an invocation to the pending store, with what its result callback needs."""
    invocation = {**sent(invoke), "options": invoke["options"]}
    patch = Patch()
    patch[invoke["invocationId"]] = {**invocation, "record": invoked_record(invoke["invocationId"], invocation)}
    return patch


def settle(result, pending, method):
    """``(invocation, pending patch, log patch)`` for a result: what was sent, and the stores' updates."""
    invocation_id = result.get("invocationId")
    invocation = (pending or {}).get(invocation_id) or {
        "method": method,
        "args": None,
        "target": DEFAULT_TARGET,
        "options": None,
    }
    done = Patch()
    if invocation_id in (pending or {}):
        del done[invocation_id]
    log = Patch()
    log.prepend(invoked_record(invocation_id, invocation, result))
    del log[LOG_KEPT]
    return invocation, done, log


def history_line(invocation, lines):
    args = invocation.get("args") or {}
    summary = "; ".join(text for _, text in lines)
    return f"{args.get('a')!r} + {args.get('b')!r} ({invocation.get('target')}): {summary}\n"


def add_to_history(line):
    patch = Patch()
    patch.prepend(line)
    del patch[HISTORY_LENGTH]
    return patch


def sum_numbers(_, a, b, target, response_timeout, wait_timeout):
    """Callback that triggers a "Sum" invocation: the documentation's, with a target, options and an id."""
    options, problem = build_options(response_timeout, wait_timeout)
    if problem:
        return no_update, problem, no_update, no_update
    invoke = {
        "invocationId": new_invocation_id(),
        "definition": {"name": "Sum"},
        "argumentObj": {"a": a, "b": b},
        "target": checked_target(target),
        "options": options,
    }
    return invoke, "", remember(invoke), WAKE


def sum_numbers_result_handler(result, pending):
    """Callback that handles the result returned by "Sum": the latest lines, the history and the log."""
    if result is None:
        raise PreventUpdate
    invocation, done, log = settle(result, pending, "Sum")
    lines = describe_sum_result(result, invocation["target"], invocation["options"])
    return lines_to_children(lines), add_to_history(history_line(invocation, lines)), done, log, WAKE


def send_message(_, message, target, response_timeout, wait_timeout):
    """Callback that triggers a "SendMessage" invocation; a message over the server's limit is not sent."""
    problem = refuse_to_send(message)
    options, timeout_problem = build_options(response_timeout, wait_timeout)
    if problem or timeout_problem:
        return no_update, problem or timeout_problem, no_update, no_update
    invoke = {
        "invocationId": new_invocation_id(),
        "definition": {"name": "SendMessage"},
        "argumentObj": {"message": message},
        "target": checked_target(target),
        "options": options,
    }
    return invoke, "", remember(invoke), WAKE


def send_message_result_handler(result, pending):
    """Callback that handles the result of "SendMessage": a void method's result says who received it."""
    if result is None:
        raise PreventUpdate
    invocation, done, log = settle(result, pending, "SendMessage")
    return lines_to_children(describe_send_result(result, invocation["options"])), done, log, WAKE


def serve_sum(enabled):
    """Registers Sum from the caller itself while the switch is on (unmounting unregisters it)."""
    return sum_registration() if enabled else None


def register(app):
    options = (State(ids.TARGET, "value"), State(ids.RESPONSE_TIMEOUT, "value"), State(ids.WAIT_TIMEOUT, "value"))
    app.callback(
        Output(ids.INVOKE_SUM, "invoke"),
        Output(ids.INVOKE_PROBLEM, "children", allow_duplicate=True),
        Output(ids.PENDING_STORE, "data", allow_duplicate=True),
        wake_page(),
        Input(ids.SUM_BUTTON, "n_clicks"),
        State(ids.NUMBER_A, "value"),
        State(ids.NUMBER_B, "value"),
        *options,
        prevent_initial_call=True,
    )(sum_numbers)
    app.callback(
        Output(ids.SUM_RESULT, "children"),
        Output(ids.SUM_HISTORY, "children"),
        Output(ids.PENDING_STORE, "data", allow_duplicate=True),
        Output(ids.CALLER_LOG_STORE, "data", allow_duplicate=True),
        wake_page(),
        Input(ids.INVOKE_SUM, "result"),
        State(ids.PENDING_STORE, "data"),
        prevent_initial_call=True,
    )(sum_numbers_result_handler)
    app.callback(
        Output(ids.INVOKE_SEND_MESSAGE, "invoke"),
        Output(ids.INVOKE_PROBLEM, "children", allow_duplicate=True),
        Output(ids.PENDING_STORE, "data", allow_duplicate=True),
        wake_page(),
        Input(ids.SEND_MESSAGE_BUTTON, "n_clicks"),
        State(ids.MESSAGE_INPUT, "value"),
        *options,
        prevent_initial_call=True,
    )(send_message)
    app.callback(
        Output(ids.SEND_MESSAGE_RESULT, "children"),
        Output(ids.PENDING_STORE, "data", allow_duplicate=True),
        Output(ids.CALLER_LOG_STORE, "data", allow_duplicate=True),
        wake_page(),
        Input(ids.INVOKE_SEND_MESSAGE, "result"),
        State(ids.PENDING_STORE, "data"),
        prevent_initial_call=True,
    )(send_message_result_handler)
    app.callback(Output(ids.CALLER_SUM_SLOT, "children"), Input(ids.SERVE_SUM, "value"))(serve_sum)
    app.callback(
        Output(ids.REGISTER_SUM, "result"),
        Output(ids.HANDLED_STORE, "data"),
        wake_page(),
        Input(ids.REGISTER_SUM, "invoke"),
        prevent_initial_call=True,
    )(sum_invocation_handler)  # the server's own handler; its handled entries only feed the interop log
    # The page catches up on the next tick: "Waiting for Sum (all): 1.2 s of 10 s", and the interop log
    # (its invocations, pending and settled, and what it handled itself). It ticks while anything is pending.
    app.clientside_callback(
        ClientsideFunction(namespace="ioconnectCaller", function_name="pendingStatus"),
        Output(ids.PENDING_STATUS, "children"),
        Output(ids.PENDING_BOX, "className"),
        Input(ids.SYNC_TICK, "n_intervals"),
        State(ids.PENDING_STORE, "data"),
        prevent_initial_call=True,
    )
    register_log_publisher(
        app,
        "publishCaller",
        State(ids.HANDLED_STORE, "data"),
        State(ids.CALLER_LOG_STORE, "data"),
        State(ids.PENDING_STORE, "data"),
    )
    register_client_common(app)
