"""Callbacks of the caller app: invoking Sum and SendMessage and showing the results.

Why invoking and collecting results happen in the page: Dash discards the
output of a server callback that is triggered again while it runs, and merges
triggers (and prop changes) that arrive before a callback runs. Clicking "Sum"
ten times 5 ms apart made ONE invocation with a server callback, and 150
invocations in flight lost a result with a callback on ``result``. So
``assets/clientside.js`` turns every click into an invocation and records
every result by ``invocationId`` (from the compat script's result events); the
Python callback below renders them (the newest 50, with what was sent), and
being superseded cannot lose anything because it always renders them all.
"""

from dash import ClientsideFunction, Input, Output, State

import ids
from callbacks.common import register_client_common
from callbacks.server import sum_invocation_handler
from interop.results import DEFAULT_TARGET, describe_send_result, describe_sum_result
from pages.common import lines_to_children
from pages.server import sum_registration

HISTORY_LENGTH = 50


def latest(records, method):
    """The settled invocations of ``method``, newest (by when they were made) first."""
    mine = [r for r in records or [] if isinstance(r, dict) and r.get("method") == method]
    return sorted(mine, key=lambda record: record.get("seq", 0), reverse=True)


def describe(invocation, result):
    if invocation["method"] == "Sum":
        return describe_sum_result(result, invocation.get("target", DEFAULT_TARGET), invocation.get("options"))
    return describe_send_result(result, invocation.get("options"))


def history_line(record):
    args = record.get("args") or {}
    summary = "; ".join(text for _, text in describe(record, record.get("result")))
    return f"{args.get('a')!r} + {args.get('b')!r} ({record.get('target')}): {summary}"


def render_results(records):
    """The latest Sum and SendMessage results, and the recent Sum history.

    ``records`` are the caller's settled invocations (what it sent, and the
    lean result), newest 50 only: the page keeps the journal, so this
    request stays small however many invocations were made.
    """
    sums = latest(records, "Sum")
    sends = latest(records, "SendMessage")
    sum_result = lines_to_children(describe(sums[0], sums[0].get("result"))) if sums else []
    send_result = lines_to_children(describe(sends[0], sends[0].get("result"))) if sends else []
    history = "\n".join(history_line(record) for record in sums[:HISTORY_LENGTH])
    return sum_result, history, send_result


def serve_sum(enabled):
    """Registers Sum from the caller itself while the switch is on (unmounting unregisters it)."""
    return sum_registration() if enabled else None


def register(app):
    options = (State(ids.TARGET, "value"), State(ids.RESPONSE_TIMEOUT, "value"), State(ids.WAIT_TIMEOUT, "value"))
    app.clientside_callback(
        ClientsideFunction(namespace="ioconnect", function_name="invokeSum"),
        Output(ids.INVOKE_SUM, "invoke"),
        Output(ids.ISSUED_STORE, "data", allow_duplicate=True),
        Output(ids.INVOKE_PROBLEM, "children", allow_duplicate=True),
        Input(ids.SUM_BUTTON, "n_clicks"),
        State(ids.NUMBER_A, "value"),
        State(ids.NUMBER_B, "value"),
        *options,
        State(ids.ISSUED_STORE, "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction(namespace="ioconnect", function_name="invokeSendMessage"),
        Output(ids.INVOKE_SEND_MESSAGE, "invoke"),
        Output(ids.ISSUED_STORE, "data", allow_duplicate=True),
        Output(ids.INVOKE_PROBLEM, "children", allow_duplicate=True),
        Input(ids.SEND_MESSAGE_BUTTON, "n_clicks"),
        State(ids.MESSAGE_INPUT, "value"),
        State(ids.MESSAGE_INPUT, "maxLength"),
        *options,
        State(ids.ISSUED_STORE, "data"),
        prevent_initial_call=True,
    )
    app.callback(
        Output(ids.SUM_RESULT, "children"),
        Output(ids.SUM_HISTORY, "children"),
        Output(ids.SEND_MESSAGE_RESULT, "children"),
        Input(ids.RESULTS_STORE, "data"),
        prevent_initial_call=True,
    )(render_results)
    app.clientside_callback(
        ClientsideFunction(namespace="ioconnect", function_name="pendingStatus"),
        Output(ids.PENDING_STATUS, "children"),
        Output(ids.PENDING_BOX, "className"),
        Output(ids.PENDING_TICK, "disabled"),
        Input(ids.ISSUED_STORE, "data"),
        Input(ids.RESULTS_STORE, "data"),
        Input(ids.PENDING_TICK, "n_intervals"),
    )
    app.callback(Output(ids.CALLER_SUM_SLOT, "children"), Input(ids.SERVE_SUM, "value"))(serve_sum)
    app.callback(
        Output(ids.REGISTER_SUM, "result"),
        Output(ids.HANDLED_STORE, "data"),
        Input(ids.REGISTER_SUM, "invoke"),
        prevent_initial_call=True,
    )(sum_invocation_handler)  # the server's own handler; its handled entries only feed the interop log
    # The interop log: its invocations (issued, then with their results) and what it handled itself.
    app.clientside_callback(
        ClientsideFunction(namespace="ioconnectLog", function_name="publishCaller"),
        Output(ids.LOG_PUBLISHER, "set"),
        Input(ids.GLUE, "glueReady"),
        Input(ids.HANDLED_STORE, "data"),
        Input(ids.RESULTS_STORE, "data"),
        Input(ids.ISSUED_STORE, "data"),
    )
    register_client_common(app)
