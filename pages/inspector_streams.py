"""The inspector's Streams card: subscribe to a stream, and a card per subscription with its data as it arrives.

Everything from other apps (stream names, arguments, items) is given to Dash as string children, or, for an item's
line, as data attributes the page writes as text (``item_view``): it shows as text, never as HTML.
"""

import json

import dash_bootstrap_components as dbc
from dash import dcc, html

import ids
from interop import streams
from pages.common import DEFAULT_WAIT_TIMEOUT_MS, timeout_field
from pages.inspector_parts import card_title, instances_group, radio_group
from pages.inspector_text import clock, describe_target, instance_label
from pages.json_box import json_toolbar

TARGET_OPTIONS = [
    {"label": "best", "value": "best"},
    {"label": "all", "value": "all"},
    {"label": "specific instances", "value": "instances"},
]
EMPTY_STATE = {"subscriptions": [], "colours": {}}
PALETTE_SIZE = 6  # CSS classes stream-server-0 … stream-server-5 (assets/app.css)


# --- a subscription, in words ------------------------------------------------------


def state_text(sub):
    """What a subscription is doing, in words."""
    state = sub.get("state")
    if state == "subscribing":
        return "subscribing…"
    if state == "open":
        servers = [s for s in sub.get("servers") or [] if isinstance(s, dict)]
        count = len(servers)
        names = ", ".join(instance_label(s) for s in servers)
        return f"open to {count} server{'s' if count != 1 else ''}" + (f": {names}" if names else "")
    if state == "failed":
        reason = sub.get("reason")
        return f"failed: {reason if isinstance(reason, str) and reason else 'no reason given'}"
    if state == "closed-by-server":
        return "closed by the server"
    if state == "publisher-gone":
        return "closed: the publisher is gone"
    if state == "closed-by-you":
        return "closed by you"
    return "unknown state"


def summary_text(sub, shown, server=streams.ALL_SERVERS):
    """``3 items received · showing 3`` (and what is kept, and the filter)."""
    received = sub.get("received") if isinstance(sub.get("received"), int) else 0
    text = f"{received:,} item{'s' if received != 1 else ''} received · showing {shown}"
    if received > ids.STREAM_ITEMS_KEPT:
        text += f" (the latest {ids.STREAM_ITEMS_KEPT} are kept)"
    if streams.is_one_server(server):
        text += " of one server"
    return text


def server_options(items, current=streams.ALL_SERVERS):
    """The server filter's options: all servers, then each server seen in the items (and the current pick)."""
    seen = {}
    for item in items or []:
        instance = item.get("instance")
        if isinstance(instance, str) and instance and instance not in seen:
            seen[instance] = instance_label(item)
    if streams.is_one_server(current) and current not in seen:
        seen[current] = f"({current})"
    options = [{"label": "All servers", "value": streams.ALL_SERVERS}]
    options += [{"label": label, "value": instance} for instance, label in sorted(seen.items(), key=lambda p: p[1])]
    return options


# --- items ------------------------------------------------------------------------


def cut_text(text, chars=None, limit=None):
    """``(text, note)``: the item's JSON at most ``limit`` characters long, and a note when it was cut.

    ``chars`` is how long the item was in all, as the page measured it before cutting.
    """
    limit = ids.STREAM_ITEM_CHARS if limit is None else limit
    text = text if isinstance(text, str) else ""
    total = chars if isinstance(chars, int) and not isinstance(chars, bool) and chars > len(text) else len(text)
    if total <= limit:
        return text, ""
    return text[:limit], f"… cut: {total:,} characters in all"


def colour_class(colours, instance):
    """The CSS class of a server's colour: its number in the order the page first saw it, round the palette."""
    number = (colours or {}).get(instance) if isinstance(colours, dict) else None
    if not isinstance(number, int) or isinstance(number, bool) or number < 0:
        return "stream-server-unknown"
    return f"stream-server-{number % PALETTE_SIZE}"


# --- the card ------------------------------------------------------------------------


def stream_stores():
    return [
        dcc.Store(id=ids.STREAM_COMMAND, data=None),
        dcc.Store(id=ids.STREAM_STATE, data=EMPTY_STATE),
        dcc.Store(id=ids.STREAM_DATA, data={}),
    ]


def streams_card():
    return dbc.Card(
        [
            dbc.CardHeader(card_title("Streams"), className="py-1"),
            dbc.CardBody(
                [
                    *stream_stores(),
                    dbc.Label("Stream", html_for=ids.STREAM_METHOD, className="small mb-0"),
                    dbc.Select(
                        id=ids.STREAM_METHOD,
                        options=[],
                        placeholder="Pick a stream",
                        size="sm",
                        className="mb-1 inspector-select",
                    ),
                    dbc.Label("Arguments (JSON)", html_for=ids.STREAM_ARGS, className="small mb-0"),
                    dbc.Textarea(
                        id=ids.STREAM_ARGS,
                        value="{}",
                        rows=3,
                        maxLength=ids.MAX_ARGS_CHARS,
                        spellCheck=False,
                        className="font-monospace small mb-1",
                    ),
                    json_toolbar(ids.STREAM_ARGS),
                    radio_group(
                        ids.STREAM_TARGET_LABEL,
                        "Target",
                        dbc.RadioItems(id=ids.STREAM_TARGET, options=TARGET_OPTIONS, value="best", inline=True),
                    ),
                    instances_group(
                        dbc.Checklist(id=ids.STREAM_INSTANCES, options=[], value=[], className="small ms-3 mb-1"),
                        "Instances to subscribe to",
                    ),
                    dbc.Row(
                        [
                            timeout_field(ids.STREAM_WAIT_TIMEOUT, "waitTimeoutMs", 0, DEFAULT_WAIT_TIMEOUT_MS),
                            dbc.Col(
                                dbc.Button("Subscribe", id=ids.STREAM_BUTTON, color="primary", size="sm"),
                                width="auto",
                            ),
                        ],
                        className="g-2 align-items-center mb-1",
                    ),
                    html.Div(id=ids.STREAM_PROBLEM, className="text-danger small", role="alert"),
                    dcc.Store(id=ids.STREAM_REUSE, data=None),
                    html.Div(id=ids.STREAM_COPY_STATUS, className="small text-muted", role="status"),
                    html.Div(id=ids.STREAM_LIST, children=[]),
                ],
                className="p-2",
            ),
        ],
        id=ids.STREAMS_CARD,
        className="mb-2",
    )


def dom_id(component_id):
    """The ``id`` attribute Dash gives a component with a dict id (its keys sorted, as JSON): for a ``<label for>``."""
    return json.dumps(component_id, sort_keys=True, separators=(",", ":"))


def subscription_card(sub, server=streams.ALL_SERVERS):
    """The frame of one subscription: what it asked for, its state, the server filter and its buttons.

    The items, state and filter options inside are filled in by a callback as data arrives; this frame is
    only re-created when the list of subscriptions changes, so an open filter stays open meanwhile.
    """
    key = sub["id"]
    request = sub.get("request") if isinstance(sub.get("request"), dict) else {}
    stream = str(request.get("stream") or "?")
    args = request.get("args") if isinstance(request.get("args"), str) else "{}"  # JSON text, already short
    at = f"{clock(sub['at'])}  " if isinstance(sub.get("at"), int | float) else ""
    button = {"size": "sm", "color": "secondary", "outline": True, "className": "py-0 px-2"}
    # The page's own buttons (assets/inspector_streams.js): no Dash id, so each click costs no callback.
    page_button = {"type": "button", "className": "btn btn-sm btn-outline-secondary py-0 px-2"}
    return html.Div(
        [
            html.Div(
                [
                    html.H3(stream, className="inspector-stream-title me-2"),
                    html.Span(f"{at}target {describe_target(request.get('target'))}", className="text-muted"),
                ],
                className="small",
            ),
            html.Div(
                [
                    html.Span("Called with", className="text-muted me-2"),
                    html.Code(args, className="stream-called-with text-break me-2"),
                    dbc.Button(
                        "Use call arguments",
                        id=ids.stream_part("reuse", key),
                        title="Put this subscription's stream, arguments and target back in the form",
                        **button,
                    ),
                ],
                className="small d-flex flex-wrap align-items-center gap-1",
            ),
            html.Div(
                [
                    html.Span(
                        state_text(sub),
                        id=ids.stream_part("state", key),
                        className="me-auto small fw-semibold",
                        role="status",
                    ),
                    dbc.Label("Show", html_for=dom_id(ids.stream_part("filter", key)), className="small mb-0"),
                    dbc.Select(
                        id=ids.stream_part("filter", key),
                        options=server_options([], server),
                        value=server,
                        size="sm",
                        className="stream-filter inspector-select",
                    ),
                    dbc.Button("Close", id=ids.stream_part("close", key), **button),
                    dbc.Button("Reconnect", id=ids.stream_part("reconnect", key), **button),
                    dbc.Button("Clear", id=ids.stream_part("clear", key), **button),
                ],
                className="d-flex gap-1 align-items-center my-1",
            ),
            html.Div(
                [
                    html.Div(id=ids.stream_part("summary", key), className="small text-muted me-auto"),
                    html.Button(
                        "Expand all",
                        **page_button,
                        **{"data-stream-entries": "expand", "aria-label": f"Expand all items of {stream}"},
                    ),
                    html.Button(
                        "Collapse all",
                        **page_button,
                        **{"data-stream-entries": "collapse", "aria-label": f"Collapse all items of {stream}"},
                    ),
                ],
                className="d-flex gap-1 align-items-center",
            ),
            html.Div(id=ids.stream_part("items", key), className="stream-items"),
        ],
        id=ids.stream_part("card", key),
        className="stream-subscription border rounded p-1 mt-2",
        **{"data-stream": str(request.get("stream") or ""), "data-subscription": key},
    )


def item_view(item, colours, subscription=None):
    """One item, collapsed to a line: when it arrived, which server pushed it (in that server's colour), and its JSON
    as text. Opened, it shows the JSON indented; Copy puts it on the clipboard.

    One Dash component per item, with the line's words in data attributes: the page draws the line, the opened view
    and Copy from them, as text (``drawItem`` in assets/inspector_streams.js). Dash 4 runs a selector for every
    component of the page at each change of its store, so items drawn as Dash components (eight each, 800 for a
    full card) made every callback of the Inspector slower with each card (docs/performance.md).

    An item's number gives it an id (``ids.stream_item``): the page keeps which items are open by that id, and opens
    them again when the list is drawn anew.
    """
    text, note = cut_text(item.get("text"), item.get("chars"))
    number = item.get("n")
    numbered = isinstance(number, int) and not isinstance(number, bool) and isinstance(subscription, str)
    return html.Div(
        className=f"stream-item {colour_class(colours, item.get('instance'))}",
        **({"id": ids.stream_item(subscription, number)} if numbered else {}),
        **{
            "data-instance": str(item.get("instance") or ""),
            "data-time": clock(item.get("t")),
            "data-server": instance_label(item),
            "data-text": text,
            "data-note": note,
            "data-number": str(number) if numbered else "",
        },
    )


def example_card():
    """A subscription card for Dash's validation layout (its parts are added by a callback later)."""
    return subscription_card({"id": "example", "request": {"stream": "example"}, "state": "subscribing"})
