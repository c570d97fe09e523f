"""Callbacks of the platform shell: managing the embedded apps and their status."""

from dash import ALL, ClientsideFunction, Input, Output, State, ctx
from dash.exceptions import PreventUpdate

import ids
from pages.shell import frame_cards, frame_record

ADDABLE_APP = "server"  # the app the "Add server" button adds instances of


def add_server(_, frames):
    """Adds one more server instance, named after the highest number in use plus one."""
    template = next((f for f in frames if f["app"] == ADDABLE_APP), None)
    if template is None:
        raise PreventUpdate
    number = max((f.get("number") or 0 for f in frames if f["app"] == ADDABLE_APP), default=0) + 1
    return [*frames, frame_record(ADDABLE_APP, template["title"], template["prefix"], number)]


def remove_frame(clicks, frames):
    """Removes the instance whose Remove button was clicked."""
    if not ctx.triggered_id or not any(clicks):
        raise PreventUpdate
    key = ctx.triggered_id["frame"]
    return [f for f in frames if f["key"] != key]


def render_frames(frames):
    """Cards keyed by id, so the iframes that stay are not reloaded."""
    return frame_cards(frames, {ADDABLE_APP})


def register(app):
    app.callback(
        Output(ids.FRAMES_STORE, "data", allow_duplicate=True),
        Input(ids.ADD_SERVER, "n_clicks"),
        State(ids.FRAMES_STORE, "data"),
        prevent_initial_call=True,
    )(add_server)
    app.callback(
        Output(ids.FRAMES_STORE, "data", allow_duplicate=True),
        Input(ids.remove_frame(ALL), "n_clicks"),
        State(ids.FRAMES_STORE, "data"),
        prevent_initial_call=True,
    )(remove_frame)
    app.callback(
        Output(ids.FRAMES_GRID, "children"),
        Input(ids.FRAMES_STORE, "data"),
        prevent_initial_call=True,
    )(render_frames)
    # Connection status comes from the platform's own glue, in the page.
    app.clientside_callback(
        ClientsideFunction(namespace="ioconnect", function_name="watchConnections"),
        Output(ids.CONNECTION_WATCH, "children"),
        Input(ids.GLUE, "glueReady"),
    )
    app.clientside_callback(
        ClientsideFunction(namespace="ioconnect", function_name="frameStatus"),
        Output(ids.frame_status(ALL), "children"),
        Output(ids.frame_status(ALL), "color"),
        Input(ids.CONNECTED_STORE, "data"),
        Input(ids.FRAMES_STORE, "data"),
        State(ids.frame_status(ALL), "id"),
    )
