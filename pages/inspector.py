"""Layout of the inspector (/inspector/): the invocation log first, then servers and methods, ad-hoc invocation
and streams.

The log comes first: scrolled to the Inspector's card in the Workspace, a reader sees its latest rows
without scrolling inside the app (``lgrd`` tests, at 1280 by 720 and 1440 by 900).
"""

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
import dash_glue42
from dash import dcc, html

import ids
from pages.common import (
    DEFAULT_RESPONSE_TIMEOUT_MS,
    DEFAULT_WAIT_TIMEOUT_MS,
    app_heading,
    client_root,
    timeout_field,
)
from pages.inspector_log import latency_chart, log_card, log_stores
from pages.inspector_parts import card_title, instances_group, radio_group, search_box
from pages.inspector_servers import VIEW_METHODS, VIEWS, column_defs
from pages.inspector_streams import example_card, streams_card
from pages.json_box import json_toolbar

APP_NAME = "Inspector"
TARGET_OPTIONS = [
    {"label": "best", "value": "best"},
    {"label": "all", "value": "all"},
    {"label": "skipMine", "value": "skipMine"},
    {"label": "specific instances", "value": "instances"},
]


def servers_grid():
    """Every server and its methods in AG Grid (Community): it sorts, filters, moves and resizes by itself.

    Cells are text (AG Grid renders values as text): names, signatures and
    descriptions come from other apps. Clicking a row (or Space on it, from the
    keyboard) picks its method in the invoke form, or its stream in the streams form.
    """
    return dag.AgGrid(
        id=ids.SERVERS_GRID,
        columnDefs=column_defs(VIEW_METHODS),
        rowData=[],
        defaultColDef={"sortable": True, "resizable": True, "filter": True, "minWidth": 80},
        columnSize="responsiveSizeToFit",
        dashGridOptions={
            "quickFilterText": "",
            "domLayout": "autoHeight",  # a few dozen rows: no inner scrollbar, every row in the page
            "suppressColumnVirtualisation": True,
            "rowSelection": {"mode": "singleRow", "checkboxes": False, "enableClickSelection": True},
            "tooltipShowDelay": 300,
            # Tab enters the grid and leaves it again; the arrow keys move inside (AG Grid would Tab through
            # every header and cell first).
            "tabToNextCell": {"function": "false"},
            "tabToNextHeader": {"function": "false"},
            "rowHeight": 30,
            "headerHeight": 32,
            "animateRows": False,  # as the log's grid: an animation re-lays out the whole page for ~0.4 s
        },
        className="inspector-grid",
        style={"height": None},
    )


def servers_card():
    return dbc.Card(
        [
            dbc.CardHeader(card_title("Servers and methods"), className="py-1"),
            dbc.CardBody(
                [
                    dbc.Row(
                        [
                            dbc.Col(search_box(ids.SERVERS_FILTER, "Search every column")),
                            dbc.Col(
                                html.Div(
                                    dbc.RadioItems(
                                        id=ids.SERVERS_VIEW,
                                        options=[{"label": title, "value": key} for key, title in VIEWS],
                                        value=VIEW_METHODS,
                                        inline=True,
                                        className="small",
                                    ),
                                    role="radiogroup",
                                    **{"aria-label": "Show the servers grid by"},
                                ),
                                width="auto",
                            ),
                            dbc.Col(
                                dbc.Switch(id=ids.SHOW_SYSTEM, label="System methods (T42.*)", value=False),
                                width="auto",
                            ),
                            dbc.Col(
                                dbc.Button("Reset", id=ids.SERVERS_RESET, size="sm", color="link", className="p-0"),
                                width="auto",
                            ),
                        ],
                        className="g-2 align-items-center mb-1",
                    ),
                    html.Div(id=ids.SERVERS_SUMMARY, className="small text-muted mb-1"),
                    servers_grid(),
                ],
                className="p-2",
            ),
        ],
        id=ids.INSPECTOR_SERVERS,
        className="mb-2",
    )


def invoke_card():
    return dbc.Card(
        [
            dbc.CardHeader(card_title("Invoke a method"), className="py-1"),
            dbc.CardBody(
                [
                    dbc.Label("Method", html_for=ids.ADHOC_METHOD, className="small mb-0"),
                    dbc.Select(
                        id=ids.ADHOC_METHOD,
                        options=[],
                        placeholder="Pick a method",
                        size="sm",
                        className="mb-1 inspector-select",
                    ),
                    dbc.Label("Arguments (JSON)", html_for=ids.ADHOC_ARGS, className="small mb-0"),
                    dbc.Textarea(
                        id=ids.ADHOC_ARGS,
                        value="{}",
                        rows=4,
                        maxLength=ids.MAX_ARGS_CHARS,
                        spellCheck=False,
                        className="font-monospace small mb-1",
                    ),
                    json_toolbar(ids.ADHOC_ARGS),
                    radio_group(
                        ids.ADHOC_TARGET_LABEL,
                        "Target",
                        dbc.RadioItems(id=ids.ADHOC_TARGET, options=TARGET_OPTIONS, value="best", inline=True),
                    ),
                    instances_group(
                        dbc.Checklist(id=ids.ADHOC_INSTANCES, options=[], value=[], className="small ms-3 mb-1"),
                        "Instances to invoke",
                    ),
                    dbc.Row(
                        [
                            timeout_field(
                                ids.ADHOC_RESPONSE_TIMEOUT, "methodResponseTimeoutMs", 1, DEFAULT_RESPONSE_TIMEOUT_MS
                            ),
                            timeout_field(ids.ADHOC_WAIT_TIMEOUT, "waitTimeoutMs", 0, DEFAULT_WAIT_TIMEOUT_MS),
                            dbc.Col(
                                dbc.Button("Invoke", id=ids.ADHOC_BUTTON, color="primary", size="sm"), width="auto"
                            ),
                        ],
                        className="g-2 align-items-center mb-1",
                    ),
                    html.Div(id=ids.ADHOC_PROBLEM, className="text-danger small", role="alert"),
                    # Only the latest outcome is announced: the results below are drawn again as they change, and a
                    # live list would be read out again each time.
                    html.Div(
                        id=ids.ADHOC_OUTCOME, role="status", className="visually-hidden", **{"aria-live": "polite"}
                    ),
                    html.Small("Results (latest first)", className="text-muted"),
                    html.Div(id=ids.ADHOC_COPY_STATUS, className="small text-muted", role="status"),
                    html.Div(id=ids.ADHOC_HISTORY, className="inspector-history"),
                ],
                className="p-2",
            ),
        ],
        className="mb-2",
    )


def added_later():
    """Components that callbacks add after the first render, for Dash's callback validation."""
    return html.Div([latency_chart(), example_card()])


def layout():
    return client_root(
        APP_NAME,
        [
            dash_glue42.MethodInvoke(id=ids.INSPECTOR_INVOKE),
            dcc.Store(id=ids.SERVERS_STORE, data=[]),
            *log_stores(),
            dcc.Store(id=ids.ADHOC_HISTORY_STORE, data={}),
            dbc.Container(
                [
                    app_heading("Inspector"),
                    log_card(),
                    servers_card(),
                    dbc.Row([dbc.Col(invoke_card(), lg=6), dbc.Col(streams_card(), lg=6)], className="g-2"),
                ],
                fluid=True,
            ),
        ],
    )
