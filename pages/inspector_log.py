"""The Inspector's invocation log card: the latency chart and the log lines (callbacks: callbacks/inspector_log.py)."""

import dash_bootstrap_components as dbc
from dash import dcc, html

import ids
from pages.inspector_text import latency_figure


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
        dcc.Store(id=ids.LOG_VISIBLE, data=False),
        dcc.Store(id=ids.LATENCY_FIGURE, data=latency_figure([])),
        dcc.Store(id=ids.LAST_ARGS, data={}),
    ]


def log_card():
    return dbc.Card(
        [
            dbc.CardHeader(
                [
                    html.Span("Invocation log", className="fw-semibold"),
                    html.Span(id=ids.LOG_SUMMARY, className="small text-muted ms-2"),
                    dbc.Button("Clear", id=ids.LOG_CLEAR, size="sm", color="link", className="ms-auto p-0"),
                ],
                className="d-flex align-items-center py-1",
            ),
            dbc.CardBody(
                [
                    # The chart (and plotly.js with it) is added when the log first comes into view.
                    html.Div(id=ids.LATENCY_BOX, className="inspector-chart mb-1"),
                    # Plain text lines, not one component per row: up to 200 rows re-render quickly.
                    html.Pre(id=ids.LOG_LINES, className="small mb-0 inspector-log-lines"),
                ],
                className="p-2",
            ),
        ],
        id=ids.INSPECTOR_LOG,
        className="mb-2",
    )
