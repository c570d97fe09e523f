"""The invocation log: records the apps publish, merged into one row per invocation.

Every app publishes its own recent records through io.Connect, in a shared
context of its own (``ids.LOG_CONTEXT_PREFIX`` and its instance id; see ``assets/interop_log.js``):

- a server, one **handled** record per invocation its handler callback ran
  (``handled_entry`` in ``callbacks/server.py`` makes them);
- a caller, one **invoked** record per result it received: target, latency as
  the caller saw it, and what each server answered.

The inspector collects them all and :func:`merge_records` joins each handled
record to the invocation it belongs to. Glue gives servers no id of the
caller's invocation, so the join is by caller instance, server instance,
method and arguments, earliest first, within a time window around the
invocation. Handled records no caller reported (an app that does not log,
or a record that arrived first) get a row of their own.
"""

import json
from datetime import datetime

import ids

MAX_ROWS = ids.LOG_ROWS  # the log shows the latest rows only
CHART_INVOCATIONS = 60  # the latency chart shows the latest answered invocations
TEXT_LIMIT = ids.LOG_TEXT_LIMIT  # characters of args or outcome a record carries (the page clips the same)
ELLIPSIS = "…"
# A handled record belongs to an invocation when it was stamped within this
# window: from a little before it was made to a while after its result.
MATCH_BEFORE_MS = 2_000
MATCH_AFTER_MS = 5_000


def clip(text, limit=TEXT_LIMIT):
    text = "" if text is None else str(text)
    return text if len(text) <= limit else text[: limit - 1] + ELLIPSIS


def args_text(args):
    """Compact JSON, the way ``JSON.stringify`` writes it, clipped."""
    try:
        text = json.dumps(args, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        text = repr(args)
    return clip(text)


def same_args(left, right):
    """Whether two args texts are the same arguments (formatting aside; clipped ones by prefix)."""
    if left == right:
        return True
    left, right = left or "", right or ""
    if left.endswith(ELLIPSIS) or right.endswith(ELLIPSIS):
        return left.rstrip(ELLIPSIS)[:100] == right.rstrip(ELLIPSIS)[:100]
    try:
        return json.loads(left) == json.loads(right)
    except ValueError:
        return False


def _number(value, default=0):
    return value if isinstance(value, int | float) and not isinstance(value, bool) else default


def _text(value):
    return value if isinstance(value, str) else ""


def _server_outcomes(result):
    """What each targeted server answered, as the caller's invoked record lists it."""
    invocation_result = result.get("invocationResult") or {}
    error = result.get("error") if isinstance(result.get("error"), dict) else {}
    answers = invocation_result.get("all_return_values") or []
    failures = invocation_result.get("all_errors") or error.get("all_errors") or []
    outcomes = []
    for entry, ok in [(a, True) for a in answers] + [(f, False) for f in failures]:
        if not isinstance(entry, dict):
            continue
        server = entry.get("executed_by") if isinstance(entry.get("executed_by"), dict) else {}
        outcome = args_text(entry.get("returned")) if ok else clip(entry.get("message"))
        outcomes.append(
            {"application": server.get("application"), "instance": server.get("instance"), "ok": ok, "outcome": outcome}
        )
    return outcomes


def sent(invoke):
    """What a caller sent, as its log record says it: from a ``MethodInvoke.invoke`` object."""
    return {
        "method": (invoke.get("definition") or {}).get("name"),
        "args": invoke.get("argumentObj"),
        "target": invoke.get("target"),
    }


def invoked_record(invocation_id, invocation, result=None):
    """A caller's record of one invocation for the interop log; pending until ``result`` is given.

    ``invocation`` is what the caller sent (``method``, ``args``, ``target``);
    ``result`` is ``MethodInvoke.result``, whose ``timing`` the compat script
    stamps in the page (``invokedAt``, ``settledAt``: ms since the epoch),
    because every time in the log is a browser time. A pending record has no
    time yet: the page stamps it when it publishes it (assets/interop_log.js).
    """
    timing = (result or {}).get("timing") or {}
    invoked_at, settled_at = _number(timing.get("invokedAt"), None), _number(timing.get("settledAt"), None)
    error = (result or {}).get("error")
    if error is not None:
        error = clip(error.get("message") if isinstance(error, dict) and error.get("message") else args_text(error))
    return {
        "kind": "invoked",
        "id": invocation_id,
        "t": invoked_at,
        "method": invocation.get("method"),
        "target": invocation.get("target"),
        "args": args_text(invocation.get("args")),
        "latency_ms": settled_at - invoked_at if None not in (invoked_at, settled_at) else None,
        "pending": result is None,
        "error": error,
        "servers": _server_outcomes(result) if result is not None else [],
    }


def row_from_invoked(record):
    servers = []
    for server in record.get("servers") or []:
        if isinstance(server, dict):
            servers.append(
                {
                    "application": _text(server.get("application")) or "unknown app",
                    "instance": _text(server.get("instance")),
                    "outcome": _text(server.get("outcome")),
                    "ok": server.get("ok") is not False,
                    "handled": False,
                }
            )
    latency = record.get("latency_ms")
    return {
        "id": _text(record.get("id")),
        "t": _number(record.get("t")),
        "method": _text(record.get("method")) or "?",
        "caller": _text(record.get("app")) or "unknown app",
        "caller_instance": _text(record.get("instance")),
        "target": record.get("target"),
        "args": _text(record.get("args")),
        "latency_ms": _number(latency, None),
        "error": _text(record.get("error")) or None,
        "servers": servers,
        "reported_by_caller": True,
    }


def row_from_handled(record):
    return {
        "id": "handled:" + _text(record.get("id")),
        "t": _number(record.get("t")),
        "method": _text(record.get("method")) or "?",
        "caller": _text(record.get("caller")) or "unknown app",
        "caller_instance": _text(record.get("caller_instance")),
        "target": None,
        "args": _text(record.get("args")),
        "latency_ms": None,
        "error": None,
        "servers": [],
        "reported_by_caller": False,
    }


def _attach(row, record):
    """Mark the server of ``record`` in ``row`` as handled (adding it when the caller did not list it)."""
    instance = _text(record.get("instance"))
    for server in row["servers"]:
        if server["instance"] == instance and not server["handled"]:
            server["handled"] = True
            if not server["outcome"]:
                server["outcome"] = _text(record.get("outcome"))
            return
    row["servers"].append(
        {
            "application": _text(record.get("app")) or "unknown app",
            "instance": instance,
            "outcome": _text(record.get("outcome")),
            "ok": record.get("ok") is not False,
            "handled": True,
        }
    )


def _claims(row, record):
    """Whether ``record`` (handled) can belong to the invocation of ``row``."""
    instance = _text(record.get("instance"))
    listed = [s for s in row["servers"] if s["instance"] == instance]
    if row["servers"] and not listed:
        return False  # the caller knows who executed it, and it was not this server
    if listed and all(s["handled"] for s in listed):
        return False  # this server's record for it is already in
    if not same_args(row["args"], _text(record.get("args"))):
        return False
    end = row["t"] + (row["latency_ms"] or 0)
    return row["t"] - MATCH_BEFORE_MS <= _number(record.get("t")) <= end + MATCH_AFTER_MS


def merge_records(records):
    """One row per invocation, newest first, from invoked and handled records of every app.

    Records are dicts as the apps publish them plus ``app`` and ``instance``
    (who published it). Duplicates (the same record seen twice) count once.
    """
    seen = set()
    invoked, handled = [], []
    for record in records or []:
        if not isinstance(record, dict):
            continue
        key = (record.get("kind"), record.get("instance"), record.get("id"))
        if key in seen:
            continue
        seen.add(key)
        if record.get("kind") == "invoked":
            invoked.append(record)
        elif record.get("kind") == "handled":
            handled.append(record)

    rows = [row_from_invoked(record) for record in invoked]
    by_caller = {}
    for row in sorted(rows, key=lambda r: r["t"]):
        by_caller.setdefault((row["caller_instance"], row["method"]), []).append(row)
    for record in sorted(handled, key=lambda r: _number(r.get("t"))):
        candidates = by_caller.get((_text(record.get("caller_instance")), _text(record.get("method"))), [])
        row = next((r for r in candidates if _claims(r, record)), None)
        if row is None:
            row = row_from_handled(record)
            rows.append(row)
        _attach(row, record)
    return sorted(rows, key=lambda r: r["t"], reverse=True)


def bound_rows(rows, limit=MAX_ROWS):
    """The newest ``limit`` rows (rows are newest first)."""
    return list(rows or [])[:limit]


def clock(t_ms):
    """``12:00:01.234`` in local time, from milliseconds since the epoch."""
    moment = datetime.fromtimestamp(_number(t_ms) / 1000)
    return moment.strftime("%H:%M:%S.") + f"{moment.microsecond // 1000:03d}"


def describe_target(target, servers=()):
    """``best``, ``all``, ``skipMine``, or the specific instances (by name where known)."""
    if target is None:
        return "?"
    if isinstance(target, str):
        return target
    filters = target if isinstance(target, list) else [target]
    names = {s["instance"]: s["application"] for s in servers if s.get("instance")}
    picked = []
    for item in filters:
        if isinstance(item, dict):
            instance = item.get("instance")
            picked.append(names.get(instance) or str(instance or item.get("application") or "?"))
    return "only " + ", ".join(picked) if picked else "?"


def one_line(text):
    """Text from other apps may hold line breaks; a log row must stay one line."""
    return " ".join(str(text).splitlines())


def server_text(server):
    mark = " ✔" if server["handled"] else ""
    outcome = server["outcome"] if server["ok"] else f"error: {server['outcome'] or 'failed'}"
    return f"{server['application']}{mark}: {outcome or 'ok'}"


def format_row(row):
    """One line of the log: time, method, caller → target, latency, args, then each server."""
    latency = f"{round(row['latency_ms'])} ms" if row["latency_ms"] is not None else "–"
    target = describe_target(row["target"], row["servers"])
    servers = " | ".join(server_text(s) for s in row["servers"]) or "no server"
    outcome = f"ERROR {row['error']} | {servers}" if row["error"] else servers
    line = f"{clock(row['t'])}  {row['method']}  {row['caller']} → {target}  {latency:>7}  {row['args']}  ⇒  {outcome}"
    return one_line(line)


def log_text(rows):
    return "\n".join(format_row(row) for row in rows)


def handled_count(rows):
    return sum(1 for row in rows for server in row["servers"] if server["handled"])


def log_summary(rows, total):
    """``20 invocations · 40 handled records (showing the latest 200 of 250)``."""
    shown = len(rows)
    text = f"{shown} invocation{'s' if shown != 1 else ''} · {handled_count(rows)} handled records"
    if total > shown:
        text += f" (showing the latest {shown} of {total})"
    return text


def latency_figure(rows, last=CHART_INVOCATIONS):
    """A plotly figure (a plain dict): round-trip latency of the ``last`` answered invocations, a trace
    per method and server. Few points keep each redraw cheap: it runs a couple of times a second."""
    answered = [row for row in rows if row["latency_ms"] is not None]
    traces = {}
    for row in sorted(answered, key=lambda r: r["t"])[-last:]:
        servers = [s["application"] for s in row["servers"]] or ["no server"]
        for name in servers:
            trace = traces.setdefault(
                f"{row['method']} @ {name}",
                {"type": "scatter", "mode": "lines+markers", "x": [], "y": [], "name": f"{row['method']} @ {name}"},
            )
            trace["x"].append(datetime.fromtimestamp(row["t"] / 1000).isoformat(timespec="milliseconds"))
            trace["y"].append(round(row["latency_ms"], 1))
    return {
        "data": [traces[name] for name in sorted(traces)],
        "layout": {
            "height": 220,
            "margin": {"l": 48, "r": 8, "t": 8, "b": 32},
            "yaxis": {"title": {"text": "ms"}, "rangemode": "tozero"},
            "xaxis": {"type": "date"},
            "legend": {"orientation": "h", "y": -0.25},
            "showlegend": True,
            "uirevision": "latency",
        },
    }


def last_args_by_method(rows):
    """The arguments each method was last invoked with (prefills the ad-hoc editor)."""
    latest = {}
    for row in sorted(rows, key=lambda r: r["t"]):
        if row["args"] and not row["args"].endswith(ELLIPSIS):
            latest[row["method"]] = row["args"]
    return latest
