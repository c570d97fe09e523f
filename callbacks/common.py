"""Callbacks every client app registers."""

from dash import ClientsideFunction, Input, Output, State

import ids


def register_connect_state(app):
    """Swap "Connecting…" for "Not connected" when glue cannot connect (see pages.common.connecting)."""
    app.clientside_callback(
        ClientsideFunction(namespace="ioconnectClient", function_name="connectState"),
        Output(ids.CONNECTING, "className"),
        Output(ids.NOT_CONNECTED, "is_open"),
        Input(ids.CONNECT_TIMER, "n_intervals"),
        State(ids.CONNECT_TIMER, "max_intervals"),
    )


def register_client_common(app):
    """Callbacks every client app (not the platform shell) registers."""
    register_instance_name(app)
    register_connect_state(app)


def register_instance_name(app):
    """Show the name this instance has on the interop bus (clientside: glue lives in the page)."""
    app.clientside_callback(
        ClientsideFunction(namespace="ioconnectClient", function_name="instanceName"),
        Output(ids.INSTANCE_NAME, "children"),
        Input(ids.GLUE, "glueReady"),
    )
