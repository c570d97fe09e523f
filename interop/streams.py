"""Stream subscriptions from the inspector: the request, checked before anything is sent, and what the page
reports back (its words, colours and views are pages/inspector_streams.py's).

``assets/inspector_streams.js`` subscribes with ``glue.interop.subscribe`` and reports two snapshots:

- the state, small: ``{"subscriptions": [{id, request, state, reason, servers, received, kept, at}],
  "colours": {instance: n}}``, newest subscription first. ``request`` is ``{stream, target, waitTimeoutMs,
  args}`` with ``args`` as JSON text of at most ``STREAM_ARGS_SHOWN`` characters (so the state stays small);
  ``state`` is one of :data:`STATES`; ``servers``
  are the ``{application, instance}`` it is open to; ``colours`` numbers each server instance in the order the
  page first saw it, so a server keeps its colour for as long as the page runs;
- the data, bounded: ``{subscription id: [{n, t, application, instance, text, chars}]}``, newest item first.
  ``n`` numbers a subscription's items from 1 in the order received; ``text`` is the item as JSON, at most
  ``STREAM_ITEM_CHARS`` long; ``chars`` is how long it was in all.

"Use call arguments" on a card gives Python the subscription's whole request (``{seq, stream, args, target,
waitTimeoutMs}``, ``args`` as indented JSON text), which :func:`reuse_values` turns into the form's values.

No Dash and no words for the screen here: plain functions that the callbacks, the page and tests call.
"""

import ids
from interop.adhoc import build_target, parse_arguments
from interop.options import NOTHING_SENT, is_timeout

TARGET_MODES = ("best", "all", "instances")  # glue.interop.subscribe refuses skipMine
# The server filter's value that shows every server's items. Not "": dbc.Select keeps "" for its hidden
# placeholder option, so a select whose value is "" shows an empty box, not "All servers".
ALL_SERVERS = "*"
STATES = ("subscribing", "open", "failed", "closed-by-server", "publisher-gone", "closed-by-you")
LIVE_STATES = ("subscribing", "open")


def _text(value):
    return value if isinstance(value, str) else ""


# --- what the form offers ----------------------------------------------------


def stream_names(snapshot):
    """Every method some server offers with ``supportsStreaming``, sorted (the servers store's snapshot)."""
    names = {
        _text(method.get("name"))
        for server in snapshot or []
        if isinstance(server, dict)
        for method in server.get("methods") or []
        if isinstance(method, dict) and method.get("supportsStreaming") and _text(method.get("name"))
    }
    return sorted(names, key=str.lower)


# --- the request ---------------------------------------------------------------


def live_count(state):
    return sum(1 for sub in subscriptions(state) if sub.get("state") in LIVE_STATES)


def build_request(request_id, stream, args_text, mode, instances, wait_timeout, state=None):
    """``(request, None)`` for the page to subscribe with, or ``(None, why nothing was sent)``.

    The request is ``{id, stream, args, target, waitTimeoutMs}``; the target is ``best``, ``all`` or a list
    of instance filters.
    """
    if not isinstance(stream, str) or not stream:
        return None, f"Pick a stream. {NOTHING_SENT}"
    arguments, problem = parse_arguments(args_text)
    if problem:
        return None, problem
    if mode not in TARGET_MODES:
        return None, f"Choose a target: best, all or specific instances (subscribe has no skipMine). {NOTHING_SENT}"
    target, problem = build_target(mode, instances)
    if problem:
        return None, problem
    if not is_timeout(wait_timeout, 0):
        return None, f"waitTimeoutMs must be a whole number of milliseconds, from 0 to 300,000. {NOTHING_SENT}"
    if live_count(state) >= ids.STREAM_SUBSCRIPTIONS_KEPT:
        return None, (
            f"At most {ids.STREAM_SUBSCRIPTIONS_KEPT} subscriptions can be open at once: close one first. "
            f"{NOTHING_SENT}"
        )
    request = {"id": request_id, "stream": stream, "args": arguments, "target": target, "waitTimeoutMs": wait_timeout}
    return request, None


def reuse_values(reuse):
    """The streams form's values for a request the page handed back: ``{stream, args, mode, instances,
    wait_timeout}``, or None when it is not one (``wait_timeout`` None: keep the form's)."""
    if not isinstance(reuse, dict) or not _text(reuse.get("stream")):
        return None
    args = _text(reuse.get("args")) or "{}"
    if len(args) > ids.MAX_ARGS_CHARS:
        return None
    target = reuse.get("target")
    if isinstance(target, list):
        instances = [t.get("instance") for t in target if isinstance(t, dict) and _text(t.get("instance"))]
        mode = "instances"
    else:
        instances = []
        mode = target if target in TARGET_MODES else "best"
    wait = reuse.get("waitTimeoutMs")
    return {
        "stream": reuse["stream"],
        "args": args,
        "mode": mode,
        "instances": instances,
        "wait_timeout": wait if is_timeout(wait, 0) else None,
    }


# --- the state ------------------------------------------------------------------


def subscriptions(state):
    """The subscriptions of a state snapshot that have an id, newest first (as the page sends them)."""
    found = (state or {}).get("subscriptions") if isinstance(state, dict) else None
    return [sub for sub in found or [] if isinstance(sub, dict) and _text(sub.get("id"))]


def find(state, subscription_id):
    return next((sub for sub in subscriptions(state) if sub["id"] == subscription_id), None)


# --- items ------------------------------------------------------------------------


def is_one_server(server):
    """Whether the server filter's value picks one server (an instance id) rather than all of them."""
    return isinstance(server, str) and server not in ("", ALL_SERVERS)


def items_of(data, subscription_id, server=ALL_SERVERS):
    """The items of one subscription (newest first), only those of ``server`` (an instance id) when given."""
    found = (data or {}).get(subscription_id) if isinstance(data, dict) else None
    items = [item for item in found or [] if isinstance(item, dict)]
    if is_one_server(server):
        items = [item for item in items if item.get("instance") == server]
    return items[: ids.STREAM_ITEMS_KEPT]
