"""Callbacks of the Inspector's invocation log (its layout: pages/inspector_log.py).

The records are collected in the page from every app's log context
(``assets/inspector.js``) and sent here at most a few times a second while the
log is on screen. Each render starts from all of them again, so a callback that
Dash supersedes or merges loses nothing.

A log file the user opens (``ids.LOG_FILE``) is shown in place of the live
records until "Back to live". Meanwhile the page keeps collecting records but
sends none: the file's rows and the live records then never travel in one
request, which the app limits to 256 KiB.
"""

from datetime import UTC, datetime

from dash import ClientsideFunction, Input, Output, State, ctx, dcc, no_update
from dash.exceptions import PreventUpdate

import ids
from interop import log_file
from interop.log import active_filter, bound_rows, filter_choices, filter_rows, last_args_by_method, merge_records
from pages.inspector_log import choices, latency_chart
from pages.inspector_text import latency_figure, log_summary, log_text


def render_log(records, file, method, app, outcome):
    """The log (live records, or the rows of an opened file) through the filter: its text, summary, chart and
    filter choices, and the last arguments of each method (live ones only: they prefill the editor)."""
    rows = file["rows"] if file else merge_records(records)
    picked = filter_rows(rows, method, app, outcome)
    shown = bound_rows(picked)
    methods, apps = filter_choices(rows)
    return (
        log_text(shown),
        log_summary(shown, len(picked), len(rows) if active_filter(method, app, outcome) else None),
        latency_figure(shown),
        choices("All methods", methods, method),
        choices("All apps", apps, app),
        no_update if file else last_args_by_method(rows),
    )


def export_log(_json_clicks, _csv_clicks, records, file, method, app, outcome):
    """Download what the filter lets through, as JSON or CSV (``interop.log_file`` writes the documents)."""
    kind = "csv" if ctx.triggered_id == ids.LOG_EXPORT_CSV else "json"
    rows = filter_rows(file["rows"] if file else merge_records(records), method, app, outcome)
    source = file["name"] if file else "live bus"
    filters = active_filter(method, app, outcome)
    text, name, media_type = log_file.export(kind, rows, datetime.now(UTC), source, filters)
    return dcc.send_string(text, name, type=media_type)


def open_log_file(contents, _back_clicks, name):
    """Open an uploaded log file, or go back to the live bus."""
    return file_outputs(ctx.triggered_id, contents, name)


def file_outputs(trigger, contents, name):
    """Outputs of ``open_log_file``: the file store, the banner's text, whether it is hidden, the problem, and
    the upload's contents (emptied, so that the same file can be opened again)."""
    if trigger == ids.LOG_BACK_LIVE:
        return None, "", True, "", no_update
    if not contents:
        raise PreventUpdate
    file, problem = log_file.from_upload(contents, name)
    if problem:
        return no_update, no_update, no_update, problem, None  # what was shown stays
    note = (
        f"Showing {file['name']} (exported {file['exported_at']}, {file['count']} invocation"
        f"{'s' if file['count'] != 1 else ''}) — not the live bus"
    )
    return file, note, False, "", None


def show_chart(visible, figure):
    """Add the chart the first time the log is on screen: plotly.js loads only then."""
    if not visible:
        raise PreventUpdate
    return latency_chart(figure)


def register(app):
    app.clientside_callback(
        ClientsideFunction(namespace="inspector", function_name="clearLog"),
        Output(ids.LOG_RECORDS, "data"),
        Input(ids.LOG_CLEAR, "n_clicks"),
        prevent_initial_call=True,
    )
    # A file shown: the page stops sending live records (and empties the store); back to live: it sends them all.
    app.clientside_callback(
        ClientsideFunction(namespace="inspector", function_name="showFile"),
        Output(ids.LOG_RECORDS, "data", allow_duplicate=True),
        Input(ids.LOG_FILE, "data"),
        prevent_initial_call=True,
    )
    app.callback(
        Output(ids.LOG_LINES, "children"),
        Output(ids.LOG_SUMMARY, "children"),
        Output(ids.LATENCY_FIGURE, "data"),
        Output(ids.LOG_FILTER_METHOD, "options"),
        Output(ids.LOG_FILTER_APP, "options"),
        Output(ids.LAST_ARGS, "data"),
        Input(ids.LOG_RECORDS, "data"),
        Input(ids.LOG_FILE, "data"),
        Input(ids.LOG_FILTER_METHOD, "value"),
        Input(ids.LOG_FILTER_APP, "value"),
        Input(ids.LOG_FILTER_OUTCOME, "value"),
    )(render_log)
    app.callback(
        Output(ids.LOG_DOWNLOAD, "data"),
        Input(ids.LOG_EXPORT_JSON, "n_clicks"),
        Input(ids.LOG_EXPORT_CSV, "n_clicks"),
        State(ids.LOG_RECORDS, "data"),
        State(ids.LOG_FILE, "data"),
        State(ids.LOG_FILTER_METHOD, "value"),
        State(ids.LOG_FILTER_APP, "value"),
        State(ids.LOG_FILTER_OUTCOME, "value"),
        prevent_initial_call=True,
    )(export_log)
    app.callback(
        Output(ids.LOG_FILE, "data"),
        Output(ids.LOG_FILE_NOTE, "children"),
        Output(ids.LOG_FILE_BANNER, "hidden"),
        Output(ids.LOG_FILE_PROBLEM, "children"),
        Output(ids.LOG_UPLOAD, "contents"),
        Input(ids.LOG_UPLOAD, "contents"),
        Input(ids.LOG_BACK_LIVE, "n_clicks"),
        State(ids.LOG_UPLOAD, "filename"),
        prevent_initial_call=True,
    )(open_log_file)
    app.callback(
        Output(ids.LATENCY_BOX, "children"),
        Input(ids.LOG_VISIBLE, "data"),
        State(ids.LATENCY_FIGURE, "data"),
        prevent_initial_call=True,
    )(show_chart)
    app.clientside_callback(
        ClientsideFunction(namespace="inspector", function_name="showFigure"),
        Output(ids.LATENCY_GRAPH, "figure"),
        Input(ids.LATENCY_FIGURE, "data"),
    )
