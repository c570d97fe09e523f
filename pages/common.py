"""Pieces every client app's layout shares."""

import dash_bootstrap_components as dbc
import dash_glue42
from dash import dcc, html

import ids

NOT_CONNECTED_AFTER_MS = 8_000  # give up waiting for a platform after this long
# Invoke options an app offers until the user changes them (the caller and the inspector).
DEFAULT_RESPONSE_TIMEOUT_MS = 10_000
DEFAULT_WAIT_TIMEOUT_MS = 3_000


def connecting(app_name):
    """What ``Glue42`` shows until glue is ready, or, when it never will be, why, under the app's name.

    Opened on its own (no platform parent or opener, not in io.Connect
    Desktop), ``Glue42`` can never connect and would show its fallback
    forever. A clientside callback (``callbacks.common``) swaps the spinner
    for the explanation at once when the page is clearly standalone, or after
    ``NOT_CONNECTED_AFTER_MS`` otherwise.
    """
    return dbc.Container(
        [
            # Every page has one h1. Hidden, as the connected layout's visible one replaces it at once.
            html.H1(app_name, className="visually-hidden"),
            html.Div(
                [dbc.Spinner(size="sm", spinner_class_name="me-2"), "Connecting to io.Connect…"],
                id=ids.CONNECTING,
                className="text-muted d-flex align-items-center",
            ),
            dbc.Alert(
                [
                    html.Strong("Not connected to io.Connect. "),
                    "Open this app from the platform at ",
                    html.A("/", href="/", target="_top"),
                    " or in io.Connect Desktop.",
                ],
                id=ids.NOT_CONNECTED,
                color="warning",
                is_open=False,
                fade=False,
            ),
            dcc.Interval(id=ids.CONNECT_TIMER, interval=500, max_intervals=NOT_CONNECTED_AFTER_MS // 500),
        ],
        className="py-3",
    )


def client_root(app_name, children):
    """The ``Glue42`` root of a client app.

    ``app_name`` is how this app appears to the others. The shell opens each
    instance with ``?name=<unique name>``, which overrides it (see
    ``assets/dash_glue42_compat.js``); io.Connect Desktop names apps from
    their definitions instead.

    What it shows, connected or not, is the page's one ``main`` landmark.
    """
    return dash_glue42.Glue42(
        id=ids.GLUE,
        settings={"type": "client", "web": {"config": {"application": app_name, "logger": "error"}}},
        fallback=html.Main(connecting(app_name)),
        children=html.Main(children),
    )


def timeout_field(component_id, option, minimum, value):
    """One invoke option in whole milliseconds, labelled with its documented name (e.g. ``waitTimeoutMs``).

    The name is the field's ``<label>``, styled as Bootstrap's input-group text.
    """
    return dbc.Col(
        dbc.InputGroup(
            [
                html.Label(option, htmlFor=component_id, className="input-group-text"),
                dbc.Input(id=component_id, type="number", min=minimum, step=1, value=value),
            ],
            size="sm",
        ),
        width="auto",
    )


def app_heading(title):
    """The app's one h1: its title and its instance's interop name, as small as Bootstrap's h5."""
    return html.H1([title, instance_badge()], className="h5 mt-2")


def history_lines(component_id, name, class_name="small mb-0"):
    """A history of plain text lines that scrolls in its own box once it is long: focusable, so the keyboard
    can scroll it, and named for who lands on it. Not live: all of it would be read again at every line."""
    return html.Pre(
        [],
        id=component_id,
        className=f"{class_name} history",
        tabIndex=0,
        role="region",
        **{"aria-label": name},
    )


def instance_badge():
    """Filled in by a clientside callback with this instance's interop name."""
    return html.Span(id=ids.INSTANCE_NAME, className="badge text-bg-secondary ms-2")


def lines_to_children(lines):
    """``[(kind, text)]`` -> list items; text is always rendered as text."""
    return [
        html.Div(text, className="text-danger" if kind == "error" else "text-success", **{"data-kind": kind})
        for kind, text in lines
    ]
