"""Callbacks every client app registers."""

from dash import ClientsideFunction, Input, Output

import ids


def register_instance_name(app):
    """Show the name this instance has on the interop bus (clientside: glue lives in the page)."""
    app.clientside_callback(
        ClientsideFunction(namespace="ioconnect", function_name="instanceName"),
        Output(ids.INSTANCE_NAME, "children"),
        Input(ids.GLUE, "glueReady"),
    )
