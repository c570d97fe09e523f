"""The leanest Dash pair on dash_glue42: the floor the benchmark compares the real apps with.

One server page with nothing but ``MethodRegister`` for Sum and its Python
handler, one caller page with nothing but ``MethodInvoke`` and the result, in
the same shell, with the same assets, compression and CSP as the real apps
(``app.create_server`` mounts them). No handled list, journal, interop log,
pending status or inspector. The handler and the result text are the real
apps' own functions (``interop.answer``, ``interop.sum``,
``interop.results``), so what the real apps pay above these figures is their
bookkeeping, not their logic.

The caller shows each result twice, so one run gives both floors:

* ``sum-numbers-result``: rendered by a Python callback, as the real caller
  does (two HTTP round trips per Sum: the handler's and this one);
* ``lean-page-result``: rendered in the page by a clientside callback (one HTTP
  round trip: the handler's).

``gunicorn 'bench.lean:create_lean_server()'`` serves it (bench/__main__.py).
"""

import dash_glue42
from dash import Input, Output, State, dcc, html

import ids
from app import create_server
from interop.answer import answer
from interop.results import describe_sum_result
from interop.sum import compute_sum
from pages.common import client_root, lines_to_children
from registry import AppSpec, shell_spec

SERVER_NAME = "Lean Server"
CALLER_NAME = "Lean Caller"
PAGE_BUTTON = "lean-page-btn"
PAGE_INVOKE = "lean-page-invoke"
PAGE_RESULT = "lean-page-result"

# A click becomes an invocation in the page, as in the real caller (no HTTP round trip).
INVOKE_ON_CLICK = """(clicks, a, b) => ({
    invocationId: String(clicks) + "-" + Math.random().toString(36).slice(2),
    definition: {name: "Sum"},
    argumentObj: {a: a, b: b},
    target: "best"
})"""
# The result line in the page: the floor without the caller's HTTP round trip.
RESULT_IN_PAGE = """(result) => result && result.invocationResult
    ? "Sum is " + result.invocationResult.returned.sum
    : "Failed: " + (result && result.error && result.error.message)"""


def server_layout():
    return client_root(
        SERVER_NAME,
        [dash_glue42.MethodRegister(id=ids.REGISTER_SUM, definition={"name": "Sum"}, returns=True)],
    )


def handle_sum(invoke):
    return answer(invoke, compute_sum)


def register_server(app):
    app.callback(Output(ids.REGISTER_SUM, "result"), Input(ids.REGISTER_SUM, "invoke"), prevent_initial_call=True)(
        handle_sum
    )


def caller_layout():
    return client_root(
        CALLER_NAME,
        [
            dash_glue42.MethodInvoke(id=ids.INVOKE_SUM),
            dash_glue42.MethodInvoke(id=PAGE_INVOKE),
            dcc.Input(id=ids.NUMBER_A, type="number", value=1),
            dcc.Input(id=ids.NUMBER_B, type="number", value=2),
            html.Button("Sum (result from Python)", id=ids.SUM_BUTTON),
            html.Div(id=ids.SUM_RESULT),
            html.Button("Sum (result in the page)", id=PAGE_BUTTON),
            html.Div(id=PAGE_RESULT),
        ],
    )


def render_result(result):
    return lines_to_children(describe_sum_result(result))


def register_caller(app):
    for button, invoker in ((ids.SUM_BUTTON, ids.INVOKE_SUM), (PAGE_BUTTON, PAGE_INVOKE)):
        app.clientside_callback(
            INVOKE_ON_CLICK,
            Output(invoker, "invoke"),
            Input(button, "n_clicks"),
            State(ids.NUMBER_A, "value"),
            State(ids.NUMBER_B, "value"),
            prevent_initial_call=True,
        )
    app.callback(Output(ids.SUM_RESULT, "children"), Input(ids.INVOKE_SUM, "result"), prevent_initial_call=True)(
        render_result
    )
    app.clientside_callback(
        RESULT_IN_PAGE, Output(PAGE_RESULT, "children"), Input(PAGE_INVOKE, "result"), prevent_initial_call=True
    )


LEAN_CLIENT_APPS = (
    AppSpec(
        name="leanserver",
        title=SERVER_NAME,
        prefix="/lean-server/",
        layout=server_layout,
        register_callbacks=register_server,
        shell_instances=1,
    ),
    AppSpec(
        name="leancaller",
        title=CALLER_NAME,
        prefix="/lean-caller/",
        layout=caller_layout,
        register_callbacks=register_caller,
        shell_instances=1,
    ),
)
LEAN_SHELL = shell_spec(LEAN_CLIENT_APPS)


def create_lean_server():
    return create_server(apps=(*LEAN_CLIENT_APPS, LEAN_SHELL))
