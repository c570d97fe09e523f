"""The vendor page's server app: its two MethodRegisters and their handlers, as the page writes them.

Two additions the page leaves to its reader: the app is mounted on ``run.server`` under /app-b/ (as the
page's caller example is under /app-a/), and the layout holds the ``message`` element that the SendMessage
handler writes to.
"""

import dash
import dash_glue42
from dash import html
from dash.dependencies import Input, Output
from dash.exceptions import PreventUpdate
from run import server

app = dash.Dash(__name__, server=server, routes_pathname_prefix="/app-b/")

app.layout = dash_glue42.Glue42(id="io-connect", children=[
    # Registering an Interop method that returns a result.
    dash_glue42.MethodRegister(id="io-connect-register-sum", definition={"name": "Sum"}, returns=True),

    # Registering an Interop method that doesn't return a result.
    dash_glue42.MethodRegister(id="io-connect-register-send-message", definition="SendMessage", returns=False),

    html.Div(id="message"),
])

# Helper to validate the input arguments for the "Sum" method.
def is_number(s):
    try:
        float(s)
        return True
    except ValueError:
        return False

# Handler for the "Sum" Interop method.
@app.callback(
    Output("io-connect-register-sum", "result"),
    Input("io-connect-register-sum", "invoke")
)
def sum_invocation_handler(invoke):

    if invoke is None:
        raise PreventUpdate

    invocationId = invoke.get("invocationId")
    args = invoke.get("args", {})
    a = args.get("a")
    b = args.get("b")

    are_numbers = is_number(a) and is_number(b)
    if are_numbers:
        total = float(a) + float(b)

        # When a method isn't void, you must always return the assigned `invocationId`,
        # otherwise the caller won't receive the result.
        return {
            "invocationId": invocationId,
            "invocationResult": {
                "sum": total
            }
        }
    else:
        return {
            "invocationId": invocationId,
            "error": {
                "message": "The arguments must be numbers!"
            }
        }

# Handler for the "SendMessage" Interop method.
@app.callback(
    Output("message", "children"),
    Input("io-connect-register-send-message", "invoke")
)
def send_message_invocation_handler(invoke):

    if invoke is not None:
        args = invoke.get("args", {})
        message = args.get("message", "")
        return message
