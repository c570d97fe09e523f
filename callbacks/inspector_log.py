"""Callbacks of the Inspector's invocation log (its layout: pages/inspector_log.py).

The records are collected in the page from every app's log context
(``assets/inspector.js``) and sent here a couple of times a second while the
log is on screen, and every few seconds while it is not: the summary follows
them always, the grid only while it is seen. Each render starts from all of
them again, so a callback that Dash supersedes or merges loses nothing; the
grid, though, receives only the rows that changed, as a row transaction
against the digests of what it holds (``pages.inspector_log.grid_transaction``).
The latency chart is drawn only while the reader has it open.

The grid sorts and filters its rows itself (column filters, the quick
filter) and exports them as CSV itself (``exportDataAsCsv``). Python merges
the records into rows, applies the app preset, and writes the JSON export.

A log file the user opens (``ids.LOG_FILE``) is shown in the same grid in
place of the live records until "Back to live". Meanwhile the page keeps
collecting records but sends none: the file's rows and the live records then
never travel in one request.
"""

from datetime import UTC, datetime

from dash import ClientsideFunction, Input, Output, Patch, State, ctx, dcc, no_update
from dash.exceptions import PreventUpdate

import ids
from callbacks.collector import CallbackCollector
from interop import handling, log_file
from interop.log import apps_of, bound_rows, last_args_by_method, merge_records, rows_of_app
from pages.inspector_log import (
    ANY,
    CHART_HIDE,
    CHART_SHOW,
    CSV_COLUMNS,
    choices,
    file_note,
    grid_rows,
    grid_transaction,
    latency_chart,
    log_summary,
    picked_app,
    rows_by_key,
)
from pages.inspector_text import latency_figure

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


def handling_times_patch(records, history):
    """A Patch that gives the Inspector's settled results their servers' own handling times as the handled
    records come in, or ``no_update`` when no result gains one (the history is then not drawn again)."""
    updated = handling.settled_with_handling(history, records)
    if not updated:
        return no_update
    patch = Patch()
    for key, entry in updated.items():
        patch[key] = entry
    return patch


# The records travel to Python once per flush, in this one request: the handling times of the Inspector's own
# results are taken from them here too, not in a second request carrying the same records.
@app.callback(
    Output(ids.LOG_GRID, "rowTransaction"),
    Output(ids.LOG_GRID_SHOWN, "data"),
    Output(ids.LOG_SUMMARY, "children"),
    Output(ids.LATENCY_FIGURE, "data"),
    Output(ids.LOG_FILTER_APP, "options"),
    Output(ids.LAST_ARGS, "data"),
    Output(ids.ADHOC_HISTORY_STORE, "data", allow_duplicate=True),
    Input(ids.LOG_RECORDS, "data"),
    Input(ids.LOG_FILE, "data"),
    Input(ids.LOG_FILTER_APP, "value"),
    Input(ids.LOG_VISIBLE, "data"),
    Input(ids.LATENCY_COLLAPSE, "is_open"),
    State(ids.LOG_GRID_SHOWN, "data"),
    State(ids.ADHOC_HISTORY_STORE, "data"),
    State(ids.LOG_FILTER_APP, "options"),
    State(ids.LAST_ARGS, "data"),
    prevent_initial_call="initial_duplicate",
)
def render_log(
    records, file, application, visible, chart_open=False, shown=None, history=None, app_choices=None, last_args=None
):
    """The log (live records, or the rows of an opened file) of the app preset: while the log is on screen,
    the grid's rows that changed (and their digests), and the chart while it is open too; always its summary,
    the preset's choices and the last arguments of each method (live ones only: they prefill the editor); and
    the handling times the live records add to the Inspector's own results. What has not changed is not sent
    again (the page would redraw it for nothing at every flush)."""
    rows = file["rows"] if file else merge_records(records)
    app_ = picked_app(application)
    picked = rows_of_app(rows, app_)
    transaction, digests = grid_transaction(grid_rows(picked), shown) if visible else (None, None)
    new_choices = choices("All apps", apps_of(rows), application or ANY)
    new_last_args = None if file else last_args_by_method(rows)
    return (
        transaction or no_update,
        digests if transaction else no_update,
        log_summary(picked, len(rows), app_),
        latency_figure(bound_rows(picked)) if visible and chart_open else no_update,
        new_choices if new_choices != app_choices else no_update,
        no_update if file or new_last_args == last_args else new_last_args,
        no_update if file else handling_times_patch(records, history),
    )


@app.callback(
    Output(ids.LOG_GRID, "exportDataAsCsv"),
    Output(ids.LOG_GRID, "csvExportParams"),
    Input(ids.LOG_EXPORT_CSV, "n_clicks"),
    prevent_initial_call=True,
)
def export_csv(_clicks):
    """The grid exports what it shows as CSV itself; each cell goes through the formula guard first."""
    return True, {
        "fileName": log_file.file_name(datetime.now(UTC), "csv"),
        "columnKeys": CSV_COLUMNS,
        "processCellCallback": {"function": "guardCsvCell(params)"},  # assets/inspector_log.js
    }


@app.callback(
    output=Output(ids.LOG_DOWNLOAD, "data"),
    inputs=dict(clicks=Input(ids.LOG_EXPORT_JSON, "n_clicks")),
    state=dict(
        records=State(ids.LOG_RECORDS, "data"),
        file=State(ids.LOG_FILE, "data"),
        application=State(ids.LOG_FILTER_APP, "value"),
        shown=State(ids.LOG_GRID, "virtualRowData"),
        filter_model=State(ids.LOG_GRID, "filterModel"),
        search=State(ids.LOG_SEARCH, "value"),
    ),
    prevent_initial_call=True,
)
def export_json(clicks, records, file, application, shown, filter_model, search):
    """Download the invocations the grid shows, in its order, as JSON (``interop.log_file`` writes it)."""
    app_ = picked_app(application)
    rows = rows_of_app(file["rows"] if file else merge_records(records), app_)
    if shown is not None:
        rows = rows_by_key(rows, [item.get("row_id") for item in shown if isinstance(item, dict)])
    source = file["name"] if file else "live bus"
    text, name, media_type = log_file.export(
        "json", rows, datetime.now(UTC), source, filters(app_, filter_model, search)
    )
    return dcc.send_string(text, name, type=media_type)


def filters(application, filter_model, search):
    """What narrowed an export, as text: ``{"app": "Caller", "search": "sum", "method": "contains Sum"}``."""
    picked = {"app": application, "search": (search or "").strip() or None}
    for column, model in (filter_model or {}).items():
        if isinstance(model, dict):
            picked[column] = " ".join(str(model.get(key)) for key in ("type", "filter") if model.get(key) is not None)
    return {key: value for key, value in picked.items() if value}


@app.callback(
    Output(ids.LOG_GRID, "dashGridOptions"),
    Input(ids.LOG_SEARCH, "value"),
    prevent_initial_call=True,
)
def search_log(text):
    """The grid's quick filter: every column, case-insensitive (AG Grid's own)."""
    return quick_filter(text)


def quick_filter(text):
    """A grid's ``dashGridOptions`` with only its quick filter changed (the servers grid's search uses it too)."""
    options = Patch()
    options["quickFilterText"] = text or ""
    return options


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
    Output(ids.LATENCY_COLLAPSE, "is_open"),
    Output(ids.LATENCY_TOGGLE, "children"),
    Output(ids.LATENCY_TOGGLE, "aria-expanded"),
    Input(ids.LATENCY_TOGGLE, "n_clicks"),
    State(ids.LATENCY_COLLAPSE, "is_open"),
    prevent_initial_call=True,
)
def toggle_chart(_clicks, is_open):
    """Open or close the latency chart."""
    opened = not is_open
    return opened, CHART_HIDE if opened else CHART_SHOW, "true" if opened else "false"


@app.callback(
    Output(ids.LATENCY_BOX, "children"),
    Input(ids.LATENCY_COLLAPSE, "is_open"),
    State(ids.LATENCY_FIGURE, "data"),
    State(ids.LATENCY_BOX, "children"),
    prevent_initial_call=True,
)
def show_chart(is_open, figure, shown=None):
    """Add the chart the first time it is opened: plotly.js loads only then."""
    if not is_open or shown:
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
