"""A Dash app that is not in the registry: the vendor page's Sum server as a user would write it.

It runs in its own gunicorn, with an assets folder holding only ``dash_glue42_compat.js`` (what the guide
asks of any app on Dash 3 and later), and Dash's defaults otherwise: ``update_title`` is "Updating...".
The test serves it under the shell's origin and embeds it without ``?name=``.
"""

import os

import dash
import dash_glue42
from dash import html
from dash.dependencies import Input, Output
from dash.exceptions import PreventUpdate

PREFIX = "/plain/"
TITLE = "Plain Sum Server"


def is_number(s):
    try:
        float(s)
        return True
    except (TypeError, ValueError):
        return False


def sum_invocation_handler(invoke):
    if invoke is None:
        raise PreventUpdate
    args = invoke.get("args", {})
    a, b = args.get("a"), args.get("b")
    if is_number(a) and is_number(b):
        return {"invocationId": invoke.get("invocationId"), "invocationResult": {"sum": float(a) + float(b)}}
    return {"invocationId": invoke.get("invocationId"), "error": {"message": "The arguments must be numbers!"}}


def create_server():
    app = dash.Dash(__name__, url_base_pathname=PREFIX, title=TITLE, assets_folder=os.environ["PLAIN_ASSETS"])
    app.layout = dash_glue42.Glue42(
        id="io-connect",
        children=[
            dash_glue42.MethodRegister(id="io-connect-register-sum", definition={"name": "Sum"}, returns=True),
            html.H1(TITLE),
        ],
    )
    app.callback(Output("io-connect-register-sum", "result"), Input("io-connect-register-sum", "invoke"))(
        sum_invocation_handler
    )
    return app.server
