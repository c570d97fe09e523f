"""The Inspector's invocation log card: the latency chart and the log lines (callbacks: callbacks/inspector_log.py).

Its header exports what the log shows, as JSON or CSV, and opens an exported
JSON log again; its filter narrows the lines, the summary and the chart.
"""

import dash_bootstrap_components as dbc
from dash import dcc, html

import ids
from interop.log import ANY, OUTCOMES
from pages.inspector_text import latency_figure

OUTCOME_LABELS = {"ok": "Answered ok", "failed": "Failed", "pending": "Pending or no answer"}  # OUTCOMES' words
EXPORT_TITLE = "Saves the invocations the filter lets through: of the live log, or of the file you opened."
FILE_LIMIT = f"JSON logs exported here, up to {ids.LOG_FILE_MAX_BYTES // 1000} kB"


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
        dcc.Store(id=ids.LATENCY_FIGURE, data=latency_figure([])),
        dcc.Store(id=ids.LAST_ARGS, data={}),
    ]


def choices(everything, values, picked=ANY):
    """A filter's options: everything first, then each value; the picked one stays even when no row has it."""
    values = [*values, picked] if picked not in (None, "", ANY, *values) else list(values)
    return [{"label": everything, "value": ANY}] + [{"label": value, "value": value} for value in values]


def log_filter():
    def select(id_, options, label):
        return dbc.Col(
            [
                dbc.Label(label, html_for=id_, className="visually-hidden"),
                dbc.Select(id=id_, options=options, value=ANY, size="sm"),
            ],
            md=3,
        )

    return dbc.Row(
        [
            select(ids.LOG_FILTER_METHOD, choices("All methods", []), "Only this method"),
            select(ids.LOG_FILTER_APP, choices("All apps", []), "Only invocations this app made or served"),
            select(
                ids.LOG_FILTER_OUTCOME,
                choices("Any outcome", []) + [{"label": OUTCOME_LABELS[value], "value": value} for value in OUTCOMES],
                "Only invocations with this outcome",
            ),
            dbc.Col(html.Small(f"Open a log file: {FILE_LIMIT}", className="text-muted"), md=3),
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
            button("Export CSV", ids.LOG_EXPORT_CSV, title=EXPORT_TITLE),
            # A file over the limit never reaches a callback: assets/inspector.js says so.
            dcc.Upload(
                button("Open a log file…", title=FILE_LIMIT),
                id=ids.LOG_UPLOAD,
                max_size=ids.LOG_FILE_MAX_BYTES,
                className="d-inline-block",
            ),
            button("Clear", ids.LOG_CLEAR, title="Hide the live records so far"),
        ],
        className="ms-auto d-flex gap-3 align-items-center",
    )


def log_card():
    return dbc.Card(
        [
            dbc.CardHeader(
                [
                    html.Span("Invocation log", className="fw-semibold"),
                    html.Span(id=ids.LOG_SUMMARY, className="small text-muted ms-2"),
                    header_buttons(),
                ],
                className="d-flex align-items-center py-1",
            ),
            dbc.CardBody(
                [
                    log_filter(),
                    html.Div(id=ids.LOG_FILE_PROBLEM, className="text-danger small", role="alert"),
                    file_banner(),
                    # The chart (and plotly.js with it) is added when the log first comes into view.
                    html.Div(id=ids.LATENCY_BOX, className="inspector-chart mb-1"),
                    # Plain text lines, not one component per row: up to 200 rows re-render quickly.
                    html.Pre(id=ids.LOG_LINES, className="small mb-0 inspector-log-lines"),
                    dcc.Download(id=ids.LOG_DOWNLOAD),
                ],
                className="p-2",
            ),
        ],
        id=ids.INSPECTOR_LOG,
        className="mb-2",
    )
