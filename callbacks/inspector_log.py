"""Callbacks of the Inspector's invocation log (its layout: pages/inspector_log.py).

The records are collected in the page from every app's log context
(``assets/inspector.js``) and sent here at most a few times a second while the
log is on screen. Each render starts from all of them again, so a callback that
Dash supersedes or merges loses nothing.
"""

from dash import ClientsideFunction, Input, Output, State
from dash.exceptions import PreventUpdate

import ids
from interop.log import bound_rows, last_args_by_method, merge_records
from pages.inspector_log import latency_chart
from pages.inspector_text import latency_figure, log_summary, log_text


def render_log(records):
    """The log text, its summary, the latency chart's figure and the last arguments of each method."""
    rows = merge_records(records)
    shown = bound_rows(rows)
    return log_text(shown), log_summary(shown, len(rows)), latency_figure(shown), last_args_by_method(shown)


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
    app.callback(
        Output(ids.LOG_LINES, "children"),
        Output(ids.LOG_SUMMARY, "children"),
        Output(ids.LATENCY_FIGURE, "data"),
        Output(ids.LAST_ARGS, "data"),
        Input(ids.LOG_RECORDS, "data"),
    )(render_log)
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
