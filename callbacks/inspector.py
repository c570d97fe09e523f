"""Callbacks of the inspector: servers and methods, and ad-hoc invocation (the log: callbacks/inspector_log.py).

The servers store is a snapshot of ``glue.interop.servers()`` that
``assets/inspector.js`` takes again on every serverAdded / serverRemoved /
serverMethodAdded / serverMethodRemoved. The Python callbacks below render it
(with the pure functions in ``interop/``), so a callback that Dash supersedes
or merges loses nothing: the next run renders everything again. Ad-hoc
invocation is the documented pattern: a Python callback writes
``MethodInvoke.invoke`` (its arguments checked in ``interop.adhoc``) and
another reads ``MethodInvoke.result``; both keep the history store, the
inspector's own invocations by ``invocationId``. Each settled entry also
gets its servers' own handling times (``interop.handling``) from the records
the Inspector collects for its log.
"""

import dash_bootstrap_components as dbc
from dash import ALL, ClientsideFunction, Input, Output, Patch, State, ctx, html, no_update
from dash.exceptions import PreventUpdate

import ids
from callbacks import inspector_log, inspector_streams, json_box
from callbacks.collector import CallbackCollector
from callbacks.common import register_client_common
from interop import adhoc
from interop.options import new_invocation_id
from interop.servers import find_method, instance_names, instances_offering, method_names
from pages import inspector_servers, inspector_text
from pages.inspector_servers import NO_METHODS, column_defs, table_summary, view_rows

app = CallbackCollector()  # each callback's wiring is written above it; register() replays them on a Dash

# --- servers and methods -----------------------------------------------------

# Discovery is the page's: it snapshots glue.interop.servers() into the servers store on every change.
app.clientside_callback(
    ClientsideFunction(namespace="inspector", function_name="watch"),
    Input(ids.GLUE, "glueReady"),
)


@app.callback(
    Output(ids.SERVERS_GRID, "rowData"),
    Output(ids.SERVERS_SUMMARY, "children"),
    Input(ids.SERVERS_STORE, "data"),
    Input(ids.SERVERS_VIEW, "value"),
    Input(ids.SHOW_SYSTEM, "value"),
)
def render_servers(snapshot, view, show_system):
    """The grid's rows for ``view`` (plain text: AG Grid sorts and filters them) and the summary above it."""
    return view_rows(snapshot, view, show_system), table_summary(snapshot, bool(show_system))


@app.callback(
    Output(ids.SERVERS_GRID, "columnDefs"),
    Input(ids.SERVERS_VIEW, "value"),
    prevent_initial_call=True,
)
def show_view(view):
    """The columns of ``view``. Only a change of view replaces them, so moved and resized columns stay."""
    return column_defs(view)


@app.callback(
    Output(ids.SERVERS_GRID, "dashGridOptions"),
    Input(ids.SERVERS_FILTER, "value"),
    prevent_initial_call=True,
)
def filter_servers(text):
    """The grid's quick filter: every column, case-insensitive (AG Grid's own)."""
    return inspector_log.quick_filter(text)


@app.callback(
    Output(ids.SERVERS_GRID, "resetColumnState"),
    Output(ids.SERVERS_FILTER, "value"),
    Input(ids.SERVERS_RESET, "n_clicks"),
    prevent_initial_call=True,
)
def reset_servers(_clicks):
    """Columns back in their first order, width and sort, and the search box empty."""
    return True, ""


# --- ad-hoc invocation -------------------------------------------------------


@app.callback(
    Output(ids.ADHOC_METHOD, "options"),
    Input(ids.SERVERS_STORE, "data"),
    Input(ids.SHOW_SYSTEM, "value"),
)
def method_options(snapshot, show_system):
    return [{"label": name, "value": name} for name in method_names(snapshot, bool(show_system))]


@app.callback(
    Output(ids.ADHOC_INSTANCES, "options"),
    Input(ids.SERVERS_STORE, "data"),
    Input(ids.ADHOC_METHOD, "value"),
)
def instance_options(snapshot, method):
    return inspector_servers.instance_options(instances_offering(snapshot, method))


@app.callback(
    output=dict(
        method=Output(ids.ADHOC_METHOD, "value"),
        args=Output(ids.ADHOC_ARGS, "value"),
        target=Output(ids.ADHOC_TARGET, "value"),
        instances=Output(ids.ADHOC_INSTANCES, "value"),
        response_timeout=Output(ids.ADHOC_RESPONSE_TIMEOUT, "value"),
        wait_timeout=Output(ids.ADHOC_WAIT_TIMEOUT, "value"),
    ),
    inputs=dict(
        method=Input(ids.ADHOC_METHOD, "value"),
        reuse_clicks=Input(ids.reuse_arguments(ALL), "n_clicks"),
        picked_rows=Input(ids.SERVERS_GRID, "selectedRows"),
    ),
    state=dict(
        history=State(ids.ADHOC_HISTORY_STORE, "data"),
        snapshot=State(ids.SERVERS_STORE, "data"),
        last_args=State(ids.LAST_ARGS, "data"),
    ),
    prevent_initial_call=True,
)
def fill_form(method, reuse_clicks, picked_rows, history, snapshot, last_args):
    """Prefill the arguments for a picked method (in the picker or the grid), or repeat a history entry."""
    clicked = bool(ctx.triggered and ctx.triggered[0].get("value"))
    if ctx.triggered_id == ids.SERVERS_GRID:
        method = picked_method(picked_rows)
    return form_values(ctx.triggered_id, clicked, method, history, snapshot, last_args)


@app.callback(
    Output(ids.STREAM_METHOD, "value"),
    Input(ids.SERVERS_GRID, "selectedRows"),
    prevent_initial_call=True,
)
def picked_stream(rows):
    """The stream of the row clicked in the grid, for the streams form."""
    row = (rows or [None])[0]
    if not isinstance(row, dict) or not row.get("streaming") or not row.get("method"):
        raise PreventUpdate
    return row["method"]


def picked_method(rows):
    """The method of the row clicked in the grid: not a stream (the streams form takes those), not "—"."""
    row = (rows or [None])[0]
    if not isinstance(row, dict) or row.get("streaming") or row.get("method") in (None, NO_METHODS):
        raise PreventUpdate
    return row["method"]


def form_values(trigger, clicked, method, history, snapshot, last_args):
    """The outputs of ``fill_form``: method, arguments, target, instances, response and wait timeouts.

    ``trigger`` is the id of what triggered it; ``clicked`` whether it was a real click.
    """
    if isinstance(trigger, dict) and trigger.get("type") == "inspector-reuse":
        if not clicked:
            raise PreventUpdate  # buttons re-created by a history update, not a click
        entry = (history or {}).get(trigger["invocation"])
        if entry is None:
            raise PreventUpdate
        values = adhoc.reuse_values(entry)
        return {
            "method": values["method"],
            "args": values["args"],
            "target": values["mode"],
            "instances": values["instances"],
            "response_timeout": values["response_timeout"] or no_update,
            "wait_timeout": values["wait_timeout"] if values["wait_timeout"] is not None else no_update,
        }
    if not method:
        raise PreventUpdate
    text = adhoc.prefill(find_method(snapshot, method), (last_args or {}).get(method))
    unchanged = dict.fromkeys(("target", "instances", "response_timeout", "wait_timeout"), no_update)
    return {"method": no_update if trigger == ids.ADHOC_METHOD else method, "args": text, **unchanged}


@app.callback(
    output=dict(
        invoke=Output(ids.INSPECTOR_INVOKE, "invoke"),
        problem=Output(ids.ADHOC_PROBLEM, "children"),
        history=Output(ids.ADHOC_HISTORY_STORE, "data", allow_duplicate=True),
    ),
    inputs=dict(clicks=Input(ids.ADHOC_BUTTON, "n_clicks")),
    state=dict(
        method=State(ids.ADHOC_METHOD, "value"),
        args_text=State(ids.ADHOC_ARGS, "value"),
        mode=State(ids.ADHOC_TARGET, "value"),
        instances=State(ids.ADHOC_INSTANCES, "value"),
        response_timeout=State(ids.ADHOC_RESPONSE_TIMEOUT, "value"),
        wait_timeout=State(ids.ADHOC_WAIT_TIMEOUT, "value"),
        snapshot=State(ids.SERVERS_STORE, "data"),
        history=State(ids.ADHOC_HISTORY_STORE, "data"),
    ),
    prevent_initial_call=True,
)
def invoke_adhoc(clicks, method, args_text, mode, instances, response_timeout, wait_timeout, snapshot, history):
    """``MethodInvoke.invoke`` for the form and its pending history entry, or why nothing was sent."""
    available = {server["instance"] for server in instances_offering(snapshot, method)}
    picked = [i for i in instances or [] if i in available]
    invoke, problem = adhoc.build_invoke(
        new_invocation_id(), method, args_text, mode, picked, response_timeout, wait_timeout
    )
    if problem:
        return {"invoke": no_update, "problem": problem, "history": no_update}
    patch = Patch()
    patch[invoke["invocationId"]] = adhoc.new_entry(invoke, history)
    for old in adhoc.oldest_beyond(history, ids.INSPECTOR_HISTORY_KEPT - 1):
        del patch[old]
    return {"invoke": invoke, "problem": "", "history": patch}


@app.callback(
    Output(ids.ADHOC_HISTORY_STORE, "data", allow_duplicate=True),
    Input(ids.INSPECTOR_INVOKE, "result"),
    State(ids.ADHOC_HISTORY_STORE, "data"),
    prevent_initial_call=True,
)
def adhoc_result_handler(result, history):
    """Reads ``MethodInvoke.result``: the invocation's history entry gets its result and latency."""
    entry = (history or {}).get((result or {}).get("invocationId"))
    if entry is None:
        raise PreventUpdate  # the initial None, or an entry already out of the history
    patch = Patch()
    patch[entry["id"]] = adhoc.settled_entry(entry, result)
    return patch


STATUS_MARKS = {"success": "✔", "partial": "◐", "failed": "✖", "pending": "…"}
STATUS_CLASSES = {"success": "", "partial": "text-warning", "failed": "text-danger", "pending": "text-muted"}


def result_views(entry, names):
    """ "Returned", "Called with" and the whole InvocationResult, as JSON, each with a Copy button."""
    views = (
        ("returned", "Returned", inspector_text.returned_view(entry, names)),
        ("called-with", "Called with", inspector_text.called_with_view(entry)),
        ("invocation-result", "InvocationResult", inspector_text.full_result_view(entry)),
    )
    return dbc.Tabs(
        [
            dbc.Tab(
                html.Div(
                    [
                        # A real button, without a Dash id (assets/inspector.js copies the view beside it): a
                        # dcc.Clipboard is a div, with no keyboard access and no name.
                        html.Button(
                            "Copy",
                            type="button",
                            title=f"Copy {label}",
                            className="btn btn-sm btn-outline-secondary py-0 px-2 inspector-copy",
                            **{"aria-label": f"Copy {label}", "data-copy-view": key},
                        ),
                        html.Pre(text, className="small mb-0 inspector-result", **{"data-view": key}),
                    ],
                    className="position-relative",
                ),
                label=label,
                tab_id=key,
            )
            for key, label, text in views
        ],
        active_tab="returned",
        # The history is drawn again when a result's handling times come in: the tab picked stays picked.
        id=ids.result_tabs(entry["id"]),
        persistence=True,
        persistence_type="memory",
        className="small",
    )


def history_item(entry, names, latest=False):
    """One result: status, then each server with its own handling time and the round trip; its views open for
    the latest one."""
    status = inspector_text.result_status(entry)
    answers = inspector_text.server_answers(entry, names)
    return html.Details(
        [
            html.Summary(
                [
                    html.Span(STATUS_MARKS[status] + " ", title=status),
                    html.Span(inspector_text.history_line(entry, names), className="text-break"),
                ],
                className=STATUS_CLASSES[status],
            ),
            html.Ul(
                [
                    html.Li(inspector_text.answer_line(entry, answer), className="" if answer[0] else "text-danger")
                    for answer in answers
                ],
                className="list-unstyled mb-1 ms-3 inspector-answers",
            ),
            result_views(entry, names) if entry.get("result") is not None else None,
            dbc.Button(
                "Use these arguments again",
                id=ids.reuse_arguments(entry["id"]),
                size="sm",
                color="link",
                className="p-0 text-nowrap",
            ),
        ],
        open=latest,
        className="small py-1 px-2 border-bottom",
        **{"data-invocation": entry["id"], "data-status": status},
    )


@app.callback(
    Output(ids.ADHOC_HISTORY, "children"),
    Input(ids.ADHOC_HISTORY_STORE, "data"),
    State(ids.SERVERS_STORE, "data"),
)
def render_history(history, snapshot):
    """The results, latest first: the latest one opened on its views."""
    entries = sorted(
        (e for e in (history or {}).values() if isinstance(e, dict) and e.get("id")),
        key=lambda e: e.get("order") or 0,
        reverse=True,
    )[: ids.INSPECTOR_HISTORY_KEPT]
    names = instance_names(snapshot)
    return [history_item(e, names, latest=i == 0) for i, e in enumerate(entries)]


@app.callback(
    Output(ids.ADHOC_OUTCOME, "children"),
    Input(ids.ADHOC_HISTORY_STORE, "data"),
    State(ids.SERVERS_STORE, "data"),
    State(ids.ADHOC_OUTCOME, "children"),
    prevent_initial_call=True,
)
def announce_outcome(history, snapshot, announced):
    """The latest invocation's outcome, for the live region: written only when it changes, as a screen reader
    reads it out again each time (the handling times that come in later change the history, not the outcome)."""
    text = inspector_text.latest_outcome(history, instance_names(snapshot))
    return no_update if text == announced else text


def register(dash_app):
    """Give the Inspector's callbacks to its ``Dash``: this module's, its log's and streams', and the common ones."""
    app.register(dash_app)
    inspector_log.register(dash_app)
    inspector_streams.register(dash_app)
    json_box.register(dash_app)
    # Its own invocations go into the interop log like any caller's: the activity seam records them.
    register_client_common(dash_app)
