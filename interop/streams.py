"""Stream subscriptions from the inspector: the request, checked before anything is sent, and the words for what
the page reports back.

``assets/inspector_streams.js`` subscribes with ``glue.interop.subscribe`` and reports two snapshots:

- the state, small: ``{"subscriptions": [{id, request, state, reason, servers, received, kept, at}],
  "colours": {instance: n}}``, newest subscription first. ``request`` is ``{stream, target, waitTimeoutMs,
  args}`` with ``args`` as JSON text of at most ``STREAM_ARGS_SHOWN`` characters (so the state stays small);
  ``state`` is one of :data:`STATES`; ``servers``
  are the ``{application, instance}`` it is open to; ``colours`` numbers each server instance in the order the
  page first saw it, so a server keeps its colour for as long as the page runs;
- the data, bounded: ``{subscription id: [{t, application, instance, text, chars}]}``, newest item first.
  ``text`` is the item as JSON, at most ``STREAM_ITEM_CHARS`` long; ``chars`` is how long it was in all.

No Dash here: plain functions that the callbacks and tests call.
"""

import ids
from interop.adhoc import build_target, parse_arguments
from interop.options import NOTHING_SENT, is_timeout

TARGET_MODES = ("best", "all", "instances")  # glue.interop.subscribe refuses skipMine
PALETTE_SIZE = 6  # CSS classes stream-server-0 … stream-server-5 (assets/app.css)
ALL_SERVERS = ""  # the server filter's value that shows every server's items
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


# --- the state, in words --------------------------------------------------------


def subscriptions(state):
    """The subscriptions of a state snapshot that have an id, newest first (as the page sends them)."""
    found = (state or {}).get("subscriptions") if isinstance(state, dict) else None
    return [sub for sub in found or [] if isinstance(sub, dict) and _text(sub.get("id"))]


def find(state, subscription_id):
    return next((sub for sub in subscriptions(state) if sub["id"] == subscription_id), None)


def server_label(server):
    """``Ticker Feed (a1b2c3)``: the application name, and the instance that tells two of them apart."""
    server = server if isinstance(server, dict) else {}
    application = _text(server.get("application")) or "unknown app"
    instance = _text(server.get("instance"))
    return f"{application} ({instance})" if instance else application


def state_text(sub):
    """What a subscription is doing, in words."""
    state = sub.get("state")
    if state == "subscribing":
        return "subscribing…"
    if state == "open":
        servers = [s for s in sub.get("servers") or [] if isinstance(s, dict)]
        count = len(servers)
        names = ", ".join(server_label(s) for s in servers)
        return f"open to {count} server{'s' if count != 1 else ''}" + (f": {names}" if names else "")
    if state == "failed":
        return f"failed: {_text(sub.get('reason')) or 'no reason given'}"
    if state == "closed-by-server":
        return "closed by the server"
    if state == "publisher-gone":
        return "closed: the publisher is gone"
    if state == "closed-by-you":
        return "closed by you"
    return "unknown state"


def describe_target(target):
    if isinstance(target, str):
        return target
    if isinstance(target, list):
        picked = [_text(t.get("instance")) for t in target if isinstance(t, dict)]
        return "only " + ", ".join(p for p in picked if p)
    return "?"


# --- items ------------------------------------------------------------------------


def cut_text(text, chars=None, limit=None):
    """``(text, note)``: the item's JSON at most ``limit`` characters long, and a note when it was cut.

    ``chars`` is how long the item was in all, as the page measured it before cutting.
    """
    limit = ids.STREAM_ITEM_CHARS if limit is None else limit
    text = _text(text)
    total = chars if isinstance(chars, int) and not isinstance(chars, bool) and chars > len(text) else len(text)
    if total <= limit:
        return text, ""
    return text[:limit], f"… cut: {total:,} characters in all"


def items_of(data, subscription_id, server=ALL_SERVERS):
    """The items of one subscription (newest first), only those of ``server`` (an instance id) when given."""
    found = (data or {}).get(subscription_id) if isinstance(data, dict) else None
    items = [item for item in found or [] if isinstance(item, dict)]
    if server:
        items = [item for item in items if item.get("instance") == server]
    return items[: ids.STREAM_ITEMS_KEPT]


def colour_class(colours, instance):
    """The CSS class of a server's colour: its number in the order the page first saw it, round the palette."""
    number = (colours or {}).get(instance) if isinstance(colours, dict) else None
    if not isinstance(number, int) or isinstance(number, bool) or number < 0:
        return "stream-server-unknown"
    return f"stream-server-{number % PALETTE_SIZE}"


def server_options(items, current=ALL_SERVERS):
    """The server filter's options: all servers, then each server seen in the items (and the current pick)."""
    seen = {}
    for item in items or []:
        instance = _text(item.get("instance"))
        if instance and instance not in seen:
            seen[instance] = server_label(item)
    if current and current not in seen:
        seen[current] = f"({current})"
    options = [{"label": "All servers", "value": ALL_SERVERS}]
    options += [{"label": label, "value": instance} for instance, label in sorted(seen.items(), key=lambda p: p[1])]
    return options


def summary_text(sub, shown, server=ALL_SERVERS):
    """``3 items received · showing 3`` (and what is kept, and the filter)."""
    received = sub.get("received") if isinstance(sub.get("received"), int) else 0
    text = f"{received:,} item{'s' if received != 1 else ''} received · showing {shown}"
    if received > ids.STREAM_ITEMS_KEPT:
        text += f" (the latest {ids.STREAM_ITEMS_KEPT} are kept)"
    if server:
        text += " of one server"
    return text
