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
from callbacks.collector import CallbackCollector
from interop import log_file
from interop.log import active_filter, bound_rows, filter_choices, filter_rows, last_args_by_method, merge_records
from pages.inspector_log import choices, file_note, latency_chart
from pages.inspector_text import latency_figure, log_summary, log_text

app = CallbackCollector()  # each callback's wiring is written beside it; register() replays them on a Dash

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


@app.callback(
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
)
def render_log(records, file, method, application, outcome):
    """The log (live records, or the rows of an opened file) through the filter: its text, summary, chart and
    filter choices, and the last arguments of each method (live ones only: they prefill the editor)."""
    rows = file["rows"] if file else merge_records(records)
    picked = filter_rows(rows, method, application, outcome)
    shown = bound_rows(picked)
    methods, apps = filter_choices(rows)
    return (
        log_text(shown),
        log_summary(shown, len(picked), len(rows) if active_filter(method, application, outcome) else None),
        latency_figure(shown),
        choices("All methods", methods, method),
        choices("All apps", apps, application),
        no_update if file else last_args_by_method(rows),
    )


@app.callback(
    output=Output(ids.LOG_DOWNLOAD, "data"),
    inputs=dict(
        json_clicks=Input(ids.LOG_EXPORT_JSON, "n_clicks"),
        csv_clicks=Input(ids.LOG_EXPORT_CSV, "n_clicks"),
    ),
    state=dict(
        records=State(ids.LOG_RECORDS, "data"),
        file=State(ids.LOG_FILE, "data"),
        method=State(ids.LOG_FILTER_METHOD, "value"),
        application=State(ids.LOG_FILTER_APP, "value"),
        outcome=State(ids.LOG_FILTER_OUTCOME, "value"),
    ),
    prevent_initial_call=True,
)
def export_log(json_clicks, csv_clicks, records, file, method, application, outcome):
    """Download what the filter lets through, as JSON or CSV (``interop.log_file`` writes the documents)."""
    kind = "csv" if ctx.triggered_id == ids.LOG_EXPORT_CSV else "json"
    rows = filter_rows(file["rows"] if file else merge_records(records), method, application, outcome)
    source = file["name"] if file else "live bus"
    filters = active_filter(method, application, outcome)
    text, name, media_type = log_file.export(kind, rows, datetime.now(UTC), source, filters)
    return dcc.send_string(text, name, type=media_type)


@app.callback(
    Output(ids.LOG_FILE, "data"),
    Output(ids.LOG_FILE_NOTE, "children"),
    Output(ids.LOG_FILE_BANNER, "hidden"),
    Output(ids.LOG_FILE_PROBLEM, "children"),
    Output(ids.LOG_UPLOAD, "contents"),
    Input(ids.LOG_UPLOAD, "contents"),
    Input(ids.LOG_BACK_LIVE, "n_clicks"),
    State(ids.LOG_UPLOAD, "filename"),
    prevent_initial_call=True,
)
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
    return file, file_note(file), False, "", None


@app.callback(
    Output(ids.LATENCY_BOX, "children"),
    Input(ids.LOG_VISIBLE, "data"),
    State(ids.LATENCY_FIGURE, "data"),
    prevent_initial_call=True,
)
def show_chart(visible, figure):
    """Add the chart the first time the log is on screen: plotly.js loads only then."""
    if not visible:
        raise PreventUpdate
    return latency_chart(figure)


app.clientside_callback(
    ClientsideFunction(namespace="inspector", function_name="showFigure"),
    Output(ids.LATENCY_GRAPH, "figure"),
    Input(ids.LATENCY_FIGURE, "data"),
)


def register(dash_app):
    """Give the log's callbacks to the Inspector's ``Dash``."""
    app.register(dash_app)
