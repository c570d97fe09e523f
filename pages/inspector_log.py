"""The Inspector's invocation log card: the log grid, its summary and the latency chart (callbacks:
callbacks/inspector_log.py).

Its header exports what the grid shows, as JSON or CSV, and opens an exported
JSON log again. The grid (dash-ag-grid, Community) sorts and filters each
column itself; the one filter Python applies is the app preset, which spans
two columns (the caller and the servers).
"""

import hashlib
import json
from datetime import UTC, datetime

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import dcc, html

import ids
from interop.log import bound_rows, handled_count, number_or, row_outcome
from pages.app_names import app_name
from pages.inspector_parts import card_title, search_box
from pages.inspector_text import clock, describe_target, latency_figure

OUTCOME_LABELS = {"ok": "answered ok", "failed": "failed", "pending": "pending or no answer"}  # OUTCOMES' words
EXPORT_TITLE = (
    "Saves the invocations the grid shows (its filters and sort): of the live log, or of the file you opened."
)
FILE_LIMIT = f"JSON logs exported here, up to {ids.LOG_FILE_MAX_BYTES / 1_000_000:.1f} MB"
# The app preset's "all" choice. Not "": a dbc.Select keeps that value for its placeholder. An app really
# named "*" can then not be picked alone, which costs less than a select that shows nothing.
ANY = "*"
GRID_HEIGHT_PX = 300  # fixed: AG Grid draws only the rows in view, so 200 rows cost what 10 do

# The grid's columns: (field, header, width, what else). Every cell is text (or a number): AG Grid renders
# values as text and the grid has no HTML renderer, so what other apps send stays text.
COLUMNS = (
    # Newest first, by the start's full date and time: a row a flush adds goes where it belongs.
    ("time", "Time", 120, {"sort": "desc", "comparator": {"function": "byStartTime"}}),
    ("method", "Method", 110, {}),
    ("caller", "Caller", 110, {}),
    ("target", "Target", 100, {}),
    ("outcome", "Outcome", 140, {}),
    ("latency_ms", "Round trip (ms)", 120, {"filter": "agNumberColumnFilter", "type": "numericColumn"}),
    ("servers", "Servers: answer (own handling time)", 300, {"tooltipField": "servers"}),
    ("args", "Arguments", 160, {"tooltipField": "args"}),
    ("result", "Result", 140, {"tooltipField": "result"}),
    # Not shown, but in the CSV: when (UTC, with the date), who called (its instance) and the row's id.
    ("start_iso", "Start (UTC)", 100, {"hide": True}),
    ("caller_instance", "Caller instance", 100, {"hide": True}),
    ("id", "Id", 100, {"hide": True}),
)
CSV_COLUMNS = [field for field, *_ in COLUMNS]


CHART_SHOW, CHART_HIDE = "Show the latency chart", "Hide the latency chart"


def latency_chart(figure=None):
    """The latency chart: a dcc.Graph whose figure a clientside callback keeps current."""
    return dcc.Graph(
        id=ids.LATENCY_GRAPH,
        figure=figure or latency_figure([]),
        config={"displayModeBar": False, "responsive": True},
    )


def log_stores():
    """What the log's callbacks keep in the page."""
    return [
        dcc.Store(id=ids.LOG_RECORDS, data=[]),
        dcc.Store(id=ids.LOG_FILE, data=None),
        dcc.Store(id=ids.LOG_VISIBLE, data=False),
        dcc.Store(id=ids.LOG_GRID_SHOWN, data={}),
        dcc.Store(id=ids.LATENCY_FIGURE, data=latency_figure([])),
        dcc.Store(id=ids.LAST_ARGS, data={}),
    ]


def choices(everything, values, picked=ANY):
    """A preset's options: everything first, then each app, by its display name; the picked one stays even when
    no row has it."""
    values = [*values, picked] if picked not in (None, "", ANY, *values) else list(values)
    return [{"label": everything, "value": ANY}] + [
        {"label": app_name({"application": value}), "value": value} for value in values
    ]


def picked_app(value):
    """The app preset's value as a filter: ``None`` for every app."""
    return None if value in (None, "", ANY) else value


# --- rows as the grid shows them ------------------------------------------------


def server_cell(server):
    """``Sum Server 1: {"sum":3} (2 ms)``: the server, its answer (or error) and its own handling time."""
    answer = server["outcome"] if server["ok"] else f"error: {server['outcome'] or 'failed'}"
    handler_ms = number_or(server.get("handler_ms"), None)
    took = f" ({round(handler_ms)} ms)" if handler_ms is not None else ""
    return f"{app_name(server)}: {answer or 'ok'}{took}"


def result_cell(row):
    """The invocation's error, or what its first server that answered returned."""
    if row["error"]:
        return f"error: {row['error']}"
    return next((server["outcome"] for server in row["servers"] if server["ok"] and server["outcome"]), "")


def grid_row(row):
    """One invocation as a row of the grid: text cells (and the round trip, a number)."""
    latency = row["latency_ms"]
    return {
        "time": clock(row["t"]),
        "method": row["method"],
        "caller": app_name({"application": row["caller"], "instance": row["caller_instance"]}),
        "target": describe_target(row["target"], row["servers"]),
        "outcome": OUTCOME_LABELS[row_outcome(row)],
        "latency_ms": round(latency, 1) if latency is not None else None,
        "servers": "; ".join(server_cell(server) for server in row["servers"]) or "no server",
        "args": row["args"],
        "result": result_cell(row),
        "start_iso": iso(row["t"]),
        "caller_instance": row["caller_instance"],
        "id": row["id"],
    }


def iso(t_ms):
    return datetime.fromtimestamp(number_or(t_ms) / 1000, UTC).isoformat(timespec="milliseconds")[:-6] + "Z"


def row_keys(rows):
    """A stable id per row (the grid's ``getRowId``): its caller's instance and the record's id, which two
    callers may share; a key seen already (a file can say anything) gets a number."""
    keys, seen = [], {}
    for row in rows:
        key = f"{row['caller_instance']}|{row['id']}"
        if not row["reported_by_caller"] and row["servers"]:
            key += "|" + row["servers"][0]["instance"]
        seen[key] = seen.get(key, 0) + 1
        keys.append(key if seen[key] == 1 else f"{key}#{seen[key]}")
    return keys


def grid_rows(rows):
    """The grid's ``rowData``: the latest ``ids.LOG_ROWS`` rows, each with its ``row_id``."""
    shown = bound_rows(rows)
    return [{**grid_row(row), "row_id": key} for row, key in zip(shown, row_keys(shown), strict=True)]


def row_digest(row):
    """A short fingerprint of a grid row: the same row gives the same digest, a changed cell another one."""
    text = json.dumps(row, sort_keys=True, ensure_ascii=False)
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def grid_transaction(rows, shown):
    """What brings the grid from ``shown`` (``{row_id: digest}`` of the rows it holds) to ``rows`` (its new
    ``rowData``): an AG Grid row transaction with only the rows to add, update and remove, or ``None`` when
    nothing changed; and the digests of ``rows``, the next ``shown``.

    A flush changes a few rows of up to ``ids.LOG_ROWS``: the grid then receives those few, not all of them.
    The transaction is applied at once (``async`` off), so the grid holds what the digests say. New rows go
    on top, newest first, as ``rows`` are: the order of a grid the reader left unsorted.
    """
    shown = shown if isinstance(shown, dict) else {}
    digests = {row["row_id"]: row_digest(row) for row in rows}
    add = [row for row in rows if row["row_id"] not in shown]
    update = [row for row in rows if shown.get(row["row_id"], digests[row["row_id"]]) != digests[row["row_id"]]]
    remove = [{"row_id": key} for key in shown if key not in digests]
    if not (add or update or remove):
        return None, digests
    return {"add": add, "addIndex": 0, "update": update, "remove": remove, "async": False}, digests


def rows_by_key(rows, keys):
    """The rows whose ``row_id`` is in ``keys``, in that order (what the grid shows, to export it)."""
    shown = bound_rows(rows)
    by_key = dict(zip(row_keys(shown), shown, strict=True))
    return [by_key[key] for key in keys if key in by_key]


def log_summary(rows, held, app=None):
    """``20 invocations · 40 handled records``; with the app preset, ``3 of 20 invocations (Caller) · 6 handled
    records``; ``(the latest 200 listed)`` when the grid cannot hold them all. ``rows`` are the app's, ``held``
    how many rows there are in all."""
    count = len(rows)
    handled = f" · {handled_count(rows)} handled records"
    if app is None:
        text = f"{count} invocation{'s' if count != 1 else ''}" + handled
    else:
        text = f"{count} of {held} invocation{'s' if held != 1 else ''} ({app_name({'application': app})})" + handled
    return text + (f" (the latest {ids.LOG_ROWS} listed)" if count > ids.LOG_ROWS else "")


# --- the card --------------------------------------------------------------------


def log_grid():
    """The log in AG Grid (Community): sort and filter each column, the quick filter over all of them."""
    return dag.AgGrid(
        id=ids.LOG_GRID,
        columnDefs=[
            {"field": field, "headerName": header, "width": width, **more} for field, header, width, more in COLUMNS
        ],
        rowData=[],  # rows come as transactions (grid_transaction): only those a flush changed
        getRowId="params.data.row_id",
        defaultColDef={"sortable": True, "resizable": True, "filter": True, "floatingFilter": True, "minWidth": 70},
        dashGridOptions={
            "quickFilterText": "",
            "suppressColumnVirtualisation": True,
            "tooltipShowDelay": 300,
            # Tab enters the grid and leaves it again; the arrow keys move inside (AG Grid would Tab through
            # every header and cell first).
            "tabToNextCell": {"function": "false"},
            "tabToNextHeader": {"function": "false"},
            "rowHeight": 28,
            "headerHeight": 30,
            "floatingFiltersHeight": 30,
            # Rows slide into place by default: ~0.4 s of style and layout in every frame of the page (same-origin
            # iframes share one main thread) at each flush, which the next invocation waited behind.
            "animateRows": False,
            "localeText": {"noRowsToShow": "No invocations yet"},
        },
        csvExportParams={"columnKeys": CSV_COLUMNS},
        className="inspector-grid",
        style={"height": f"{GRID_HEIGHT_PX}px"},
    )


def log_toolbar():
    return dbc.Row(
        [
            dbc.Col(search_box(ids.LOG_SEARCH, "Search the log"), md=4),
            dbc.Col(
                [
                    dbc.Label(
                        "Only invocations this app made or served",
                        html_for=ids.LOG_FILTER_APP,
                        className="visually-hidden",
                    ),
                    dbc.Select(
                        id=ids.LOG_FILTER_APP,
                        options=choices("All apps", []),
                        value=ANY,
                        size="sm",
                        className="inspector-select",
                    ),
                ],
                md=3,
            ),
            dbc.Col(html.Small(f"Open a log file: {FILE_LIMIT}", className="text-muted"), md=5),
        ],
        className="g-2 align-items-center mb-1",
    )


def file_note(file):
    """What the banner says of an opened file: ``Showing bug.json (exported …, 3 invocations) — not the live bus``."""
    count = file["count"]
    return (
        f"Showing {file['name']} (exported {file['exported_at']}, {count} invocation{'s' if count != 1 else ''})"
        " — not the live bus"
    )


def file_banner():
    """Says which file is shown instead of the live bus, until "Back to live"."""
    return html.Div(
        [
            html.Span(id=ids.LOG_FILE_NOTE),
            dbc.Button("Back to live", id=ids.LOG_BACK_LIVE, size="sm", color="warning", className="ms-2 py-0"),
        ],
        id=ids.LOG_FILE_BANNER,
        hidden=True,
        role="status",
        className="alert alert-warning small py-1 px-2 mb-1",
    )


def header_buttons():
    def button(label, id_=None, **props):
        return dbc.Button(label, size="sm", color="link", className="p-0", **({"id": id_} if id_ else {}), **props)

    return html.Div(
        [
            button("Export JSON", ids.LOG_EXPORT_JSON, title=EXPORT_TITLE),
            button(
                "Export CSV",
                ids.LOG_EXPORT_CSV,
                title=EXPORT_TITLE + " Cells a spreadsheet would run as a formula start with '.",
            ),
            # A file over the limit never reaches a callback: assets/inspector.js says so.
            dcc.Upload(
                button("Open a log file…", title=FILE_LIMIT),
                id=ids.LOG_UPLOAD,
                max_size=ids.LOG_FILE_MAX_BYTES,
                className="d-inline-block",
            ),
            button("Clear", ids.LOG_CLEAR, title="Hide the live records so far"),
        ],
        className="ms-auto d-flex gap-3 align-items-center inspector-log-actions",
    )


def latency_toggle():
    """The latency chart, hidden until asked for: the round trips are in the grid, and a chart redrawn at
    every flush cost the page as much as the grid's rows. It (and plotly.js with it) is added when first
    opened, and drawn only while open."""
    return html.Div(
        [
            html.Button(
                CHART_SHOW,
                id=ids.LATENCY_TOGGLE,
                className="btn btn-link btn-sm p-0",
                type="button",
                **{"aria-expanded": "false", "aria-controls": ids.LATENCY_COLLAPSE},
            ),
            dbc.Collapse(html.Div(id=ids.LATENCY_BOX, className="inspector-chart"), id=ids.LATENCY_COLLAPSE),
        ],
        className="mt-1",
    )


def log_card():
    return dbc.Card(
        [
            dbc.CardHeader(
                [
                    card_title("Invocation log"),
                    html.Span(id=ids.LOG_SUMMARY, className="small text-muted ms-2"),
                    header_buttons(),
                ],
                className="d-flex align-items-center py-1",
            ),
            dbc.CardBody(
                [
                    log_toolbar(),
                    html.Div(id=ids.LOG_FILE_PROBLEM, className="text-danger small", role="alert"),
                    file_banner(),
                    log_grid(),
                    latency_toggle(),
                    dcc.Download(id=ids.LOG_DOWNLOAD),
                ],
                className="p-2",
            ),
        ],
        id=ids.INSPECTOR_LOG,
        className="mb-2",
    )
