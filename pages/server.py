"""Layout of the interop server app (/server/): registers Sum and SendMessage."""

import dash_bootstrap_components as dbc
import dash_glue42
from dash import html

import ids
from pages.common import app_heading, client_root, history_lines

APP_NAME = "Sum Server"
# How long MethodRegister waits for the Sum handler callback. dash_glue42 starts
# this clock when an invocation arrives, not when its turn comes: invocations
# run one at a time, so under a burst the last ones queue for a while (150
# invocations took ~13 s to drain on 2 cores) and a short value drops them
# silently. Failed handler callbacks are answered at once anyway (see
# assets/dash_glue42_compat.js), so a generous value costs nothing.
SUM_RESPONSE_TIMEOUT_MS = 30_000


def sum_registration():
    """Sum returns a result: invocations queue and are answered one at a time."""
    return dash_glue42.MethodRegister(
        id=ids.REGISTER_SUM,
        definition={"name": "Sum"},
        returns=True,
        methodResponseTimeoutMs=SUM_RESPONSE_TIMEOUT_MS,
    )


def registrations():
    """The two Interop methods, exactly as the vendor documentation registers them."""
    return [
        sum_registration(),
        # Void: answered at once, the callback just updates the page.
        dash_glue42.MethodRegister(id=ids.REGISTER_SEND_MESSAGE, definition="SendMessage", returns=False),
    ]


def layout():
    return client_root(
        APP_NAME,
        [
            *registrations(),
            dbc.Container(
                [
                    app_heading("Sum Server"),
                    html.Div(id=ids.REGISTER_ERRORS),
                    dbc.Card(
                        dbc.CardBody(
                            [
                                html.Small("Last message", className="text-muted d-block"),
                                html.Div(id=ids.MESSAGE, className="fs-5 text-break"),
                            ]
                        ),
                        className="mb-2",
                    ),
                    html.Small("Handled invocations (latest first)", className="text-muted"),
                    # Text lines, one a handled invocation, which the handler callbacks prepend (a Patch).
                    history_lines(ids.HANDLED_LIST, "Handled invocations"),
                ],
                fluid=True,
            ),
        ],
    )
