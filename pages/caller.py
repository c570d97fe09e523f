"""Layout of the caller app (/caller/): invokes Sum and SendMessage."""

import dash_bootstrap_components as dbc
import dash_glue42
from dash import html

import ids
from interop.message import MAX_MESSAGE_CHARS
from interop.options import DEFAULT_TARGET, TARGETS
from pages.common import (
    DEFAULT_RESPONSE_TIMEOUT_MS,
    DEFAULT_WAIT_TIMEOUT_MS,
    app_heading,
    client_root,
    history_lines,
    timeout_field,
)

APP_NAME = "Caller"

TARGET_LABELS = {"best": "best", "all": "all", "skipMine": "skipMine"}


def sum_controls():
    """The two numbers and Sum. The numbers have no words on screen, so their labels are for screen readers
    alone; outside the input group, whose rounded corners Bootstrap gives its first and last children."""
    return html.Div(
        [
            html.Label("First number", htmlFor=ids.NUMBER_A, className="visually-hidden"),
            html.Label("Second number", htmlFor=ids.NUMBER_B, className="visually-hidden"),
            dbc.InputGroup(
                [
                    dbc.Input(id=ids.NUMBER_A, type="text", autoComplete="off", value=37, debounce=False),
                    # Decoration: the labels say which number is which (dbc.InputGroupText takes no aria-hidden).
                    html.Span("+", className="input-group-text", **{"aria-hidden": "true"}),
                    dbc.Input(id=ids.NUMBER_B, type="text", autoComplete="off", value=5),
                    dbc.Button("Sum", id=ids.SUM_BUTTON, color="primary"),
                ],
            ),
        ],
        className="mb-1",
    )


def message_controls():
    return dbc.InputGroup(
        [
            html.Label("Message", htmlFor=ids.MESSAGE_INPUT, className="input-group-text"),
            dbc.Input(
                id=ids.MESSAGE_INPUT,
                type="text",
                autoComplete="off",
                value="Send your daily report!",
                # The server refuses longer messages; the caller refuses them before sending.
                maxLength=MAX_MESSAGE_CHARS,
            ),
            dbc.Button("Send", id=ids.SEND_MESSAGE_BUTTON, color="secondary"),
        ],
        className="mb-1",
    )


def options_controls():
    return dbc.Row(
        [
            dbc.Col(
                # A radio group named by its caption. The radios share one `name`, which makes them one group
                # for the arrow keys: given here rather than left to dash-bootstrap-components' default.
                html.Div(
                    [
                        html.Div("Target", id=ids.TARGET_LABEL, className="small"),
                        dbc.RadioItems(
                            id=ids.TARGET,
                            name=ids.TARGET,
                            options=[{"label": TARGET_LABELS[t], "value": t} for t in TARGETS],
                            value=DEFAULT_TARGET,
                            inline=True,
                        ),
                    ],
                    role="radiogroup",
                    **{"aria-labelledby": ids.TARGET_LABEL},
                ),
                width="auto",
            ),
            timeout_field(ids.RESPONSE_TIMEOUT, "methodResponseTimeoutMs", 1, DEFAULT_RESPONSE_TIMEOUT_MS),
            timeout_field(ids.WAIT_TIMEOUT, "waitTimeoutMs", 0, DEFAULT_WAIT_TIMEOUT_MS),
            dbc.Col(
                dbc.Switch(id=ids.SERVE_SUM, label="Serve Sum from this caller too", value=False),
                width="auto",
            ),
        ],
        className="g-2 align-items-center mb-2",
    )


def invokers():
    """The components that invoke the two Interop methods, exactly as the vendor documentation places them."""
    return [
        # A component which will invoke the "Sum" Interop method.
        dash_glue42.MethodInvoke(id=ids.INVOKE_SUM),
        # A component which will invoke the "SendMessage" Interop method.
        dash_glue42.MethodInvoke(id=ids.INVOKE_SEND_MESSAGE),
    ]


def layout():
    return client_root(
        APP_NAME,
        [
            *invokers(),
            # Filled with a MethodRegister for Sum while the serve-sum switch is on.
            html.Div(id=ids.CALLER_SUM_SLOT),
            dbc.Container(
                [
                    app_heading("Caller"),
                    options_controls(),
                    html.Div(id=ids.INVOKE_PROBLEM, className="text-danger small", role="alert"),
                    sum_controls(),
                    # Shown while an invocation is pending: assets/caller.js reads the activity seam. Not a live
                    # region: it counts the seconds ten times a second, and a screen reader would read each.
                    html.Div(
                        [
                            html.Span(className="spinner-border spinner-border-sm me-2", **{"aria-hidden": "true"}),
                            html.Span(id=ids.PENDING_STATUS),
                        ],
                        id=ids.PENDING_BOX,
                        className="small text-muted d-none",
                    ),
                    # The latest outcome alone, the result or the error: the one thing a screen reader says
                    # (politely) after Sum. role="status" makes it a polite live region.
                    html.Div(id=ids.SUM_RESULT, role="status"),
                    # Plain text lines, not one component per line: re-rendering 50
                    # components on every result kept the browser busy under load. Not live: all of it would
                    # be read again on every result.
                    history_lines(ids.SUM_HISTORY, "Sum history", "small text-muted mb-3"),
                    message_controls(),
                    # Who received the message, or the error: announced politely, as the Sum's outcome is.
                    html.Div(id=ids.SEND_MESSAGE_RESULT, className="small", role="status"),
                ],
                fluid=True,
            ),
        ],
    )
