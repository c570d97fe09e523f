"""Callbacks of the inspector's Streams card.

dash_glue42 has no stream component, so ``assets/inspector_streams.js`` holds the subscriptions (through the
page's glue instance). The split:

- Python checks the form (``interop.streams``) and writes a command into ``inspector-stream-command``:
  subscribe with a request, or close, reconnect or clear one subscription. A clientside callback hands it to
  the page, so a refused form sends nothing;
- the page reports each subscription's state (``inspector-stream-state``, small, only when it changes) and
  the items (``inspector-stream-data``, bounded, at most every ``STREAM_FLUSH_MS``); Python renders both.

A card per subscription is only re-created when the list of subscriptions changes; its state, filter options,
summary and items are outputs of their own, which each card renders from the snapshots (pattern-matching
``MATCH``: ``render_parts`` says why not ``ALL``).
"""

import uuid

from dash import ALL, MATCH, ClientsideFunction, Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate

import ids
from callbacks.collector import CallbackCollector
from callbacks.json_box import toolbar_outputs
from interop import adhoc, streams
from interop.servers import find_method, instances_offering
from pages import inspector_servers, inspector_streams

BUTTON_KINDS = ("close", "reconnect", "clear")

app = CallbackCollector()  # each callback's wiring is written above it; register() replays them on a Dash


@app.callback(
    Output(ids.STREAM_METHOD, "options"),
    Input(ids.SERVERS_STORE, "data"),
    State(ids.STREAM_METHOD, "value"),
)
def stream_options(snapshot, picked):
    """The streams on offer; a picked one that no server offers now stays, so the pick shown is the one sent."""
    names = streams.stream_names(snapshot)
    options = [{"label": name, "value": name} for name in names]
    if isinstance(picked, str) and picked and picked not in names:
        options.append({"label": f"{picked} (no server offers it now)", "value": picked})
    return options


@app.callback(
    Output(ids.STREAM_INSTANCES, "options"),
    Input(ids.SERVERS_STORE, "data"),
    Input(ids.STREAM_METHOD, "value"),
)
def stream_instance_options(snapshot, stream):
    return inspector_servers.instance_options(instances_offering(snapshot, stream))


# "Use call arguments": the page hands Python the card's whole request (the state carries it shortened).
app.clientside_callback(
    ClientsideFunction(namespace="inspectorStreams", function_name="useArguments"),
    Output(ids.STREAM_REUSE, "data"),
    Input(ids.stream_part("reuse", ALL), "n_clicks"),
    prevent_initial_call=True,
)


@app.callback(
    output=dict(
        stream=Output(ids.STREAM_METHOD, "value", allow_duplicate=True),
        args=Output(ids.STREAM_ARGS, "value"),
        target=Output(ids.STREAM_TARGET, "value"),
        instances=Output(ids.STREAM_INSTANCES, "value"),
        wait_timeout=Output(ids.STREAM_WAIT_TIMEOUT, "value"),
    ),
    inputs=dict(stream=Input(ids.STREAM_METHOD, "value"), reuse=Input(ids.STREAM_REUSE, "data")),
    state=dict(snapshot=State(ids.SERVERS_STORE, "data")),
    prevent_initial_call=True,
)
def prefill_arguments(stream, reuse, snapshot):
    """A picked stream's arguments, prefilled from its ``accepts`` signature as for methods; or a card's request
    put back in the form ("Use call arguments": its stream, arguments, target and waitTimeoutMs)."""
    return form_values(ctx.triggered_id, stream, reuse, snapshot)


def form_values(trigger, stream, reuse, snapshot):
    """``prefill_arguments``' outputs. Its own change of the stream triggers it again: Dash drops that run."""
    keep = dict.fromkeys(("stream", "target", "instances", "wait_timeout"), no_update)
    if trigger == ids.STREAM_REUSE:
        values = streams.reuse_values(reuse)
        if values is None:
            raise PreventUpdate
        return {
            "stream": no_update if values["stream"] == stream else values["stream"],
            "args": values["args"],
            "target": values["mode"],
            "instances": values["instances"],
            "wait_timeout": no_update if values["wait_timeout"] is None else values["wait_timeout"],
        }
    if not stream:
        raise PreventUpdate
    return {**keep, "args": adhoc.prefill(find_method(snapshot, stream))}


@app.callback(
    Output(ids.STREAM_ARGS, "value", allow_duplicate=True),
    Output(ids.json_status(ids.STREAM_ARGS), "children"),
    Output(ids.json_status(ids.STREAM_ARGS), "className"),
    Input(ids.json_action(ids.STREAM_ARGS, ALL), "n_clicks"),
    State(ids.STREAM_ARGS, "value"),
    prevent_initial_call=True,
)
def stream_json_tools(_clicks, text):
    """Format, Compact or Fix the stream's arguments: the new text, or where the text is wrong (unchanged)."""
    return toolbar_outputs(ctx.triggered_id, bool(ctx.triggered and ctx.triggered[0].get("value")), text)


@app.callback(
    output=dict(command=Output(ids.STREAM_COMMAND, "data"), problem=Output(ids.STREAM_PROBLEM, "children")),
    inputs=dict(
        subscribe=Input(ids.STREAM_BUTTON, "n_clicks"),
        close=Input(ids.stream_part("close", ALL), "n_clicks"),
        reconnect=Input(ids.stream_part("reconnect", ALL), "n_clicks"),
        clear=Input(ids.stream_part("clear", ALL), "n_clicks"),
    ),
    state=dict(
        stream=State(ids.STREAM_METHOD, "value"),
        args_text=State(ids.STREAM_ARGS, "value"),
        mode=State(ids.STREAM_TARGET, "value"),
        instances=State(ids.STREAM_INSTANCES, "value"),
        wait_timeout=State(ids.STREAM_WAIT_TIMEOUT, "value"),
        snapshot=State(ids.SERVERS_STORE, "data"),
        state=State(ids.STREAM_STATE, "data"),
    ),
    prevent_initial_call=True,
)
def stream_command(
    subscribe, close, reconnect, clear, stream, args_text, mode, instances, wait_timeout, snapshot, state
):
    """The command for the page, and the form's problem (why nothing was sent), for whatever was clicked."""
    clicked = bool(ctx.triggered and ctx.triggered[0].get("value"))
    command, problem = command_for(
        ctx.triggered_id, clicked, stream, args_text, mode, instances, wait_timeout, snapshot, state, new_id()
    )
    return {"command": command, "problem": problem}


def new_id():
    return uuid.uuid4().hex


def command_for(trigger, clicked, stream, args_text, mode, instances, wait_timeout, snapshot, state, command_id):
    """Outputs of ``stream_command``: ``(command, problem)``.

    A command is ``{"seq", "action", "id"}``, and ``"request"`` to subscribe; ``seq`` is new each time, so
    the page tells a second click on the same button from a re-sent value.
    """
    if isinstance(trigger, dict):
        kind = trigger.get("type", "").removeprefix("inspector-stream-")
        if not clicked or kind not in BUTTON_KINDS:
            raise PreventUpdate  # buttons re-created with their card, not a click
        key = trigger.get("subscription")
        if streams.find(state, key) is None:
            raise PreventUpdate
        return {"seq": command_id, "action": kind, "id": key}, no_update
    if trigger != ids.STREAM_BUTTON or not clicked:
        raise PreventUpdate
    offering = {server["instance"] for server in instances_offering(snapshot, stream)}
    picked = [i for i in instances or [] if i in offering]
    request, problem = streams.build_request(command_id, stream, args_text, mode, picked, wait_timeout, state)
    if problem:
        return no_update, problem
    return {"seq": command_id, "action": "subscribe", "id": request["id"], "request": request}, ""


def _ids_of(specs):
    return [spec["id"]["subscription"] for spec in specs or []]


# The page acts on each command: subscribe, close, reconnect, clear (assets/inspector_streams.js).
app.clientside_callback(
    ClientsideFunction(namespace="inspectorStreams", function_name="command"),
    Input(ids.STREAM_COMMAND, "data"),
)


@app.callback(
    Output(ids.STREAM_LIST, "children"),
    Input(ids.STREAM_STATE, "data"),
    State(ids.stream_part("filter", ALL), "value"),
)
def render_cards(state, _filters):
    """The cards of the subscriptions, re-created only when the list of subscriptions changed."""
    rendered = _ids_of(ctx.states_list[0]) if ctx.states_list else []
    values = dict(zip(rendered, _filters or [], strict=False))
    return cards(state, rendered, values)


def cards(state, rendered, filters):
    """The list's children; ``PreventUpdate`` when it already shows the cards of exactly these subscriptions."""
    subs = streams.subscriptions(state)
    if [sub["id"] for sub in subs] == list(rendered):
        raise PreventUpdate
    return [inspector_streams.subscription_card(sub, filters.get(sub["id"]) or streams.ALL_SERVERS) for sub in subs]


# A card just made runs this at once (its filter is a new input), with the snapshots as they are then.
@app.callback(
    Output(ids.stream_part("state", MATCH), "children"),
    Output(ids.stream_part("filter", MATCH), "options"),
    Output(ids.stream_part("summary", MATCH), "children"),
    Output(ids.stream_part("items", MATCH), "children"),
    Input(ids.STREAM_STATE, "data"),
    Input(ids.STREAM_DATA, "data"),
    Input(ids.stream_part("filter", MATCH), "value"),
    State(ids.stream_part("filter", MATCH), "id"),
)
def render_parts(state, data, server, filter_id):
    """One card's state, filter options, summary and items.

    Per card (``MATCH``), not one callback over every card (``ALL``): Dash 4.4 drops the answer of a
    callback still on its way when the same callback is triggered again, except one whose ``ALL`` outputs match
    other than one component each. Such answers land in the order they arrive, so a slow one from the
    "subscribing" snapshot could overwrite the "open" one after it, for good (``strm008`` holds one back).
    """
    return parts(filter_id["subscription"], state, data, server)


def parts(key, state, data, server):
    """The card of subscription ``key``: its state text, filter options, summary and item views."""
    colours = (state or {}).get("colours") if isinstance(state, dict) else {}
    sub = streams.find(state, key) or {"id": key, "state": None}
    server = server or streams.ALL_SERVERS
    shown = streams.items_of(data, key, server)
    return (
        inspector_streams.state_text(sub),
        inspector_streams.server_options(streams.items_of(data, key), server),
        inspector_streams.summary_text(sub, len(shown), server),
        [inspector_streams.item_view(item, colours, key) for item in shown],
    )


def register(dash_app):
    """Give the Streams card's callbacks to the Inspector's ``Dash``."""
    app.register(dash_app)
