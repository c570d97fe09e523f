"""The documentation's own Dash pair on dash_glue42: the floor the benchmark compares the real apps with.

One server page with nothing but ``MethodRegister`` for Sum and its Python
handler, one caller page with nothing but ``MethodInvoke``, the inputs and
the result, wired as the vendor's Interop page writes it: a Python callback
writes ``invoke``, another reads ``result``. That is three HTTP round trips
per Sum (invoke, handler, result), as in the real caller. They run in the
same shell, with the same compression and CSP as the real apps
(``app.create_server`` mounts them), and the scripts every app with
dash_glue42 components loads (``registry.COMPAT_SCRIPTS``). No history,
pending status, interop log or inspector. The handler and the result text are the real apps' own
functions (``callbacks.server.sum_invocation_handler``, ``pages.result_text``), so what
the real apps pay above these figures is their bookkeeping, not their logic.

``gunicorn 'bench.lean:create_lean_server()'`` serves it (bench/__main__.py).
"""

import dash_glue42
from dash import Input, Output, State, dcc, html
from dash.exceptions import PreventUpdate

import ids
from app import create_server
from callbacks.server import sum_invocation_handler
from pages.common import client_root, lines_to_children
from pages.result_text import answer_lines, describe_sum, error_lines
from registry import COMPAT_SCRIPTS, EMBEDDED_SCRIPTS, AppSpec, shell_spec

SERVER_NAME = "Lean Server"
CALLER_NAME = "Lean Caller"


def server_layout():
    return client_root(
        SERVER_NAME,
        [dash_glue42.MethodRegister(id=ids.REGISTER_SUM, definition={"name": "Sum"}, returns=True)],
    )


def handle_sum(invoke):
    result, _handled = sum_invocation_handler(invoke)  # the real handler; its handled list is not on this page
    return result


def register_server(app):
    app.callback(Output(ids.REGISTER_SUM, "result"), Input(ids.REGISTER_SUM, "invoke"), prevent_initial_call=True)(
        handle_sum
    )


def caller_layout():
    return client_root(
        CALLER_NAME,
        [
            dash_glue42.MethodInvoke(id=ids.INVOKE_SUM),
            dcc.Input(id=ids.NUMBER_A, type="text", value=37),
            dcc.Input(id=ids.NUMBER_B, type="text", value=5),
            html.Button("Sum", id=ids.SUM_BUTTON),
            html.Div(id=ids.SUM_RESULT),
        ],
    )


def sum_numbers(_, a, b):
    return {"definition": {"name": "Sum"}, "argumentObj": {"a": a, "b": b}}


def sum_numbers_result_handler(result):
    if result is None:
        raise PreventUpdate
    error = result.get("error")
    if error is not None:
        return lines_to_children(error_lines(error, describe_sum, "Sum"))
    return lines_to_children(answer_lines(result.get("invocationResult", {}), describe_sum, "Sum"))


def register_caller(app):
    app.callback(
        Output(ids.INVOKE_SUM, "invoke"),
        Input(ids.SUM_BUTTON, "n_clicks"),
        State(ids.NUMBER_A, "value"),
        State(ids.NUMBER_B, "value"),
        prevent_initial_call=True,
    )(sum_numbers)
    app.callback(Output(ids.SUM_RESULT, "children"), Input(ids.INVOKE_SUM, "result"))(sum_numbers_result_handler)


LEAN_CLIENT_APPS = (
    AppSpec(
        name="leanserver",
        title=SERVER_NAME,
        prefix="/lean-server/",
        layout=server_layout,
        register_callbacks=register_server,
        shell_instances=1,
        scripts=(*COMPAT_SCRIPTS, *EMBEDDED_SCRIPTS),
    ),
    AppSpec(
        name="leancaller",
        title=CALLER_NAME,
        prefix="/lean-caller/",
        layout=caller_layout,
        register_callbacks=register_caller,
        shell_instances=1,
        scripts=(*COMPAT_SCRIPTS, *EMBEDDED_SCRIPTS),
    ),
)
LEAN_SHELL = shell_spec(LEAN_CLIENT_APPS)


def create_lean_server():
    return create_server(apps=(*LEAN_CLIENT_APPS, LEAN_SHELL))
