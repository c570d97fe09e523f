"""The invocation log: records the apps publish, merged into one row per invocation.

Every app publishes its own recent records through io.Connect, in a shared
context of its own (``ids.LOG_CONTEXT_PREFIX`` and its instance id). The
activity seam around dash_glue42's components makes them in the page
(``assets/dash_glue42_activity.js``), so the apps' callbacks keep none:

- a server, one **handled** record per invocation its handler callback ran:
  caller, arguments and what the handler answered;
- a caller, one **invoked** record per invocation: target, arguments,
  latency as the caller saw it, and what each server answered.

The inspector collects them all and :func:`merge_records` joins each handled
record to the invocation it belongs to. Glue gives servers no id of the
caller's invocation, so the join is by caller instance, server instance,
method and arguments, earliest first, within a time window around the
invocation. Handled records no caller reported (an app that does not log,
or a record that arrived first) get a row of their own.
"""

import json

import ids

ELLIPSIS = "…"
VOID_ANSWERS = ("", "{}", "null")  # what a caller sees a void method return


def clip(text, limit=ids.LOG_TEXT_LIMIT):
    """``text`` in at most ``limit`` characters, its last one ``…`` when it was longer: Python's one clip.

    assets/dash_glue42_activity.js ``clip`` is its JavaScript twin, for the records the apps publish.
    """
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


def number_or(value, default=0):
    """``value`` if it is a number (not a bool), else ``default``: records come from other apps."""
    return value if isinstance(value, int | float) and not isinstance(value, bool) else default


def _text(value):
    return value if isinstance(value, str) else ""


def row_from_invoked(record):
    servers = []
    for server in record.get("servers") or []:
        if isinstance(server, dict):
            servers.append(
                {
                    "application": _text(server.get("application")),
                    "instance": _text(server.get("instance")),
                    "outcome": _text(server.get("outcome")),
                    "ok": server.get("ok") is not False,
                    "handled": False,
                    "handler_ms": None,  # the server's own handling time: its handled record has it
                }
            )
    latency = record.get("latency_ms")
    return {
        "id": _text(record.get("id")),
        "t": number_or(record.get("t")),
        "method": _text(record.get("method")) or "?",
        "caller": _text(record.get("app")),
        "caller_instance": _text(record.get("instance")),
        "target": record.get("target"),
        "args": _text(record.get("args")),
        "latency_ms": number_or(latency, None),
        "error": _text(record.get("error")) or None,
        "servers": servers,
        "reported_by_caller": True,
    }


def row_from_handled(record):
    return {
        "id": "handled:" + _text(record.get("id")),
        "t": number_or(record.get("t")),
        "method": _text(record.get("method")) or "?",
        "caller": _text(record.get("caller")),
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
    handler_ms = number_or(record.get("handler_ms"), None)
    for server in row["servers"]:
        if server["instance"] == instance and not server["handled"]:
            server["handled"] = True
            server["handler_ms"] = handler_ms
            if server["outcome"] in VOID_ANSWERS and _text(record.get("outcome")):
                # A void method answers the caller at once; what its handler did is the server's to say.
                server["outcome"] = _text(record.get("outcome"))
                server["ok"] = server["ok"] and record.get("ok") is not False
            return
    row["servers"].append(
        {
            "application": _text(record.get("app")),
            "instance": instance,
            "outcome": _text(record.get("outcome")),
            "ok": record.get("ok") is not False,
            "handled": True,
            "handler_ms": handler_ms,
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
    return row["t"] - ids.LOG_MATCH_BEFORE_MS <= number_or(record.get("t")) <= end + ids.LOG_MATCH_AFTER_MS


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
    for record in sorted(handled, key=lambda r: number_or(r.get("t"))):
        candidates = by_caller.get((_text(record.get("caller_instance")), _text(record.get("method"))), [])
        row = next((r for r in candidates if _claims(r, record)), None)
        if row is None:
            row = row_from_handled(record)
            rows.append(row)
        _attach(row, record)
    return sorted(rows, key=lambda r: r["t"], reverse=True)


def bound_rows(rows, limit=ids.LOG_ROWS):
    """The newest ``limit`` rows (rows are newest first)."""
    return list(rows or [])[:limit]


def handled_count(rows):
    return sum(1 for row in rows for server in row["servers"] if server["handled"])


def last_args_by_method(rows):
    """The arguments each method was last invoked with (prefills the ad-hoc editor)."""
    latest = {}
    for row in sorted(rows, key=lambda r: r["t"]):
        if row["args"] and not row["args"].endswith(ELLIPSIS):
            latest[row["method"]] = row["args"]
    return latest


# --- a row's outcome -------------------------------------------------------------
OUTCOMES = ("ok", "failed", "pending")  # what row_outcome says of a row (pages/inspector_log.py words them)


def row_outcome(row):
    """``failed`` (an error, or any server failed), ``ok`` (settled, every server answered) or ``pending``.

    A caller's row is settled once it has its latency; a row only a server reported, once that server's
    record has its outcome. A settled invocation no server answered counts as "no answer".
    """
    if row["error"] or any(not server["ok"] for server in row["servers"]):
        return "failed"
    if row["reported_by_caller"]:
        settled = row["latency_ms"] is not None
    else:
        settled = all(server["outcome"] for server in row["servers"])
    return "ok" if settled and row["servers"] else "pending"


def row_apps(row):
    """The applications of a row's caller and servers, as the records give them (none when a record has none)."""
    return {row["caller"], *(server["application"] for server in row["servers"])} - {""}


def apps_of(rows):
    """Every application the rows name, as a caller or a server, sorted."""
    return sorted(set().union(*(row_apps(row) for row in rows))) if rows else []


def rows_of_app(rows, app=None):
    """The rows ``app`` called or served (all of them for none): the log's one filter over two columns."""
    return list(rows) if not app else [row for row in rows if app in row_apps(row)]
