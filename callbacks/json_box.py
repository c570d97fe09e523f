"""Format, Compact and Fix for the ad-hoc form's arguments (``inspector-args``): the toolbar of pages/json_box.py.

The streams form's box has the same callback in callbacks/inspector_streams.py; both call
:func:`toolbar_outputs`, so the words and repairs (pages/json_box.py, interop/json_text.py) are one.
"""

from dash import ALL, Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate

import ids
from callbacks.collector import CallbackCollector
from pages import json_box

app = CallbackCollector()  # each callback's wiring is written above it; register() replays them on a Dash


@app.callback(
    Output(ids.ADHOC_ARGS, "value", allow_duplicate=True),
    Output(ids.json_status(ids.ADHOC_ARGS), "children"),
    Output(ids.json_status(ids.ADHOC_ARGS), "className"),
    Input(ids.json_action(ids.ADHOC_ARGS, ALL), "n_clicks"),
    State(ids.ADHOC_ARGS, "value"),
    prevent_initial_call=True,
)
def adhoc_json_tools(_clicks, text):
    """Format, Compact or Fix the ad-hoc arguments: the new text, or where the text is wrong (unchanged)."""
    return toolbar_outputs(ctx.triggered_id, bool(ctx.triggered and ctx.triggered[0].get("value")), text)


def toolbar_outputs(trigger, clicked, text):
    """``(box value, status text, status class)`` for the button ``trigger`` (an ``ids.json_action`` id)."""
    if not clicked or not isinstance(trigger, dict):
        raise PreventUpdate
    value, message, is_problem = json_box.apply(trigger.get("action"), text)
    status_class = json_box.PROBLEM_CLASS if is_problem else json_box.OK_CLASS
    return (no_update if value is None else value), message, status_class


def register(dash_app):
    """Give the ad-hoc form's toolbar callback to the Inspector's ``Dash``."""
    app.register(dash_app)
