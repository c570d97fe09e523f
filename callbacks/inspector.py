"""Callbacks of the inspector: servers and methods, and ad-hoc invocation (the log: callbacks/inspector_log.py).

The servers store is a snapshot of ``glue.interop.servers()`` that
``assets/inspector.js`` takes again on every serverAdded / serverRemoved /
serverMethodAdded / serverMethodRemoved. The Python callbacks below render it
(with the pure functions in ``interop/``), so a callback that Dash supersedes
or merges loses nothing: the next run renders everything again. Ad-hoc
invocation is the documented pattern: a Python callback writes
``MethodInvoke.invoke`` (its arguments checked in ``interop.adhoc``) and
another reads ``MethodInvoke.result``; both keep the history store, the
inspector's own invocations by ``invocationId``.
"""

import dash_bootstrap_components as dbc
from dash import ALL, ClientsideFunction, Input, Output, Patch, State, ctx, html, no_update
from dash.exceptions import PreventUpdate

import ids
from callbacks import inspector_log
from callbacks.common import register_client_common
from interop import adhoc
from interop.options import new_invocation_id
from interop.servers import (
    find_method,
    in_order,
    instance_names,
    instances_offering,
    method_names,
    method_rows,
    table_summary,
)
from pages import inspector_text

HISTORY_KEPT = 20  # the inspector's own invocations it remembers, and shows

# --- servers and methods -----------------------------------------------------


def render_servers(snapshot, query, show_system):
    """The table's rows (plain text: the DataTable sorts and filters them) and the summary above it."""
    rows = in_order(method_rows(snapshot, bool(show_system), query))
    return rows, table_summary(snapshot, rows)


# --- ad-hoc invocation -------------------------------------------------------


def method_options(snapshot, show_system):
    return [{"label": name, "value": name} for name in method_names(snapshot, bool(show_system))]


def instance_options(snapshot, method):
    return [{"label": label, "value": instance} for label, instance in instances_offering(snapshot, method)]


def fill_form(method, _reuse_clicks, history, snapshot, last_args):
    """Prefill the arguments for a picked method, or repeat a history entry ("use these arguments again")."""
    clicked = bool(ctx.triggered and ctx.triggered[0].get("value"))
    return form_values(ctx.triggered_id, clicked, method, history, snapshot, last_args)


def form_values(trigger, clicked, method, history, snapshot, last_args):
    """Outputs of ``fill_form``: method, arguments, target, instances, response timeout, wait timeout.

    ``trigger`` is the id of what triggered it; ``clicked`` whether it was a real click.
    """
    if isinstance(trigger, dict) and trigger.get("type") == "inspector-reuse":
        if not clicked:
            raise PreventUpdate  # buttons re-created by a history update, not a click
        entry = (history or {}).get(trigger["invocation"])
        if entry is None:
            raise PreventUpdate
        values = adhoc.reuse_values(entry)
        return (
            values["method"],
            values["args"],
            values["mode"],
            values["instances"],
            values["response_timeout"] or no_update,
            values["wait_timeout"] if values["wait_timeout"] is not None else no_update,
        )
    if not method:
        raise PreventUpdate
    text = adhoc.prefill(find_method(snapshot, method), (last_args or {}).get(method))
    return no_update, text, no_update, no_update, no_update, no_update


def invoke_adhoc(_clicks, method, args_text, mode, instances, response_timeout, wait_timeout, snapshot, history):
    """``MethodInvoke.invoke`` for the form and its pending history entry, or why nothing was sent."""
    available = {instance for _, instance in instances_offering(snapshot, method)}
    picked = [i for i in instances or [] if i in available]
    invoke, problem = adhoc.build_invoke(
        new_invocation_id(), method, args_text, mode, picked, response_timeout, wait_timeout
    )
    if problem:
        return no_update, problem, no_update
    patch = Patch()
    patch[invoke["invocationId"]] = adhoc.new_entry(invoke, history)
    for old in adhoc.oldest_beyond(history, HISTORY_KEPT - 1):
        del patch[old]
    return invoke, "", patch


def adhoc_result_handler(result, history):
    """Reads ``MethodInvoke.result``: the invocation's history entry gets its result and latency."""
    entry = (history or {}).get((result or {}).get("invocationId"))
    if entry is None:
        raise PreventUpdate  # the initial None, or an entry already out of the history
    patch = Patch()
    patch[entry["id"]] = adhoc.settled_entry(entry, result)
    return patch


def history_item(entry, names):
    failed = (entry.get("result") or {}).get("error") is not None
    pending = entry.get("result") is None
    return dbc.ListGroupItem(
        [
            html.Span(
                inspector_text.history_line(entry, names),
                className="text-break " + ("text-muted" if pending else "text-danger" if failed else ""),
                **{"data-invocation": entry["id"]},
            ),
            dbc.Button(
                "Use these arguments again",
                id=ids.reuse_arguments(entry["id"]),
                size="sm",
                color="link",
                className="p-0 ms-2 text-nowrap",
            ),
        ],
        className="d-flex justify-content-between align-items-start py-1 px-2 small",
    )


def render_history(history, snapshot):
    """The latest full InvocationResult, and the history with a "use again" button per entry."""
    entries = sorted(
        (e for e in (history or {}).values() if isinstance(e, dict) and e.get("id")),
        key=lambda e: e.get("order") or 0,
        reverse=True,
    )[:HISTORY_KEPT]
    if not entries:
        return "", []
    latest = next((e for e in entries if e.get("result") is not None), None)
    names = instance_names(snapshot)
    return inspector_text.result_view(latest), dbc.ListGroup([history_item(e, names) for e in entries], flush=True)


def register(app):
    # Servers and methods: discovery in the page, rendering here.
    app.clientside_callback(
        ClientsideFunction(namespace="inspector", function_name="watch"),
        Input(ids.GLUE, "glueReady"),
    )
    app.callback(
        Output(ids.SERVERS_TABLE, "data"),
        Output(ids.SERVERS_SUMMARY, "children"),
        Input(ids.SERVERS_STORE, "data"),
        Input(ids.SERVERS_FILTER, "value"),
        Input(ids.SHOW_SYSTEM, "value"),
    )(render_servers)

    inspector_log.register(app)

    # Ad-hoc invocation.
    app.callback(
        Output(ids.ADHOC_METHOD, "options"),
        Input(ids.SERVERS_STORE, "data"),
        Input(ids.SHOW_SYSTEM, "value"),
    )(method_options)
    app.callback(
        Output(ids.ADHOC_INSTANCES, "options"),
        Input(ids.SERVERS_STORE, "data"),
        Input(ids.ADHOC_METHOD, "value"),
    )(instance_options)
    app.callback(
        Output(ids.ADHOC_METHOD, "value"),
        Output(ids.ADHOC_ARGS, "value"),
        Output(ids.ADHOC_TARGET, "value"),
        Output(ids.ADHOC_INSTANCES, "value"),
        Output(ids.ADHOC_RESPONSE_TIMEOUT, "value"),
        Output(ids.ADHOC_WAIT_TIMEOUT, "value"),
        Input(ids.ADHOC_METHOD, "value"),
        Input(ids.reuse_arguments(ALL), "n_clicks"),
        State(ids.ADHOC_HISTORY_STORE, "data"),
        State(ids.SERVERS_STORE, "data"),
        State(ids.LAST_ARGS, "data"),
        prevent_initial_call=True,
    )(fill_form)
    app.callback(
        Output(ids.INSPECTOR_INVOKE, "invoke"),
        Output(ids.ADHOC_PROBLEM, "children"),
        Output(ids.ADHOC_HISTORY_STORE, "data", allow_duplicate=True),
        Input(ids.ADHOC_BUTTON, "n_clicks"),
        State(ids.ADHOC_METHOD, "value"),
        State(ids.ADHOC_ARGS, "value"),
        State(ids.ADHOC_TARGET, "value"),
        State(ids.ADHOC_INSTANCES, "value"),
        State(ids.ADHOC_RESPONSE_TIMEOUT, "value"),
        State(ids.ADHOC_WAIT_TIMEOUT, "value"),
        State(ids.SERVERS_STORE, "data"),
        State(ids.ADHOC_HISTORY_STORE, "data"),
        prevent_initial_call=True,
    )(invoke_adhoc)
    app.callback(
        Output(ids.ADHOC_HISTORY_STORE, "data", allow_duplicate=True),
        Input(ids.INSPECTOR_INVOKE, "result"),
        State(ids.ADHOC_HISTORY_STORE, "data"),
        prevent_initial_call=True,
    )(adhoc_result_handler)
    app.callback(
        Output(ids.ADHOC_RESULT, "children"),
        Output(ids.ADHOC_HISTORY, "children"),
        Input(ids.ADHOC_HISTORY_STORE, "data"),
        State(ids.SERVERS_STORE, "data"),
    )(render_history)
    # Its own invocations go into the interop log like any caller's: the activity seam records them.
    register_client_common(app)
